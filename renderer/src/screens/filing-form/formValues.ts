// The form's values and how they become a filing.create / filing.update request (checked with the
// contract's own schema), a policy draft for filing.evaluate, and back from a saved filing.
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Failure, RequestOf } from '../../../../shared/contract';
import { FILING_TYPES, type FilingDetail, type FilingType } from '../../../../shared/domain/filing';
import { filingRequest } from '../../../../shared/domain/filing-request';
import { MATERIAL_IDS, REFERRAL_LIKE, type MaterialId } from '../../../../shared/domain/filing-types';
import type { CertType, InsuranceType } from '../../../../shared/domain/insurance';
import type { FilingDraft } from '../../../../shared/domain/policy';
import { businessDate, isIsoDate } from '../../../../shared/domain/time';
import { validate, type Validated } from '../../api/validate';
import { DETAIL_FIELDS, HIDDEN_DETAIL_KEYS, type FieldKind } from './fieldSets';

export interface InstitutionValue {
  code?: string;
  name?: string;
}

export interface AgentValues {
  name?: string;
  certType?: string;
  certNo?: string;
  phone?: string;
  relation?: string;
  address?: string;
}

export interface FilingFormValues {
  type?: FilingType;
  insuranceType?: InsuranceType;
  certType?: CertType;
  certNo?: string;
  /** 卡识别码 of a social-security card: for the lookup only, not part of the filing. */
  cardSerial?: string;
  personName?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  /** Dates as Dayjs, institutions as {code, name}, everything else as typed. */
  details?: Record<string, unknown>;
  materials?: MaterialId[];
  filedByAgent?: boolean;
  agent?: AgentValues;
  retroactive?: boolean;
  /** Edit inside the change lock: the reason and the second person (filing.update's override). */
  override?: { reason?: string; reviewerId?: string };
}

export type FilingRequestInput = RequestOf<'filing.create'>;

/** A new form: the type chosen (or none), ID card as the usual certificate, today in China as the start. */
export function initialValues(now: Date, type: FilingType | undefined): FilingFormValues {
  return { type, certType: 'id_card', startDate: dayjs(businessDate(now)), materials: [], filedByAgent: false, retroactive: false };
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const dateText = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : typeof v === 'string' && v ? v : undefined);

function institutionOf(v: unknown): { code?: string; name: string } | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const code = text((v as InstitutionValue).code);
  const name = text((v as InstitutionValue).name);
  if (!code && !name) return undefined;
  return code ? { code, name } : { name };
}

function detailValue(kind: FieldKind, v: unknown): unknown {
  if (kind === 'date') return dateText(v);
  if (kind === 'institution') return institutionOf(v);
  if (typeof v === 'string') return v;
  return v ?? undefined;
}

/** The details the request carries: the type's shown fields plus the hidden ones the lookups filled. */
export function detailsOf(type: FilingType, raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const d = raw ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, ui] of Object.entries(DETAIL_FIELDS)) {
    const value = detailValue(ui.kind, d[key]);
    if (value !== undefined) out[key] = value;
  }
  for (const key of HIDDEN_DETAIL_KEYS) {
    const value = text(d[key]);
    if (value) out[key] = value;
  }
  // The upload mapping reads the flat pair (main/sync/mapping.ts); keep it equal to the picker.
  const destination = institutionOf(d.destinationInstitution);
  if (REFERRAL_LIKE.includes(type) && destination?.code) {
    out.destinationInstitutionCode = destination.code;
    out.destinationInstitutionName = destination.name;
  }
  return out;
}

function agentOf(values: FilingFormValues): Record<string, string> | null {
  if (!values.filedByAgent) return null;
  const a = values.agent ?? {};
  const out: Record<string, string> = {};
  for (const key of ['name', 'certType', 'certNo', 'phone', 'relation', 'address'] as const) {
    const v = text(a[key]);
    if (v) out[key] = v;
  }
  return out;
}

/** What the form sends, before the schema has looked at it. */
export function requestInput(values: FilingFormValues): Record<string, unknown> {
  const type = values.type;
  return {
    type,
    insuranceType: values.insuranceType,
    certType: values.certType,
    certNo: text(values.certNo),
    personName: text(values.personName),
    startDate: dateText(values.startDate),
    ...(values.endDate ? { endDate: dateText(values.endDate) } : {}),
    details: type ? detailsOf(type, values.details) : {},
    materials: values.materials ?? [],
    agent: agentOf(values),
    retroactive: values.retroactive === true,
    channel: 'window',
  };
}

/** Checks the values with the contract's schema (filingRequest) before anything is sent. */
export function toFilingRequest(values: FilingFormValues): Validated<FilingRequestInput> {
  const checked = validate(filingRequest, requestInput(values));
  // The form sends what it validated in its input shape; the dispatcher parses it again.
  return checked.ok ? { ok: true, value: requestInput(values) as FilingRequestInput } : checked;
}

/** The engine's view of what the form has so far (every field optional). */
export function toDraft(values: FilingFormValues): FilingDraft {
  const input = requestInput(values);
  const agent = input.agent as Record<string, string> | null;
  return {
    ...(values.type ? { type: values.type } : {}),
    ...(values.insuranceType ? { insuranceType: values.insuranceType } : {}),
    ...(values.certType ? { certType: values.certType } : {}),
    certNo: input.certNo as string,
    personName: input.personName as string,
    ...(input.startDate ? { startDate: input.startDate as string } : {}),
    ...(input.endDate ? { endDate: input.endDate as string } : {}),
    details: input.details as Record<string, unknown>,
    materials: values.materials ?? [],
    filedByAgent: values.filedByAgent === true,
    agent,
    retroactive: values.retroactive === true,
    channel: 'window',
  };
}

/**
 * Failure paths onto the form's controls: an institution's messages (missing object, bad code) go
 * to its name control; everything else stays as the desk named it.
 */
export function placeFailure(failure: Failure): Failure {
  if (!failure.fields) return failure;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(failure.fields)) {
    const [head, key] = path.split('.');
    const placed = head === 'details' && key && DETAIL_FIELDS[key]?.kind === 'institution' ? `details.${key}.name` : path;
    if (!(placed in fields)) fields[placed] = message;
  }
  return { ...failure, fields };
}

const isType = (v: unknown): v is FilingType => typeof v === 'string' && (FILING_TYPES as readonly string[]).includes(v);
const isMaterial = (v: unknown): v is MaterialId => typeof v === 'string' && (MATERIAL_IDS as readonly string[]).includes(v);

/** A saved filing as form values (edit mode). The service keeps materials/agent/retroactive in details. */
export function valuesFromDetail(filing: FilingDetail): FilingFormValues {
  const stored = filing.details;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'materials' || key === 'agent' || key === 'retroactive') continue;
    const kind = DETAIL_FIELDS[key]?.kind;
    details[key] = kind === 'date' && typeof value === 'string' && isIsoDate(value) ? dayjs(value) : value;
  }
  const agent = stored.agent !== null && typeof stored.agent === 'object' ? (stored.agent as AgentValues) : undefined;
  return {
    ...(isType(filing.type) ? { type: filing.type } : {}),
    insuranceType: filing.insuranceType,
    certType: filing.certType,
    certNo: filing.certNo,
    personName: filing.personName,
    startDate: dayjs(filing.startDate),
    endDate: filing.endDate ? dayjs(filing.endDate) : null,
    details,
    materials: Array.isArray(stored.materials) ? stored.materials.filter(isMaterial) : [],
    filedByAgent: agent !== undefined,
    ...(agent ? { agent } : {}),
    retroactive: stored.retroactive === true,
  };
}
