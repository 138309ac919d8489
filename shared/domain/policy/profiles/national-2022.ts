// National baseline: 医保发〔2022〕22号 and the 跨省异地就医直接结算经办规程, as restated in
// policy-rules.md (the official text could not be opened; see its reliability note).
import { DEFAULT_MATERIALS } from '../../filing-types/materials';
import { MUNICIPALITIES } from '../../regions';
import { both, ref, seed } from '../sources';
import type { Advisory, PolicyProfile, RequiredField, TypePolicy } from '../types';

const materialsSource = both(ref('§2.2', '所需材料'), seed('002', '认定材料（措辞）'));

const twoWayBenefits: Advisory = {
  text: '备案后在就医地按参保地的起付线、支付比例和最高支付限额结算，也可回参保地就医结算（两地双向享受待遇）',
  source: ref('§2.2', '异地安置退休人员 待遇'),
};

function longTerm(type: 'retired_resettled' | 'long_term_residence' | 'resident_work'): TypePolicy {
  return {
    endDate: { rule: 'open', source: ref('§2.2', '长期居住类 长期有效') },
    changeLock: { months: 6, source: ref('§2.2', '变更/取消 原则上不超过6个月'), unverified: true },
    commitment: { allowed: true, source: ref('§2.2', '认定材料或个人承诺书') },
    materials: { items: DEFAULT_MATERIALS[type].items, source: materialsSource },
    requiredFields: [],
    advisories: [twoWayBenefits],
  };
}

/** Fields the national 2501 message requires and the desk cannot fill by itself (§3.3). */
export const NATIONAL_REFERRAL_FIELDS: readonly RequiredField[] = [
  { field: 'diagnosisCode', missing: '请填写诊断编码（国家平台转院备案必填）', source: ref('§3.3', '2501 diag_code 必填') },
  {
    field: 'destinationInstitution',
    missing: '请从机构列表中选择转往定点医疗机构（国家平台转院备案必填）',
    source: ref('§3.3', '2501 reflin_medins_no / reflin_medins_name 必填，编码取自1201'),
  },
  { field: 'referralOpinion', missing: '请填写转院意见', source: ref('§3.3', '2501 refl_opnn 必填') },
  {
    field: 'transferringInstitution',
    missing: '请填写转出医疗机构',
    // No national paper form was found; §3.2 builds the printed form from the seed forms.
    source: both(ref('§3.2'), seed('003', '附件1 转诊转院栏')),
  },
  { field: 'caseSummary', missing: '请填写病情摘要', source: both(ref('§3.3', '2501 dise_cond_dscr'), seed('003', '附件1 转诊转院栏')) },
];

const noNationalLock = { months: null, source: ref('§2.2', '临时外出类未见国家变更/取消限制') };

const referral: TypePolicy = {
  endDate: { rule: { months: 6 }, source: ref('§2.2', '异地转诊人员 有效期不少于6个月，期内可多次就医') },
  minimumValidity: { months: 6, source: ref('§2.2', '异地转诊人员 有效期不少于6个月') },
  changeLock: noNationalLock,
  commitment: { allowed: false, source: ref('§2.2', '转诊须有参保地要求的转诊证明') },
  materials: { items: DEFAULT_MATERIALS.referral.items, source: materialsSource },
  requiredFields: NATIONAL_REFERRAL_FIELDS,
  advisories: [
    { text: '转诊人员在就医地的支付比例可低于参保地，但降幅不超过10个百分点', source: ref('§2.2', '异地转诊人员 待遇') },
  ],
};

export const EMERGENCY_COUNTS_AS_FILED: Advisory = {
  text: '急诊抢救无论是否事先备案，跨省联网定点医疗机构入院登记时按规范传送急诊信息即可直接结算（视同已备案）',
  source: both(ref('§2.2', '经办规程第34条 视同已备案'), seed('002', '注意事项（1）')),
};

const emergency: TypePolicy = {
  // No national validity for emergency filings was found; local practice is one episode.
  endDate: { rule: 'until_discharge', source: ref('§2.2', '异地急诊抢救人员 有效期：地方做法为单次就医'), unverified: true },
  changeLock: noNationalLock,
  commitment: { allowed: false, source: ref('§2.2') },
  materials: { items: DEFAULT_MATERIALS.emergency.items, source: materialsSource },
  requiredFields: [],
  advisories: [EMERGENCY_COUNTS_AS_FILED],
};

const temporaryOther: TypePolicy = {
  endDate: { rule: { months: 6 }, source: ref('§2.2', '其他临时外出就医人员 有效期不少于6个月') },
  minimumValidity: { months: 6, source: ref('§2.2', '其他临时外出就医人员 有效期不少于6个月') },
  changeLock: noNationalLock,
  commitment: { allowed: false, source: ref('§2.2', '其他临时外出就医人员 材料'), unverified: true },
  materials: { items: DEFAULT_MATERIALS.temporary_other.items, source: materialsSource },
  requiredFields: [],
  advisories: [
    { text: '其他临时外出就医人员的支付比例可低于参保地，但降幅不超过20个百分点', source: ref('§2.2', '其他临时外出就医人员 待遇') },
  ],
};

export const NATIONAL_TYPES = {
  retired_resettled: longTerm('retired_resettled'),
  long_term_residence: longTerm('long_term_residence'),
  resident_work: longTerm('resident_work'),
  referral,
  emergency,
  temporary_other: temporaryOther,
} as const satisfies PolicyProfile['types'];

export const national2022: PolicyProfile = {
  id: 'national-2022',
  name: '国家基准（医保发〔2022〕22号）',
  summary: '跨省异地就医备案的国家基准：长期居住类长期有效，临时外出就医类有效期不少于6个月，急诊视同已备案',
  source: ref('§1–§2'),
  types: NATIONAL_TYPES,
  typeNotOffered: {
    cancer_multi_course: {
      text: '国家基准没有“恶性肿瘤放化疗等分疗程多次住院人员”子类，请选择“异地转诊人员”（有效期不少于6个月，期内可多次就医）',
      source: ref('§2.1'),
    },
  },
  provinceLevelDestinations: {
    codes: MUNICIPALITIES,
    source: ref('§2.3', '北京、天津、上海、重庆按直辖市备案；海南、西藏是否仍按省级备案未核实'),
  },
  retroactive: {
    types: ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency', 'temporary_other'],
    commitmentAllowed: true,
    advisory: '出院自费结算后补办备案的，不能直接结算，只能按参保地规定申请手工报销',
    source: both(ref('§2.2', '补办：出院自费结算后按参保地规定手工报销'), seed('002', '常见问题')),
    unverified: true,
  },
  deadlines: [],
  review: { required: false, source: ref('§3.4', '复核在经办机构侧（rchk_flag），国家文件未要求医院复核') },
  agent: { allowed: true, source: ref('§3.4', '平台记录含代办人字段 agnter_*') },
  changeOverride: {
    requiresReason: true,
    requiresReviewer: true,
    source: ref('§2.2', '变更/取消限制期内的例外需说明理由并复核'),
  },
  printForm: { template: 'national', title: '异地就医登记备案表', source: both(ref('§3.2'), seed('002', '相关资料下载')) },
};
