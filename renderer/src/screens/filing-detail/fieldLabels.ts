// A filing's fields in the operator's words: labels for the detail view and for an edit's changed
// fields in the timeline (dotted paths as filing.timeline names them), and values made readable
// (region names, insurance and certificate types, 转诊类型, materials, agent relations).
import { CERT_TYPE_LABELS, INSURANCE_TYPE_LABELS, type CertType, type InsuranceType } from '../../../../shared/domain/insurance';
import { AGENT_CERT_TYPE_LABELS, AGENT_RELATION_LABELS, DESTINATION_LABELS, EMERGENCY_CARE_SETTING_LABELS, MATERIAL_IDS } from '../../../../shared/domain/filing-types';
import { REFERRAL_KIND_FALLBACK, type FilingType } from '../../../../shared/domain/filing';
import { regionLabel } from '../../../../shared/domain/regions';

const TOP_LABELS: Record<string, string> = {
  insuranceType: '险种类别',
  certType: '证件类型',
  certNo: '个人编号（证件号）',
  personName: '姓名',
  startDate: '开始日期',
  endDate: '终止日期',
};

/** Detail keys; the destination's label depends on the type (DESTINATION_LABELS). */
const DETAIL_LABELS: Record<string, string> = {
  diagnosisCode: '诊断编码',
  diagnosisName: '目前诊断',
  referralKind: '异地转诊类型',
  referralReason: '异地转诊理由',
  phone: '联系电话',
  destinationInstitutionCode: '转往医疗机构编码',
  destinationInstitutionName: '转往医疗机构名称',
  'destinationInstitution.code': '转往定点医疗机构编码',
  'destinationInstitution.name': '转往定点医疗机构',
  'transferringInstitution.code': '转出医疗机构编码',
  'transferringInstitution.name': '转出医疗机构',
  referralOpinion: '转院意见',
  referralDate: '转院日期',
  previousVisitId: '转院前就诊ID',
  caseSummary: '病情摘要',
  insuredRegion: '参保地医保区划',
  personNo: '人员编号',
  address: '居住（工作）地址',
  reason: '原因',
  employer: '工作单位',
  postalCode: '邮政编码',
  'chronicDiseaseInstitution.code': '门诊特殊慢性病定点医院编码',
  'chronicDiseaseInstitution.name': '门诊特殊慢性病定点医院',
  admissionDate: '入院（就诊）日期',
  careSetting: '急诊就医方式',
  'treatingInstitution.code': '急诊就医医疗机构编码',
  'treatingInstitution.name': '急诊就医医疗机构',
  materials: '已交材料',
  retroactive: '自费结算后补办',
  'agent.name': '代办人姓名',
  'agent.certType': '代办人证件类型',
  'agent.certNo': '代办人证件号码',
  'agent.phone': '代办人联系电话',
  'agent.relation': '代办人与参保人关系',
  'agent.address': '代办人联系地址',
};

const REASON_LABELS: Partial<Record<FilingType, string>> = {
  retired_resettled: '异地安置原因',
  long_term_residence: '异地居住原因',
  resident_work: '常驻异地工作原因',
  temporary_other: '外出就医原因',
};

const ADDRESS_LABELS: Partial<Record<FilingType, string>> = {
  retired_resettled: '安置地居住地址',
  long_term_residence: '居住地地址',
  resident_work: '工作地居住地址',
};

/** The label of a field path (`personName`, `details.diagnosisCode`, `details.agent.name`). */
export function fieldLabel(path: string, type: FilingType): string {
  if (!path.startsWith('details.')) return TOP_LABELS[path] ?? path;
  const key = path.slice('details.'.length);
  if (key === 'destinationRegion') return DESTINATION_LABELS[type];
  if (key === 'reason') return REASON_LABELS[type] ?? DETAIL_LABELS.reason!;
  if (key === 'address') return ADDRESS_LABELS[type] ?? DETAIL_LABELS.address!;
  if (key === 'diagnosisName' && type === 'emergency') return '初步诊断';
  return DETAIL_LABELS[key] ?? key;
}

const MATERIAL_LABELS: Record<string, string> = {
  identity: '身份证件',
  filing_form: '备案表',
  household_register: '户口簿',
  residence_proof: '居住证明',
  work_proof: '工作证明',
  referral_certificate: '转诊证明',
  personal_commitment: '个人承诺书',
};

function isKnownMaterial(id: string): boolean {
  return (MATERIAL_IDS as readonly string[]).includes(id);
}

/** A value as the operator reads it; `null` shows as a dash. */
export function fieldValue(path: string, value: string | null): string {
  if (value === null || value === '') return '—';
  const key = path.startsWith('details.') ? path.slice('details.'.length) : path;
  switch (key) {
    case 'insuranceType':
      return INSURANCE_TYPE_LABELS[value as InsuranceType] ?? value;
    case 'certType':
      return CERT_TYPE_LABELS[value as CertType] ?? value;
    case 'destinationRegion':
    case 'insuredRegion':
      return /^\d{6}$/.test(value) ? `${regionLabel(value)}（${value}）` : value;
    case 'referralKind':
      return REFERRAL_KIND_FALLBACK.find((k) => k.value === value)?.label ?? value;
    case 'careSetting':
      return EMERGENCY_CARE_SETTING_LABELS[value as keyof typeof EMERGENCY_CARE_SETTING_LABELS] ?? value;
    case 'agent.certType':
      return AGENT_CERT_TYPE_LABELS[value as keyof typeof AGENT_CERT_TYPE_LABELS] ?? value;
    case 'agent.relation':
      return AGENT_RELATION_LABELS[value as keyof typeof AGENT_RELATION_LABELS] ?? value;
    case 'retroactive':
      return value === 'true' ? '是' : '否';
    case 'materials':
      return value
        .split('、')
        .map((id) => (isKnownMaterial(id) ? (MATERIAL_LABELS[id] ?? id) : id))
        .join('、');
    default:
      return value;
  }
}

/** A details object as label/value rows (nested objects flattened), in the order the form asks. */
export function detailRows(details: Record<string, unknown>, type: FilingType): { path: string; label: string; value: string }[] {
  const rows: { path: string; label: string; value: string }[] = [];
  const visit = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
      return;
    }
    const text = value === undefined || value === null ? null : Array.isArray(value) ? value.map(String).join('、') : String(value);
    if (text === null || text.trim() === '') return;
    rows.push({ path, label: fieldLabel(path, type), value: fieldValue(path, text) });
  };
  visit(details, 'details');
  return rows;
}
