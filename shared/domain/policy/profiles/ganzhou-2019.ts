// Ganzhou 2019 (赣市医保字〔2019〕21号) with the Jiangxi filing form. Where it conflicts with the
// national baseline this profile follows the seed and says so (policy-rules.md §7).
import type { MaterialItem } from '../../filing-types/materials';
import { MUNICIPALITIES } from '../../regions';
import { both, ref, seed } from '../sources';
import type { Advisory, PolicyProfile, RequiredField, TypePolicy } from '../types';
import { national2022, NATIONAL_REFERRAL_FIELDS, NATIONAL_TYPES } from './national-2022';

const notice = (where: string) => seed('003', where);

// "只须填报《江西省医疗保险异地备案表》…取消一切不必要的证明材料和盖章" (一(二)).
const formOnly = {
  items: [{ id: 'filing_form', label: '《江西省医疗保险异地备案表》', commitmentReplaces: false }] as readonly MaterialItem[],
  source: notice('一(二)'),
};

const lockOneYear = {
  months: 12,
  source: both(notice('一(四) 原则上一年内不得变更或取消'), notice('附件1 告知2')),
  departsFromNational: ref('§7', '国家：变更/取消限制不超过6个月（未核实）'),
};

const homeSettlementPaused: Advisory = {
  text: '备案生效后暂停在参保地（赣州）就医购药刷卡结算',
  source: both(notice('一(四)'), notice('附件1 告知2')),
  departsFromNational: ref('§7', '国家：两地双向享受待遇'),
};

function longTerm(type: 'retired_resettled' | 'long_term_residence' | 'resident_work'): TypePolicy {
  return {
    ...NATIONAL_TYPES[type],
    changeLock: lockOneYear,
    commitment: {
      allowed: true,
      followUp: '先备案后承诺的，请提醒参保人在就医地取得材料后及时补充',
      source: notice('二（事中承诺补充，允许先备案后承诺）'),
    },
    materials: formOnly,
    advisories: [homeSettlementPaused],
  };
}

const onePlusOne = {
  outpatient: 1,
  inpatient: 1,
  source: both(notice('一(四) 备案期间门诊和住院各限结算一次'), notice('附件1 告知3')),
  departsFromNational: ref('§7', '国家：有效期内可多次就医；平台以 allo_setl_cnt 记录允许结算次数'),
};

// The Jiangxi form's referral box: 转出医疗机构, 初步诊断, 病情摘要, 医保科室负责人意见. The
// destination is a pooling region, never a hospital (一(一)), so no destination hospital.
const jiangxiReferralFields: readonly RequiredField[] = NATIONAL_REFERRAL_FIELDS.filter((f) =>
  ['transferringInstitution', 'caseSummary', 'referralOpinion'].includes(f.field),
).map((f) => ({ ...f, source: notice('附件1 转诊转院栏') }));

const settlementAdvisory: Advisory = {
  text: '转诊转院、异地急诊备案后可在备案地所有已联网定点医院直接结算，但备案期间门诊、住院各限结算一次',
  source: notice('附件1 告知3'),
};

const referral: TypePolicy = {
  ...NATIONAL_TYPES.referral,
  label: '转诊转院',
  settlementLimit: onePlusOne,
  materials: formOnly,
  requiredFields: jiangxiReferralFields,
  advisories: [settlementAdvisory],
};

const emergency: TypePolicy = {
  ...NATIONAL_TYPES.emergency,
  label: '异地急诊',
  settlementLimit: onePlusOne,
  materials: formOnly,
  advisories: [settlementAdvisory],
};

const cancer: TypePolicy = {
  ...referral,
  label: '癌症定期复诊（含放化疗）',
  endDate: { rule: { years: 1 }, source: notice('一(四) 部分癌症病人复诊（含放化疗）备案期放宽至一年内多次有效') },
  settlementLimit: undefined,
  advisories: [{ text: '癌症病人定期至市外医院（首次手术医院）复诊（含放化疗）的，一年内多次有效', source: notice('一(四)') }],
};

export const ganzhou2019: PolicyProfile = {
  ...national2022,
  id: 'ganzhou-2019',
  name: '赣州（2019，江西省异地备案表）',
  summary: '备案到就医地统筹区（京津沪渝琼藏到省级）；长期居住类一年内不得变更取消；转诊与急诊门诊、住院各限结算一次；癌症复诊一年多次有效',
  source: notice('赣市医保字〔2019〕21号'),
  types: {
    retired_resettled: { ...longTerm('retired_resettled'), label: '异地安置退休' },
    long_term_residence: { ...longTerm('long_term_residence'), label: '异地长期居住' },
    resident_work: { ...longTerm('resident_work'), label: '常驻异地工作' },
    referral,
    emergency,
    cancer_multi_course: cancer,
  },
  typeNotOffered: {
    temporary_other: { text: '江西省异地备案表没有“其他临时外出就医”类型，请按实际选择转诊转院或异地急诊', source: notice('附件1 备案类型') },
  },
  provinceLevelDestinations: {
    codes: [...MUNICIPALITIES, '460000', '540000'],
    source: notice('一(一) 京、津、沪、渝和海南、西藏直接备案到相应省市'),
    unverified: true, // 琼/藏 still province-only: policy-rules.md §2.3, §7
  },
  agent: { allowed: true, source: notice('一(三) 可委托他人申报') },
  unfiledClaim: {
    ratioCutPercent: 10,
    exceptTypes: ['emergency'],
    text: '未按规定办理异地就医备案的，只能申请手工报销，报销比例在统筹地区外报账比例基础上下降10%（异地急诊除外）',
    source: notice('三(二)'),
    departsFromNational: ref('§7', '国家：出院前补办备案即可直接结算'),
  },
  printForm: { template: 'jiangxi', title: '江西省医疗保险异地备案表', source: notice('附件1') },
};
