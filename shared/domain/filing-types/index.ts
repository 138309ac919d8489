// Per filing type: its class, its details schema and its default materials checklist.
import type { z } from 'zod';
import type { FilingType } from '../filing';
import { FILING_CLASS_OF, type FilingClass } from './classes';
import { DEFAULT_MATERIALS, type MaterialChecklist } from './materials';
import { longTermResidenceDetails, residentWorkDetails, retiredResettledDetails } from './long-term-details';
import { fullReferralDetails } from './referral-details';
import { emergencyDetails, temporaryOtherDetails } from './temporary-details';

export const FILING_DETAILS_SCHEMAS = {
  retired_resettled: retiredResettledDetails,
  long_term_residence: longTermResidenceDetails,
  resident_work: residentWorkDetails,
  referral: fullReferralDetails,
  emergency: emergencyDetails,
  temporary_other: temporaryOtherDetails,
  // Hefei's sub-type is a referral with a different validity (000_bc84ff0b7039e793.txt 附件1 3).
  cancer_multi_course: fullReferralDetails,
} as const satisfies Record<FilingType, z.ZodType>;

/** Where each type's fields come from, quoted as the source of field-level issues. */
export const DETAILS_SOURCES: Record<FilingType, string> = {
  retired_resettled: 'policy-rules.md §3.4（rloc_admdvs / resout_addr / rloc_rea）；003_f7ec7151fcfbcf96.txt 附件1',
  long_term_residence: 'policy-rules.md §3.4（rloc_admdvs / resout_addr / rloc_rea）；003_f7ec7151fcfbcf96.txt 附件1',
  resident_work: 'policy-rules.md §3.4（rloc_admdvs / resout_addr / rloc_rea）；003_f7ec7151fcfbcf96.txt 附件1',
  referral: '000_bc84ff0b7039e793.txt 附件1 3(4)；policy-rules.md §3.3（2501）',
  emergency: '003_f7ec7151fcfbcf96.txt 附件1 异地急诊栏；004_b89a9dffbb20a241.txt',
  temporary_other: 'policy-rules.md §2.2（其他临时外出就医人员）',
  cancer_multi_course: '000_bc84ff0b7039e793.txt 附件1 3(4)；policy-rules.md §3.3（2501）',
};

export interface FilingTypeSpec {
  type: FilingType;
  filingClass: FilingClass;
  details: z.ZodType;
  materials: MaterialChecklist;
}

export function filingTypeSpec(type: FilingType): FilingTypeSpec {
  return { type, filingClass: FILING_CLASS_OF[type], details: FILING_DETAILS_SCHEMAS[type], materials: DEFAULT_MATERIALS[type] };
}

export * from './classes';
export * from './materials';
export * from './agent';
export * from './long-term-details';
export * from './referral-details';
export * from './temporary-details';
export { institution, labelledPhone, postalCode } from './field-helpers';
