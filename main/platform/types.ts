// What the rest of the desk sees of the provincial platform: domain names only. The NHSA wire
// names (psn_no, trt_dcla_detl_sn, infno, ...) stay inside main/platform and are mapped here.
import type { CertType, InsuranceType } from '../../shared/domain/insurance';

/**
 * How an exchange ended, as every caller may rely on (docs/platform.md §Outcome classes):
 * - ok: the platform answered infcode 0 with everything the transaction must return;
 * - rejected: the platform answered infcode -1 (business refusal); `message` is its err_msg;
 * - not_sent: the request provably never left (refused, DNS, connect failure, sign-in could not
 *   be obtained first, msgid sequence exhausted, transaction not configured);
 * - unknown: it may have arrived (timeout after sending, reset, truncated or malformed reply,
 *   a gateway envelope instead of the platform's, HTTP 5xx, success without the filing serial);
 * - auth: sign-in or gateway credentials were refused.
 */
export type OutcomeClass = 'ok' | 'rejected' | 'not_sent' | 'unknown' | 'auth';

export interface PlatformOutcome<T> {
  outcome: OutcomeClass;
  /** Set when ok. queryDictionary also sets it on failure, from the cache or the built-in fallback. */
  value?: T;
  /** Chinese, for operators; the platform's err_msg when rejected. */
  message: string;
  /**
   * The msgid of this transaction's last request. null only when no request of this transaction was
   * built (not_sent before a msgid was allocated, or auth because sign-in failed first).
   */
  msgid: string | null;
  infno: string;
  durationMs: number;
  /** Every msgid this call used for its own transaction, oldest first (a sign-in renewal adds one). */
  msgids?: string[];
  /** The platform's reply id (inf_refmsgid), when it answered. */
  platformMsgid?: string | null;
  /** The platform's warn_msg, when it sent one. */
  warning?: string;
  /** English reason code for developers and logs, e.g. ECONNREFUSED, timeout_after_send, gateway_envelope. */
  reason?: string;
}

/** The desk operator on whose behalf a call is made (opter / opter_name). */
export interface PlatformOperator {
  id: string;
  name: string;
  /** The operator's code registered with the platform (opter, 9001 opter_no, ≤ 20 chars); derived from id when absent. */
  code?: string;
}

/** Per-call extras. */
export interface CallOptions {
  /** The caller's stable id for the work (e.g. the outbox entry id), stored with every exchange. */
  correlationId?: string;
  /** Called with each msgid after it is persisted and before the request leaves. */
  onMsgid?: (msgid: string) => void;
}

export interface SignIn {
  operatorId: string;
  /** The platform's sign-in serial, sent with every later call. */
  signNo: string;
  /** `YYYY-MM-DD HH:mm:ss` CST as the platform reported it. */
  signedAt: string;
  /** CST day the sign-in is cached for. */
  day: string;
}

export interface PersonLookup {
  certType: CertType;
  certNo: string;
  /** Card serial, required by the platform for social-security cards. */
  cardSerial?: string;
  name?: string;
}

export interface PersonInsurance {
  /** The desk's insurance type when the code is one the desk files for, else null. */
  insuranceType: InsuranceType | null;
  insuranceTypeCode: string;
  insuranceTypeLabel: string;
  /** 参保地医保区划: this row's region goes in the envelope of calls about the person. */
  insuredRegion: string;
  personType: string | null;
  /** Insurance status code (psn_insu_stas); '1' is normal. */
  status: string | null;
  since: string | null;
  pausedSince: string | null;
  civilServant: boolean;
  employer: string | null;
  balance: number | null;
}

export interface PersonInfo {
  personNo: string;
  name: string;
  certType: string;
  certNo: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string | null;
  age: number | null;
  insurances: PersonInsurance[];
  identities: { type: string; level: string | null; since: string | null; until: string | null }[];
}

export interface InstitutionQuery {
  name?: string;
  code?: string;
  /** 医保区划 prefix; filtered on the code's region part (H + 6-digit region + 5 digits). */
  region?: string;
  kind?: 'medical' | 'pharmacy';
}

export interface InstitutionInfo {
  code: string;
  name: string;
  uscc: string | null;
  kind: 'medical' | 'pharmacy' | 'other';
  level: string | null;
  /** Derived from the code (H + region + serial). */
  region: string | null;
}

export interface DictionaryEntry {
  value: string;
  label: string;
  parentValue?: string;
  sort?: number;
}

export interface Dictionary {
  type: string;
  region: string;
  entries: DictionaryEntry[];
  /** platform = just fetched; cache = stored from an earlier fetch; fallback = built into the desk. */
  source: 'platform' | 'cache' | 'fallback';
  fetchedAt: string | null;
}

export interface ReferralUpload {
  personNo: string;
  insuranceType: InsuranceType;
  insuredRegion: string;
  phone?: string;
  address?: string;
  diagnosisCode?: string;
  diagnosisName: string;
  caseSummary?: string;
  destinationInstitutionCode: string;
  destinationInstitutionName: string;
  destinationRegion: string;
  hospitalAgrees?: boolean;
  referralKind: string;
  /** YYYY-MM-DD */
  referralDate: string;
  referralReason: string;
  referralOpinion: string;
  startDate: string;
  endDate: string | null;
  /** The settled visit at this hospital the referral follows (2501A variant of some provinces). */
  previousVisitId?: string;
  /** 转诊使用标志 for provinces whose 2501A carries it; defaults to true. */
  referralUsed?: boolean;
}

export interface ReferralCancel {
  serial: string;
  personNo: string;
  insuredRegion: string;
  reason: string;
}

export interface ReferralQuery {
  personNo: string;
  insuredRegion: string;
  /** 'YYYY-MM-DD HH:mm:ss' CST */
  from: string;
  to: string;
}

export interface ReferralRecord {
  personNo: string;
  personName: string | null;
  certNo: string | null;
  insuranceTypeCode: string | null;
  diagnosisCode: string;
  diagnosisName: string;
  destinationInstitutionCode: string;
  destinationInstitutionName: string;
  outOfArea: boolean | null;
  referralDate: string;
  referralReason: string | null;
  startDate: string | null;
  endDate: string | null;
  hospitalAgrees: boolean | null;
  operatorName: string | null;
  /** When the platform recorded it, 'YYYY-MM-DD HH:mm:ss' CST. */
  operatedAt: string;
  /** The filing serial; null when the platform's query does not return it (the V1.0 5304 does not). */
  serial: string | null;
}

/** The long-term and temporary out-of-area kinds (filing types the province files through its agency). */
export const OUT_OF_AREA_KINDS = ['retired_resettled', 'long_term_residence', 'resident_work', 'temporary_other'] as const;
export type OutOfAreaKind = (typeof OUT_OF_AREA_KINDS)[number];

/**
 * An out-of-area filing (异地安置/长期居住/常驻工作/临时外出). No public hospital-side transaction was
 * found (nhsa-interface.md §2.13); the profile names the transaction, and the fields follow the
 * platform's out-of-area application record. An assumption to confirm per province.
 */
export interface OutOfAreaUpload {
  personNo: string;
  insuranceType: InsuranceType;
  insuredRegion: string;
  kind: OutOfAreaKind;
  /** 安置地/就医地 区划 */
  destinationRegion: string;
  phone?: string;
  address?: string;
  /** Address where the person lives or works away from home (resout_addr). */
  residenceAddress?: string;
  reason?: string;
  startDate: string;
  endDate: string | null;
}

/** Cancelling an uploaded out-of-area filing (the profile's cancel transaction), by its serial. */
export interface OutOfAreaCancel {
  serial: string;
  personNo: string;
  insuredRegion: string;
  reason: string;
}

/**
 * Which transaction uploads a filing type under an interface profile (profiles.ts `uploads`).
 * A type without a route is kept at the desk only: the platform offers no institution-side filing.
 */
export type UploadRoute =
  /** needsPreviousVisit: the profile's 2501A carries refl_old_mdtrt_id, so a referral without one is not sent. */
  | { transaction: 'referral'; needsPreviousVisit?: true }
  | { transaction: 'out_of_area'; kind: OutOfAreaKind };

export interface FilingResult {
  serial: string;
}
