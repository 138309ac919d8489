// A policy profile is data: which filing types exist and, per type and per profile, the rules the
// desk applies — each with the source it comes from (../shared/design/style.md "Policies are data").
import type { FilingType } from '../filing';
import type { InsuranceType } from '../insurance';
import type { MaterialItem } from '../filing-types/materials';

export const POLICY_PROFILE_IDS = ['national-2022', 'hefei-2019', 'ganzhou-2019', 'sanming', 'jining-2018'] as const;
export type PolicyProfileId = (typeof POLICY_PROFILE_IDS)[number];

export interface Sourced {
  /** seed file and place, and/or policy-rules.md section */
  source: string;
  /** policy-rules.md marks the fact [UNVERIFIED]: check it against the official text */
  unverified?: boolean;
  /** set on a regional rule that departs from the national baseline (policy-rules.md §7) */
  departsFromNational?: string;
}

/**
 * End date of a filing: `open` (no end), a fixed validity counted from the start date, or
 * `until_discharge` (left empty; the discharge date is written at settlement).
 */
export type EndDateRule = 'open' | 'until_discharge' | { months: number } | { years: number };

export interface RequiredField extends Sourced {
  /** key inside the filing's details */
  field: string;
  /** what to tell the operator when it is missing */
  missing: string;
}

export interface Advisory extends Sourced {
  text: string;
}

export interface TypePolicy {
  /** the profile's own name for the type, where it differs from FILING_TYPE_LABELS */
  label?: string;
  /** insurance types that cannot file this type */
  notForInsurance?: { insuranceTypes: readonly InsuranceType[] } & Sourced;
  endDate: { rule: EndDateRule } & Sourced;
  /** an entered end date must be at least this far from the start date */
  minimumValidity?: { months: number; insuranceTypes?: readonly InsuranceType[] } & Sourced;
  /** edit and void are locked this long after the start date; null = no lock */
  changeLock: { months: number | null } & Sourced;
  /** settlements allowed per filing (the platform's allo_setl_cnt); absent = no limit */
  settlementLimit?: { outpatient: number; inpatient: number } & Sourced;
  /** whether a 个人承诺书 may stand in for the items marked commitmentReplaces */
  commitment: { allowed: boolean; followUp?: string } & Sourced;
  materials: { items: readonly MaterialItem[] } & Sourced;
  /** details the profile requires beyond the type's schema */
  requiredFields: readonly RequiredField[];
  /** texts the operator should pass on whenever this type is chosen */
  advisories: readonly Advisory[];
}

export type FilingChannel = 'window' | 'online';

export interface WorkdayDeadlineRule extends Sourced {
  id: string;
  label: string;
  types: readonly FilingType[];
  /** the day counting starts after */
  from: 'admission_date' | 'submission';
  workdays: number;
  onlyChannel?: FilingChannel;
  onlyInsurance?: readonly InsuranceType[];
  onlyCareSetting?: 'inpatient' | 'outpatient';
  /** what a passed deadline means for a draft: a warning, or nothing (an agency's own SLA) */
  whenOverdue: 'warning' | 'none';
}

export interface PolicyProfile {
  id: PolicyProfileId;
  name: string;
  summary: string;
  source: string;
  /** the types this profile offers; a missing key means the type is not offered */
  types: Partial<Record<FilingType, TypePolicy>>;
  /** why a type is not offered and what to choose instead */
  typeNotOffered: Partial<Record<FilingType, Advisory>>;
  /** provinces filed at province level (the municipalities, plus any the profile adds) */
  provinceLevelDestinations: { codes: readonly string[] } & Sourced;
  /** filing after a self-paid settlement (自费结算后补办) */
  retroactive: { types: readonly FilingType[]; commitmentAllowed: boolean; advisory: string } & Sourced;
  deadlines: readonly WorkdayDeadlineRule[];
  review: { required: boolean } & Sourced;
  agent: { allowed: boolean } & Sourced;
  /** how a locked filing may still be changed */
  changeOverride: { requiresReason: true; requiresReviewer: true } & Sourced;
  /** manual claims without a proper filing are paid at a lower ratio */
  unfiledClaim?: { ratioCutPercent: number; exceptTypes: readonly FilingType[]; text: string } & Sourced;
  /** which printed 备案表 the desk produces */
  printForm: { template: 'national' | 'hefei' | 'jiangxi'; title: string } & Sourced;
}
