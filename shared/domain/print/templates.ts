// The 备案表 templates as data: which boxes each form prints for 备案类型 and 参保类型, what the
// stamp area says, and which institutions default to which form. The React layouts live in
// renderer/src/print/; everything here is policy and document text, so it has one home.
import type { FilingType } from '../filing';
import type { InsuranceType } from '../insurance';
import { FILING_TYPE_LABELS } from '../filing';
import { INSURANCE_TYPE_LABELS } from '../insurance';

export const PRINT_TEMPLATE_IDS = ['national', 'hefei', 'jiangxi'] as const;
export type PrintTemplateId = (typeof PRINT_TEMPLATE_IDS)[number];

export interface PrintTemplateInfo {
  id: PrintTemplateId;
  /** The form's title as printed. */
  title: string;
  /** What operators see when choosing a template. */
  choiceLabel: string;
  source: string;
  /** The label of the hospital's stamp box. */
  stampLabel: string;
}

export const PRINT_TEMPLATES: Record<PrintTemplateId, PrintTemplateInfo> = {
  national: {
    id: 'national',
    title: '基本医疗保险异地就医登记备案表',
    choiceLabel: '全国通用备案表',
    // The unified national paper form was not found (policy-rules.md §3.2); its fields come from
    // the 2501 message (§3.3), the agency records (§3.4) and seed 000.
    source: 'policy-rules.md §3.2–3.4; seed 000',
    stampLabel: '医院盖章',
  },
  hefei: {
    id: 'hefei',
    title: '合肥市基本医疗保险异地就医备案表',
    choiceLabel: '合肥市备案表',
    source: 'seed 000_bc84ff0b7039e793.txt: 3(1)–(4), 5（病人签字，医院盖章。病人拿一份，医院留存）',
    stampLabel: '医院盖章',
  },
  jiangxi: {
    id: 'jiangxi',
    title: '江西省医疗保险异地备案表',
    choiceLabel: '江西省备案表（附件1）',
    // 附件1's own 告知 1 says the form needs no stamp from the destination agency or hospital; the
    // desk still offers a stamp box for the hospital's retained copy (issue 6). Change it here.
    source: 'seed 003_f7ec7151fcfbcf96.txt: 附件1 江西省医疗保险异地备案表',
    stampLabel: '经办医院（盖章）',
  },
};

/**
 * Which form an institution prints by default, by the start of its 医保区划 code. The longest
 * matching prefix wins; no match prints the national form. The operator may choose another.
 */
export const DEFAULT_TEMPLATE_BY_REGION: readonly { regionPrefix: string; template: PrintTemplateId; source: string }[] = [
  { regionPrefix: '3401', template: 'hefei', source: 'seed 000: 合肥市医疗保障基金管理中心' },
  // Seed 003 (二(二)): insured persons in Jiangxi fill in 《江西省医疗保险异地备案表》.
  { regionPrefix: '36', template: 'jiangxi', source: 'seed 003: 赣医保字〔2019〕14号 via 赣市医保字〔2019〕21号' },
];

export function defaultPrintTemplate(institutionRegionCode: string): PrintTemplateId {
  let best: { length: number; template: PrintTemplateId } = { length: 0, template: 'national' };
  for (const rule of DEFAULT_TEMPLATE_BY_REGION) {
    if (institutionRegionCode.startsWith(rule.regionPrefix) && rule.regionPrefix.length > best.length) {
      best = { length: rule.regionPrefix.length, template: rule.template };
    }
  }
  return best.template;
}

/** One printed box: `covers` lists the domain values that tick it. */
export interface BoxDefinition<T extends string> {
  label: string;
  covers: readonly T[];
}

export interface TemplateBoxes {
  filingType: readonly BoxDefinition<FilingType>[];
  insuranceType: readonly BoxDefinition<InsuranceType>[];
}

export const TEMPLATE_BOXES: Record<PrintTemplateId, TemplateBoxes> = {
  national: {
    filingType: [
      { label: FILING_TYPE_LABELS.retired_resettled, covers: ['retired_resettled'] },
      { label: FILING_TYPE_LABELS.long_term_residence, covers: ['long_term_residence'] },
      { label: FILING_TYPE_LABELS.resident_work, covers: ['resident_work'] },
      { label: FILING_TYPE_LABELS.referral, covers: ['referral'] },
      { label: FILING_TYPE_LABELS.cancer_multi_course, covers: ['cancer_multi_course'] },
      { label: FILING_TYPE_LABELS.emergency, covers: ['emergency'] },
      { label: FILING_TYPE_LABELS.temporary_other, covers: ['temporary_other'] },
    ],
    insuranceType: [
      { label: INSURANCE_TYPE_LABELS.employee, covers: ['employee'] },
      { label: INSURANCE_TYPE_LABELS.resident, covers: ['resident'] },
      { label: INSURANCE_TYPE_LABELS.retired_cadre, covers: ['retired_cadre'] },
    ],
  },
  hefei: {
    // Seed 000, 3(1): 异地就医类型子项 "恶性肿瘤放化疗等分疗程多次住院人员" or "异地转诊人员";
    // 险种类别 "职工医保" / "居民医保" (附件1 and 附件2).
    filingType: [
      { label: '恶性肿瘤放化疗等分疗程多次住院人员', covers: ['cancer_multi_course'] },
      { label: '异地转诊人员', covers: ['referral'] },
    ],
    insuranceType: [
      { label: '职工医保', covers: ['employee'] },
      { label: '居民医保', covers: ['resident'] },
    ],
  },
  jiangxi: {
    // Seed 003, 附件1: 备案类型 and 参保类型 rows. Cancer follow-up is filed as 转诊转院 (seed 003 一(四)).
    filingType: [
      { label: '异地安置退休', covers: ['retired_resettled'] },
      { label: '异地长期居住', covers: ['long_term_residence'] },
      { label: '常驻异地工作', covers: ['resident_work'] },
      { label: '转诊转院', covers: ['referral', 'cancer_multi_course'] },
      { label: '异地急诊', covers: ['emergency'] },
    ],
    insuranceType: [
      { label: '城镇职工', covers: ['employee'] },
      { label: '城乡居民', covers: ['resident'] },
      { label: '离休人员', covers: ['retired_cadre'] },
    ],
  },
};

/**
 * 异地备案告知, printed under 附件1 (seed 003). Public document text, reproduced as printed matter.
 */
export const JIANGXI_NOTICE_TITLE = '异地备案告知';
export const JIANGXI_NOTICE: readonly string[] = [
  '参保人员须根据本人实际情况，如实申请备案类型。门诊特殊慢性病是否需填写医疗机构以参保地规定为准。此表无需备案地经办机构和定点医院盖章。',
  '异地安置退休、异地长期居住、常驻异地工作备案生效后停止参保人在参保地就医购药刷卡结算，异地备案期间原则上非客观原因一年内不能变更（取消）异地备案。',
  '转诊转院与异地急诊备案后可在备案地所有定点医院刷卡直接结算，但限门诊与住院各结算一次。',
  '跨省异地定点医院名单可通过 si.12333.gov.cn 查询。',
  '参保人员在备案地的医保就医购药行为均应遵守就医地和参保地的有关医疗保险规章制度。',
];
