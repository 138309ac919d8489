// Which fields the new-filing form shows for a filing type, derived from data: the type's details
// schema (shared/domain/filing-types: which keys exist and which are required) and the policy
// profile (its requiredFields). This file only says how each details key is presented — label,
// control and keyboard role — so one form serves all seven types instead of seven copied forms.
import type { z } from 'zod';
import { FILING_TYPE_LABELS, REFERRAL_KIND_FALLBACK, type FilingType } from '../../../../shared/domain/filing';
import {
  AGENT_CERT_TYPE_LABELS,
  AGENT_CERT_TYPES,
  AGENT_RELATION_LABELS,
  AGENT_RELATIONS,
  DESTINATION_LABELS,
  EMERGENCY_CARE_SETTING_LABELS,
  EMERGENCY_CARE_SETTINGS,
  FILING_DETAILS_SCHEMAS,
} from '../../../../shared/domain/filing-types';
import type { PolicyProfile } from '../../../../shared/domain/policy';
import { regionLabel } from '../../../../shared/domain/regions';
import type { EntryField } from '../../forms/useKeyboardEntry';

export const FILING_FORM = 'filing';

/**
 * text/textarea: typed; choice: a select; date: a business-date picker; region: the destination
 * picker; institution: {code, name} with a search (name is the control); diagnosis: the catalogue
 * search, as the name (`diagnosisName`) or the code (`diagnosisCode`) half.
 */
export type FieldKind = 'text' | 'textarea' | 'choice' | 'date' | 'region' | 'institution' | 'diagnosis';

export interface FieldOption {
  value: string;
  label: string;
}

interface DetailFieldUi {
  label: string | ((type: FilingType) => string);
  kind: FieldKind;
  maxLength?: number;
  extra?: string;
  placeholder?: string;
  options?: readonly FieldOption[];
  /** Institutions: search the platform's 1201 list (destination) or any institution by name. */
  platformList?: boolean;
  /** Kept in the Enter order even when optional (the diagnosis code belongs with its name). */
  primary?: boolean;
}

const ADDRESS_LABELS: Partial<Record<FilingType, string>> = {
  retired_resettled: '安置地居住地址',
  long_term_residence: '居住地地址',
  resident_work: '工作地居住地址',
};
const REASON_LABELS: Partial<Record<FilingType, string>> = {
  retired_resettled: '异地安置原因',
  long_term_residence: '异地居住原因',
  resident_work: '常驻异地工作原因',
  temporary_other: '外出就医原因',
};

/**
 * How each details key is shown, in the order the operator fills them (seed 000 for the referral:
 * 转往地区 → 目前诊断 → 异地转诊类型 → 异地转诊理由 → 联系电话). A key of a type's schema that is
 * neither here nor in HIDDEN_DETAIL_KEYS fails test/renderer/filing-form-fields.test.ts.
 */
export const DETAIL_FIELDS: Readonly<Record<string, DetailFieldUi>> = {
  destinationRegion: { label: (t) => DESTINATION_LABELS[t], kind: 'region' },
  destinationInstitution: { label: '转往定点医疗机构', kind: 'institution', platformList: true, placeholder: '输入医院名称、编码或拼音首字母搜索' },
  transferringInstitution: { label: '转出医疗机构', kind: 'institution', placeholder: '默认本院' },
  treatingInstitution: { label: '急诊就医医疗机构', kind: 'institution' },
  admissionDate: { label: '入院（就诊）日期', kind: 'date' },
  careSetting: {
    label: '急诊就医方式',
    kind: 'choice',
    options: EMERGENCY_CARE_SETTINGS.map((v) => ({ value: v, label: EMERGENCY_CARE_SETTING_LABELS[v] })),
  },
  diagnosisName: { label: (t) => (t === 'emergency' ? '初步诊断' : '目前诊断'), kind: 'diagnosis', maxLength: 100, placeholder: '输入诊断名称或拼音首字母搜索，也可直接填写' },
  diagnosisCode: { label: '诊断编码', kind: 'diagnosis', maxLength: 20, primary: true, placeholder: '如 ICD-10 编码，输入编码可搜索' },
  caseSummary: { label: '病情摘要', kind: 'textarea', maxLength: 2000 },
  referralKind: {
    label: '异地转诊类型',
    kind: 'choice',
    options: REFERRAL_KIND_FALLBACK,
    extra: '内置默认选项：尚未从医保平台下载转诊类型字典',
  },
  referralReason: { label: '异地转诊理由', kind: 'text', maxLength: 100 },
  referralOpinion: { label: '转院意见', kind: 'text', maxLength: 200, placeholder: '如：同意转诊' },
  referralDate: { label: '转院日期', kind: 'date', extra: '不填则按开始日期' },
  previousVisitId: { label: '转院前就诊ID', kind: 'text', maxLength: 30, extra: '广东等省医保平台必填：患者在本院已结算的就诊ID' },
  address: { label: (t) => ADDRESS_LABELS[t] ?? '地址', kind: 'text', maxLength: 200 },
  reason: { label: (t) => REASON_LABELS[t] ?? '原因', kind: 'text', maxLength: 100 },
  phone: { label: '联系电话', kind: 'text', maxLength: 20, extra: '11位手机号，或带区号的固定电话' },
  employer: { label: '工作单位', kind: 'text', maxLength: 100 },
  postalCode: { label: '邮政编码', kind: 'text', maxLength: 6 },
  chronicDiseaseInstitution: { label: '门诊特殊慢性病定点医院', kind: 'institution' },
};

/**
 * Details keys the form never shows as fields: filled from the person lookup (personNo,
 * insuredRegion) or mirrored from the destination-institution picker for the upload mapping
 * (main/sync/mapping.ts reads destinationInstitutionCode/Name).
 */
export const HIDDEN_DETAIL_KEYS = ['destinationInstitutionCode', 'destinationInstitutionName', 'insuredRegion', 'personNo'] as const;

export interface FormField {
  /** The details key (`phone`), or the top-level name for agent fields (`agent.phone`). */
  key: string;
  /** Dot-joined form path of the control: `details.phone`, `details.destinationInstitution.name`. */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  maxLength?: number;
  extra?: string;
  placeholder?: string;
  options?: readonly FieldOption[];
  platformList?: boolean;
}

export interface TypeFieldSet {
  type: FilingType;
  /** Required fields (by the schema or the profile) and primary ones, in filling order. */
  main: FormField[];
  /** Optional fields, shown under 选填信息. */
  optional: FormField[];
}

function detailsShape(type: FilingType): Record<string, z.ZodType> {
  return (FILING_DETAILS_SCHEMAS[type] as unknown as z.ZodObject<Record<string, z.ZodType>>).shape;
}

/** Whether the schema itself requires the key (an absent value does not parse). */
function schemaRequires(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** Where the form's control for a details key sits (institutions: their name). */
export function controlName(key: string, kind: FieldKind): string {
  return kind === 'institution' ? `details.${key}.name` : `details.${key}`;
}

function provinceLevelNote(profile: PolicyProfile | null): string {
  const codes = profile?.provinceLevelDestinations.codes ?? ['110000', '120000', '310000', '500000'];
  const names = codes.map((c) => regionLabel(c).replace(/(市|省|自治区)$/, ''));
  return `${names.join('、')}按省级选择，其他省份选到地市`;
}

/** The fields of a type under a profile (null profile: the schema alone). */
export function fieldSetFor(type: FilingType, profile: PolicyProfile | null): TypeFieldSet {
  const shape = detailsShape(type);
  const profileRequired = new Set((profile?.types[type]?.requiredFields ?? []).map((f) => f.field));
  const main: FormField[] = [];
  const optional: FormField[] = [];
  for (const [key, ui] of Object.entries(DETAIL_FIELDS)) {
    const schema = shape[key];
    if (!schema) continue;
    const required = schemaRequires(schema) || profileRequired.has(key);
    const field: FormField = {
      key,
      name: controlName(key, ui.kind),
      label: typeof ui.label === 'function' ? ui.label(type) : ui.label,
      kind: ui.kind,
      required,
      ...(ui.maxLength ? { maxLength: ui.maxLength } : {}),
      ...(ui.kind === 'region' ? { extra: provinceLevelNote(profile) } : ui.extra ? { extra: ui.extra } : {}),
      ...(ui.placeholder ? { placeholder: ui.placeholder } : {}),
      ...(ui.options ? { options: ui.options } : {}),
      ...(ui.platformList ? { platformList: true } : {}),
    };
    (required || ui.primary ? main : optional).push(field);
  }
  return { type, main, optional };
}

/** 代办人 fields (shared/domain/filing-types/agent.ts); the address is optional. */
export const AGENT_FIELDS: readonly FormField[] = [
  { key: 'agent.name', name: 'agent.name', label: '代办人姓名', kind: 'text', required: true, maxLength: 50 },
  {
    key: 'agent.certType',
    name: 'agent.certType',
    label: '代办人证件类型',
    kind: 'choice',
    required: true,
    options: AGENT_CERT_TYPES.map((v) => ({ value: v, label: AGENT_CERT_TYPE_LABELS[v] })),
  },
  { key: 'agent.certNo', name: 'agent.certNo', label: '代办人证件号码', kind: 'text', required: true, maxLength: 50 },
  { key: 'agent.phone', name: 'agent.phone', label: '代办人联系电话', kind: 'text', required: true, maxLength: 20 },
  {
    key: 'agent.relation',
    name: 'agent.relation',
    label: '与参保人关系',
    kind: 'choice',
    required: true,
    options: AGENT_RELATIONS.map((v) => ({ value: v, label: AGENT_RELATION_LABELS[v] })),
  },
  { key: 'agent.address', name: 'agent.address', label: '代办人联系地址', kind: 'text', required: false, maxLength: 200 },
];

/** The person fields, in the order of seed 000 (险种类别 → 证件 → 个人编号 → 姓名), then the start date. */
export const PERSON_ENTRY: readonly EntryField[] = [
  { name: 'type', kind: 'choice' },
  { name: 'insuranceType', kind: 'choice' },
  { name: 'certType', kind: 'choice' },
  { name: 'certNo', kind: 'text' },
  { name: 'personName', kind: 'text' },
  { name: 'startDate', kind: 'date' },
];

function entryKind(kind: FieldKind): EntryField['kind'] {
  if (kind === 'date') return 'date';
  if (kind === 'text' || kind === 'textarea') return 'text';
  return 'choice';
}

export function entryOf(fields: readonly FormField[]): EntryField[] {
  return fields.map((f) => ({ name: f.name, kind: entryKind(f.kind) }));
}

/**
 * The Enter order: the type, the person, the start date, the type's main fields, then the agent's
 * when someone files for the patient; Enter on the last one saves. 选填信息 is its own chain.
 */
export function mainEntry(set: TypeFieldSet, filedByAgent: boolean): EntryField[] {
  return [...PERSON_ENTRY, ...entryOf(set.main), ...(filedByAgent ? entryOf(AGENT_FIELDS.filter((f) => f.required)) : [])];
}

export function optionalEntry(set: TypeFieldSet, filedByAgent: boolean): EntryField[] {
  return [...entryOf(set.optional), ...(filedByAgent ? entryOf(AGENT_FIELDS.filter((f) => !f.required)) : [])];
}

/** Every control path the form may show, for placing errors (field-level messages). */
export function allControlNames(set: TypeFieldSet): string[] {
  return [
    ...PERSON_ENTRY.map((f) => f.name),
    'endDate',
    ...set.main.map((f) => f.name),
    ...set.optional.map((f) => f.name),
    ...AGENT_FIELDS.map((f) => f.name),
  ];
}

export function typeLabelOf(type: FilingType, profile: PolicyProfile | null): string {
  return profile?.types[type]?.label ?? FILING_TYPE_LABELS[type];
}
