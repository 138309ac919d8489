// Insurance types (险种) as the desk shows them, with their national insutype codes
// (nhsa-interface.md §3: 310 职工基本医疗保险, 390 城乡居民基本医疗保险, 340 离休人员医疗保障).
export const INSURANCE_TYPES = ['employee', 'resident', 'retired_cadre'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];

export const INSURANCE_TYPE_LABELS: Record<InsuranceType, string> = {
  employee: '职工医保',
  resident: '居民医保',
  retired_cadre: '离休人员医疗保障',
};

export const INSUTYPE_CODES: Record<InsuranceType, string> = {
  employee: '310',
  resident: '390',
  retired_cadre: '340',
};

// Person certificate kinds the desk looks a person up by (mdtrt_cert_type 7.35).
export const CERT_TYPES = ['id_card', 'social_security_card', 'e_voucher'] as const;
export type CertType = (typeof CERT_TYPES)[number];

export const CERT_TYPE_LABELS: Record<CertType, string> = {
  id_card: '居民身份证',
  social_security_card: '社会保障卡',
  e_voucher: '医保电子凭证',
};
