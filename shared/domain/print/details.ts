// Reading FilingDetail.details defensively. `details` is a Record<string, unknown> whose shape
// depends on the filing type and grows as types are added; printing must never crash on a field
// that is missing, null, a number, or an object, and must print a blank line instead.

export type Details = Readonly<Record<string, unknown>>;

/** A printable string for `details[key]`: trimmed text, a finite number as text, otherwise ''. */
export function detailText(details: Details, key: string): string {
  const value = details[key];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export interface AgentDetails {
  name: string;
  relation: string;
  certNo: string;
  phone: string;
}

/**
 * 代办人 (policy-rules.md §3.4: agnter_name/cert_type/certno/tel/rlts). Accepts an object
 * `{ name, relation, certNo, phone }` or just a name as a string.
 */
export function detailAgent(details: Details): AgentDetails {
  const raw = details.agent;
  if (typeof raw === 'string') return { name: raw.trim(), relation: '', certNo: '', phone: '' };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { name: '', relation: '', certNo: '', phone: '' };
  const agent = raw as Details;
  return {
    name: detailText(agent, 'name'),
    relation: detailText(agent, 'relation'),
    certNo: detailText(agent, 'certNo'),
    phone: detailText(agent, 'phone'),
  };
}

/** The `details` keys the print DTO reads; a type that adds a printable field adds it here and in form.ts. */
export const PRINTED_DETAIL_KEYS = [
  'destinationRegion',
  'destinationHospitalName',
  'destinationHospitalCode',
  'diagnosisCode',
  'diagnosisName',
  'referralKind',
  'referralReason',
  'phone',
  'workUnit',
  'address',
  'postalCode',
  'destinationAddress',
  'reason',
  'admissionDate',
  'caseSummary',
  'chronicDiseaseHospital',
  'agent',
] as const;
