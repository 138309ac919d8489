// 合肥市基本医疗保险异地就医备案表 (seed 000). The manual lists its fields: 险种类别, 个人编号
// (身份证号码、社会保障卡号), 异地就医类型子项, 终止日期 (one year for the cancer subtype; empty
// for 异地转诊人员 until settlement), and the required 转往地区, 目前诊断, 异地转诊类型, 异地转诊理由,
// 联系电话. Printed for the patient to sign and the hospital to stamp, one copy each.
import type { PrintFieldKey, PrintFormDto } from '../../../shared/domain/print/form';
import { PRINT_TEMPLATES } from '../../../shared/domain/print/templates';
import { CopyHeader, ExtraFields, SignatureArea, TickBoxes, unplacedKeys, Val, type CopyProps } from './parts';

export const HEFEI_PLACED_KEYS: readonly PrintFieldKey[] = [
  'certNo', 'personName', 'destination', 'phone', 'diagnosis', 'referralKind', 'destinationHospital',
  'referralReason', 'startDate', 'endDate', 'institutionName', 'institutionCode', 'operatorName', 'filingDate',
];

function Cell({ dto, k, label, span = 1 }: { dto: PrintFormDto; k: PrintFieldKey; label: string; span?: number }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={span}>
        <Val dto={dto} k={k} />
      </td>
    </>
  );
}

export function HefeiForm(props: CopyProps) {
  const { dto } = props;
  const template = PRINT_TEMPLATES.hefei;
  const extra = unplacedKeys(dto, HEFEI_PLACED_KEYS);
  return (
    <>
      <CopyHeader {...props} title={template.title} />
      <table className="yb-table">
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>险种类别</th>
            <td colSpan={3}>
              <TickBoxes boxes={dto.ticks.hefei.insuranceType} />
            </td>
          </tr>
          <tr>
            <Cell dto={dto} k="personName" label="姓名" />
            <Cell dto={dto} k="certNo" label="个人编号" />
          </tr>
          <tr>
            <th>异地就医类型</th>
            <td colSpan={3}>
              <TickBoxes boxes={dto.ticks.hefei.filingType} />
            </td>
          </tr>
          <tr>
            <Cell dto={dto} k="destination" label="转往地区" />
            <Cell dto={dto} k="phone" label="联系电话" />
          </tr>
          <tr>
            <Cell dto={dto} k="diagnosis" label="目前诊断" span={3} />
          </tr>
          <tr>
            <Cell dto={dto} k="referralKind" label="异地转诊类型" />
            <Cell dto={dto} k="destinationHospital" label="转往医院" />
          </tr>
          <tr className="yb-tall">
            <Cell dto={dto} k="referralReason" label="异地转诊理由" span={3} />
          </tr>
          <tr>
            <Cell dto={dto} k="startDate" label="开始日期" />
            <Cell dto={dto} k="endDate" label="终止日期" />
          </tr>
          <tr>
            <Cell dto={dto} k="institutionName" label="转出医院" />
            <Cell dto={dto} k="institutionCode" label="医院编码" />
          </tr>
          {extra.length > 0 && (
            <tr className="yb-tall">
              <th className="yb-top">其他登记信息</th>
              <td colSpan={3}>
                <ExtraFields dto={dto} keys={extra} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <SignatureArea dto={dto} signer="病人（代办人）" stampLabel={template.stampLabel} />
    </>
  );
}
