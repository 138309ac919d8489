// 合肥市基本医疗保险异地就医备案表 (seed 000). The manual lists its fields: 险种类别, 个人编号
// (身份证号码、社会保障卡号), 异地就医类型子项, 终止日期 (one year for the cancer subtype; empty
// for 异地转诊人员 until settlement), and the required 转往地区, 目前诊断, 异地转诊类型, 异地转诊理由,
// 联系电话. Printed for the patient to sign and the hospital to stamp, one copy each.
import type { PrintFieldKey } from '../../../shared/domain/print/form';
import { PRINT_TEMPLATES } from '../../../shared/domain/print/templates';
import { CopyHeader, ExtraFields, FieldRow, FourColumnTable, SignatureArea, TickRow, unplacedKeys, type CopyProps } from './parts';

export const HEFEI_PLACED_KEYS: readonly PrintFieldKey[] = [
  'certNo', 'personName', 'destination', 'phone', 'diagnosis', 'referralKind', 'destinationHospital',
  'referralReason', 'startDate', 'endDate', 'institutionName', 'institutionCode', 'operatorName', 'filingDate',
];

export function HefeiForm(props: CopyProps) {
  const { dto } = props;
  const template = PRINT_TEMPLATES.hefei;
  const extra = unplacedKeys(dto, HEFEI_PLACED_KEYS);
  return (
    <>
      <CopyHeader {...props} title={template.title} />
      <FourColumnTable>
        <TickRow label="险种类别" boxes={dto.ticks.hefei.insuranceType} />
        <FieldRow dto={dto} a="personName" aLabel="姓名" b="certNo" bLabel="个人编号" />
        <TickRow label="异地就医类型" boxes={dto.ticks.hefei.filingType} />
        <FieldRow dto={dto} a="destination" aLabel="转往地区" b="phone" bLabel="联系电话" />
        <FieldRow dto={dto} a="diagnosis" aLabel="目前诊断" />
        <FieldRow dto={dto} a="referralKind" aLabel="异地转诊类型" b="destinationHospital" bLabel="转往医院" />
        <FieldRow dto={dto} a="referralReason" aLabel="异地转诊理由" tall />
        <FieldRow dto={dto} a="startDate" aLabel="开始日期" b="endDate" bLabel="终止日期" />
        <FieldRow dto={dto} a="institutionName" aLabel="转出医院" b="institutionCode" bLabel="医院编码" />
        {extra.length > 0 && (
          <tr className="yb-tall">
            <th className="yb-top">其他登记信息</th>
            <td colSpan={3}>
              <ExtraFields dto={dto} keys={extra} />
            </td>
          </tr>
        )}
      </FourColumnTable>
      <SignatureArea dto={dto} signer="病人（代办人）" stampLabel={template.stampLabel} />
    </>
  );
}
