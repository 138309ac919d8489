// Jining 2018 (news report on national cross-province settlement): who may file per insurance
// type, residents' ≥ 6 months away, emergency inpatients filing within 5 working days.
import { both, ref, seed } from '../sources';
import type { PolicyProfile, TypePolicy } from '../types';
import { national2022, NATIONAL_TYPES } from './national-2022';

const news = (where: string) => seed('004', where);

// Residents may file long-term residence, referral and emergency only; employees four types plus
// some emergency admissions. 离休 is not mentioned by the seed and is left allowed.
const employeesOnly = {
  insuranceTypes: ['resident'] as const,
  source: news('这几类参保人员（城乡居民可申请：异地居住、转诊转院、急诊住院）'),
};

const emergency: TypePolicy = {
  ...NATIONAL_TYPES.emergency,
  requiredFields: [
    { field: 'careSetting', missing: '请选择急诊就医方式（急诊住院或门急诊）', source: news('急诊入院人员 / 急诊住院治疗') },
  ],
};

export const jining2018: PolicyProfile = {
  ...national2022,
  id: 'jining-2018',
  name: '济宁（2018 跨省异地就医）',
  summary: '职工四类加急诊入院；居民限异地居住（≥6个月）、转诊转院、急诊住院；居民急诊住院须在入院后5个工作日内备案',
  source: news('济宁接入国家医保异地就医联网结算一年'),
  types: {
    retired_resettled: { ...NATIONAL_TYPES.retired_resettled, notForInsurance: employeesOnly },
    long_term_residence: {
      ...NATIONAL_TYPES.long_term_residence,
      minimumValidity: { months: 6, insuranceTypes: ['resident'], source: news('居民：市外异地居住6个月（含）以上') },
      advisories: [
        ...NATIONAL_TYPES.long_term_residence.advisories,
        { text: '居民医保参保人须在市外居住6个月（含）以上，持《居住证》和《济宁市医疗保险异地居住人员备案表（市外）》办理', source: news('城乡居民 一') },
      ],
    },
    resident_work: { ...NATIONAL_TYPES.resident_work, notForInsurance: employeesOnly },
    referral: NATIONAL_TYPES.referral,
    emergency,
  },
  typeNotOffered: {
    temporary_other: { text: '济宁没有“其他临时外出就医人员”类型，急诊请选择“异地急诊抢救人员”', source: news('这几类参保人员') },
    cancer_multi_course: { text: '济宁没有该子类，请选择“异地转诊人员”', source: news('这几类参保人员') },
  },
  deadlines: [
    {
      id: 'jining-emergency-inpatient',
      label: '急诊住院备案时限（入院后5个工作日内）',
      types: ['emergency'],
      from: 'admission_date',
      workdays: 5,
      onlyInsurance: ['resident'],
      onlyCareSetting: 'inpatient',
      whenOverdue: 'warning',
      source: news('城乡居民 三（应在住院后5个工作日内向参保地社会保险经办机构备案）'),
      departsFromNational: ref('§7', '国家：急诊视同已备案'),
    },
  ],
  retroactive: { ...national2022.retroactive, source: both(national2022.retroactive.source, news('（未作规定，沿用国家基准）')) },
};
