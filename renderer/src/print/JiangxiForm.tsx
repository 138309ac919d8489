// 江西省医疗保险异地备案表 — 附件1 of seed 003 (赣市医保字〔2019〕21号), reproduced cell for cell:
// the person row, 申请备案生效时间, tick boxes for 备案类型 and 参保类型, 安置地市/转入地市/急诊就医地市,
// 通讯地址 and 邮政编码, 门诊特殊慢性病定点医院, the 转诊转院 block (转出医疗机构, 初步诊断, 病情摘要 with the
// doctor's signature, the 医保科室负责人意见), the 异地急诊 block, 经办人/经办日期, and the
// 异地备案告知 printed under the table. Values the form has no cell for go to a 备注 row.
import type { PrintFieldKey, PrintFormDto, PrintSection } from '../../../shared/domain/print/form';
import { JIANGXI_NOTICE, JIANGXI_NOTICE_TITLE, PRINT_TEMPLATES } from '../../../shared/domain/print/templates';
import { BLANK_DATE, CopyHeader, ExtraFields, SignatureArea, TickBoxes, unplacedKeys, Val, type CopyProps } from './parts';

const COMMON: readonly PrintFieldKey[] = [
  'personName', 'certNo', 'phone', 'workUnit', 'startDate', 'admissionDate', 'destination', 'address',
  'postalCode', 'chronicDiseaseHospital', 'institutionName', 'institutionCode', 'operatorName', 'filingDate',
];

export function jiangxiPlacedKeys(section: PrintSection): readonly PrintFieldKey[] {
  if (section === 'referral') return [...COMMON, 'diagnosis', 'caseSummary'];
  if (section === 'emergency') return [...COMMON, 'caseSummary'];
  return COMMON;
}

/** A value printed only when the block belongs to this filing's type; otherwise the cell stays blank. */
function When({ dto, section, k }: { dto: PrintFormDto; section: PrintSection; k: PrintFieldKey }) {
  return dto.section === section ? <Val dto={dto} k={k} /> : null;
}

/** A block that does not apply to this filing's type is still printed, with less room. */
function idle(dto: PrintFormDto, section: PrintSection): string {
  return dto.section === section ? 'yb-long' : 'yb-long yb-idle';
}

export function JiangxiForm(props: CopyProps) {
  const { dto } = props;
  const template = PRINT_TEMPLATES.jiangxi;
  const extra = unplacedKeys(dto, jiangxiPlacedKeys(dto.section));
  return (
    <>
      <CopyHeader {...props} title={template.title} />
      <table className="yb-table">
        <colgroup>
          <col style={{ width: '13%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '25%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>姓名</th>
            <td>
              <Val dto={dto} k="personName" />
            </td>
            <th>{dto.fields.certNo.label}</th>
            <td colSpan={3}>
              <Val dto={dto} k="certNo" />
            </td>
          </tr>
          <tr>
            <th>联系方式</th>
            <td>
              <Val dto={dto} k="phone" />
            </td>
            <th>工作单位</th>
            <td colSpan={3}>
              <Val dto={dto} k="workUnit" />
            </td>
          </tr>
          <tr>
            <th colSpan={2} className="yb-small">申请备案生效时间（如先入院后备案请备注入院时间）</th>
            <td colSpan={4}>
              <Val dto={dto} k="startDate" />
              {dto.fields.admissionDate.value !== '' && (
                <>
                  （入院时间：<Val dto={dto} k="admissionDate" />）
                </>
              )}
            </td>
          </tr>
          <tr>
            <th>备案类型</th>
            <td colSpan={5}>
              <TickBoxes boxes={dto.ticks.jiangxi.filingType} />
            </td>
          </tr>
          <tr>
            <th>参保类型</th>
            <td colSpan={5}>
              <TickBoxes boxes={dto.ticks.jiangxi.insuranceType} />
            </td>
          </tr>
          <tr>
            <th colSpan={2} className="yb-small">安置地市/转入地市/急诊就医地市</th>
            <td colSpan={4}>
              <Val dto={dto} k="destination" />
            </td>
          </tr>
          <tr>
            <th>通讯地址</th>
            <td colSpan={3}>
              <Val dto={dto} k="address" />
            </td>
            <th>邮政编码</th>
            <td>
              <Val dto={dto} k="postalCode" />
            </td>
          </tr>
          <tr>
            <th colSpan={2} className="yb-small">门诊特殊慢性病定点医院（转诊转院和异地急诊不填）</th>
            <td colSpan={4}>
              <Val dto={dto} k="chronicDiseaseHospital" />
            </td>
          </tr>
          {/* Two cells joined by a hidden border stand in for 附件1's merged side cell: a rowSpan would
              make both rows one unbreakable unit, pushing a long 病情摘要 to the next page whole. */}
          <tr>
            <th className="yb-side yb-join-down">
              转诊转院
              <br />
              （请填写）
            </th>
            <th>转出医疗机构</th>
            <td colSpan={2}>
              <When dto={dto} section="referral" k="institutionName" />
            </td>
            <th>初步诊断</th>
            <td>
              <When dto={dto} section="referral" k="diagnosis" />
            </td>
          </tr>
          <tr className="yb-tall">
            <th className="yb-join-up" />
            <td colSpan={4} style={{ verticalAlign: 'top' }}>
              <span className="yb-cell-title">病情摘要</span>
              <div className={idle(dto, 'referral')}>
                <When dto={dto} section="referral" k="caseSummary" />
              </div>
              <div className="yb-cell-foot">
                <span>
                  医生：<span className="yb-gap" />
                </span>
                <span>{BLANK_DATE}</span>
              </div>
            </td>
            <td style={{ verticalAlign: 'top' }}>
              <span className="yb-cell-title">转出定点医院医保科室负责人意见：</span>
              <div className={idle(dto, 'referral')} />
              <div className="yb-cell-foot">
                <span>{BLANK_DATE}</span>
              </div>
            </td>
          </tr>
          <tr className="yb-tall">
            <th className="yb-side">
              异地急诊
              <br />
              （请填写）
            </th>
            <td colSpan={5} style={{ verticalAlign: 'top' }}>
              <span className="yb-cell-title">病情摘要（可另提供门急诊记录、抢救记录或入院记录等）</span>
              <div className={idle(dto, 'emergency')} style={{ minHeight: '10mm' }}>
                <When dto={dto} section="emergency" k="caseSummary" />
              </div>
            </td>
          </tr>
          {extra.length > 0 && (
            <tr className="yb-tall">
              <th className="yb-top">备注</th>
              <td colSpan={5}>
                <ExtraFields dto={dto} keys={extra} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <SignatureArea dto={dto} signer="参保人（代办人）" stampLabel={template.stampLabel} />
      <section className="yb-notice">
        <h2>{JIANGXI_NOTICE_TITLE}</h2>
        <ol>
          {JIANGXI_NOTICE.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
