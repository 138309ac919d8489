// The materials checklist per filing type (认定材料), worded as in the Sanming service guide
// (002_c36e71247612bdfe.txt 认定材料 (一)–(五)), which matches the national baseline
// (policy-rules.md §2.2: credential + filing form + proof, or a personal commitment).
// A profile may replace a checklist where its seed says otherwise (see shared/domain/policy).
import type { FilingType } from '../filing';

export const MATERIAL_IDS = [
  'identity',
  'filing_form',
  'household_register',
  'residence_proof',
  'work_proof',
  'referral_certificate',
  'personal_commitment',
] as const;
export type MaterialId = (typeof MATERIAL_IDS)[number];

export interface MaterialItem {
  id: MaterialId;
  label: string;
  /** a 个人承诺书 may stand in for this item where the profile allows a commitment */
  commitmentReplaces: boolean;
}

export interface MaterialChecklist {
  items: readonly MaterialItem[];
  source: string;
}

export const PERSONAL_COMMITMENT: MaterialItem = { id: 'personal_commitment', label: '个人承诺书', commitmentReplaces: false };

const SANMING = '002_c36e71247612bdfe.txt 认定材料';

const identity: MaterialItem = { id: 'identity', label: '有效身份证件或医保电子凭证或社会保障卡', commitmentReplaces: false };
const filingForm: MaterialItem = { id: 'filing_form', label: '《异地就医登记备案表》', commitmentReplaces: false };

export const DEFAULT_MATERIALS: Record<FilingType, MaterialChecklist> = {
  retired_resettled: {
    source: `${SANMING}（一）`,
    items: [
      identity,
      filingForm,
      { id: 'household_register', label: '异地安置认定材料：居民户口簿（户口簿首页和本人常住人口登记卡）', commitmentReplaces: true },
    ],
  },
  long_term_residence: {
    source: `${SANMING}（二）；相关事项2（居住证受理凭证）`,
    items: [
      identity,
      filingForm,
      {
        id: 'residence_proof',
        label: '长期居住认定材料：居住证、居民户口簿（户口簿首页和本人常住人口登记卡）任选其一（居住证已申领尚未领取的，可提交受理凭证）',
        commitmentReplaces: true,
      },
    ],
  },
  resident_work: {
    source: `${SANMING}（三）`,
    items: [
      identity,
      filingForm,
      { id: 'work_proof', label: '异地工作认定材料：参保地工作单位派出凭证、异地工作劳动合同任选其一', commitmentReplaces: true },
    ],
  },
  referral: {
    source: `${SANMING}（四）`,
    items: [
      identity,
      filingForm,
      { id: 'referral_certificate', label: '具有转诊资质的定点医疗机构开具的转诊转院材料', commitmentReplaces: false },
    ],
  },
  // Sanming files emergency cases abroad under (五) 其他跨省临时外出就医人员 (认定条件 (五)).
  emergency: { source: `${SANMING}（五）`, items: [identity, filingForm] },
  temporary_other: { source: `${SANMING}（五）`, items: [identity, filingForm] },
  // Hefei's sub-type of referral: the referral proof is issued by a qualified hospital
  // (000_bc84ff0b7039e793.txt 正文: 三级协议医疗机构…开具转诊证明).
  cancer_multi_course: {
    source: `${SANMING}（四）；000_bc84ff0b7039e793.txt 正文`,
    items: [
      identity,
      filingForm,
      { id: 'referral_certificate', label: '具有转诊资质的定点医疗机构开具的转诊转院材料', commitmentReplaces: false },
    ],
  },
};
