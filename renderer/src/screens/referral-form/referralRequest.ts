// The referral form's values, its keyboard order, and how the values become a filing.create request.
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { fail, type RequestOf } from '../../../../shared/contract';
import { createReferralRequest } from '../../../../shared/domain/filing';
import type { CertType, InsuranceType } from '../../../../shared/domain/insurance';
import { checkDestinationRegion } from '../../../../shared/domain/regions';
import { businessDate } from '../../../../shared/domain/time';
import { validate, type Validated } from '../../api/validate';
import type { EntryField } from '../../forms/useKeyboardEntry';

export const REFERRAL_FORM = 'referral';

export interface ReferralFormValues {
  insuranceType?: InsuranceType;
  certType?: CertType;
  certNo?: string;
  personName?: string;
  startDate?: Dayjs | null;
  details?: {
    destinationRegion?: string;
    diagnosisName?: string;
    diagnosisCode?: string;
    referralKind?: string;
    referralReason?: string;
    phone?: string;
  };
}

/**
 * The fields in the order the operator fills them (seed 000: 险种类别 → 个人编号 → … → 联系电话,
 * then 保存). Names are the request's own paths, so a server error on `details.phone` lands on
 * the field named ['details', 'phone'].
 */
export const REFERRAL_FIELDS: readonly EntryField[] = [
  { name: 'insuranceType', kind: 'choice' },
  { name: 'certType', kind: 'choice' },
  { name: 'certNo', kind: 'text' },
  { name: 'personName', kind: 'text' },
  { name: 'startDate', kind: 'date' },
  { name: 'details.destinationRegion', kind: 'choice' },
  { name: 'details.diagnosisName', kind: 'text' },
  { name: 'details.diagnosisCode', kind: 'text' },
  { name: 'details.referralKind', kind: 'choice' },
  { name: 'details.referralReason', kind: 'text' },
  { name: 'details.phone', kind: 'text' },
];

export const REFERRAL_FIELD_NAMES: readonly string[] = REFERRAL_FIELDS.map((f) => f.name);

/** A new form: ID card as the usual certificate; the start date is today in China (not the machine's zone). */
export function initialReferralValues(now: Date): ReferralFormValues {
  return { certType: 'id_card', startDate: dayjs(businessDate(now)) };
}

/** Checks the values with the contract's schema (and the destination rule) before anything is sent. */
export function toReferralRequest(values: ReferralFormValues): Validated<RequestOf<'filing.create'>> {
  const d = values.details ?? {};
  const checked = validate(createReferralRequest, {
    type: 'referral',
    insuranceType: values.insuranceType,
    certType: values.certType,
    certNo: values.certNo ?? '',
    personName: values.personName ?? '',
    startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : undefined,
    details: {
      destinationRegion: d.destinationRegion,
      diagnosisName: d.diagnosisName ?? '',
      diagnosisCode: d.diagnosisCode ?? '',
      referralKind: d.referralKind,
      referralReason: d.referralReason ?? '',
      phone: d.phone ?? '',
    },
  });
  // Municipalities file at province level, others at city level (policy-rules.md §2.3).
  const destination = d.destinationRegion ? checkDestinationRegion(d.destinationRegion) : { ok: true as const };
  if (destination.ok) return checked;
  const fields = { ...(checked.ok ? {} : checked.fields), 'details.destinationRegion': destination.message };
  return fail('INVALID_REQUEST', checked.ok ? destination.message : checked.message, fields);
}
