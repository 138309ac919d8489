// Provincial interface profiles: how one province's deployment of the national platform is reached.
// Data, not branches (style.md "Policies are data"); each profile cites its source in
// ../shared/reference/nhsa-interface.md. Credentials are never part of a profile: they come from
// the desk's configuration at run time (createPlatformClient's `credentials`).
import type { FilingType } from '../../shared/domain/filing';
import type { OutOfAreaKind, UploadRoute } from './types';

export type EndpointStyle =
  /** One URL for every transaction; infno only in the body (Hunan, Jilin, local 前置 services). */
  | { style: 'single'; path: string }
  /** infno (or a per-service path) appended to the base URL (Guangdong `…/hsa/hgs/<infno>`, Hebei). */
  | { style: 'per_transaction'; pathTemplate: string; paths?: Record<string, string> };

export type GatewaySigning =
  | { scheme: 'none' }
  /** x-tif-paasid / x-tif-timestamp (s) / x-tif-nonce / x-tif-signature = sha256hex(ts + secret + nonce + ts). */
  | { scheme: 'x-tif' }
  /** Alibaba CSB: _api_* headers, signature = base64(HMAC-SHA1(secretKey, sorted k=v&…)). */
  | { scheme: 'csb'; apiName: string; apiVersion: string };

/** The referral transaction: plain 2501, or a provincial 2501A with one extra field (§2.5). */
export type ReferralVariant = { infno: '2501' } | { infno: '2501A'; extra: 'refl_old_mdtrt_id' | 'refl_used_flag' };

export interface OutOfAreaTransaction {
  /** The transaction code the province assigns; the simulator's stand-in is 'OA01'. */
  infno: string;
  /** Its cancellation (input {trt_dcla_detl_sn, psn_no, memo}); the stand-in is 'OA02'. */
  cancelInfno: string;
  /**
   * Its query by person and time window, which the queue asks before resending an upload whose outcome
   * is unknown (as 5304 for referrals); the stand-in is 'OA03'.
   */
  queryInfno: string;
  /** Codes sent in rloc_rea for each kind (assumed; confirm with the province). */
  kindCodes: Record<OutOfAreaKind, string>;
}

/**
 * The diagnosis catalogue download. The national catalogue downloads (13xx) hand back a file through
 * 9101/9102, which the reference does not cover (nhsa-interface.md has no 13xx section): UNCERTAIN.
 * The simulator's stand-in answers inline, a page at a time (docs/platform.md).
 */
export interface CatalogueTransaction {
  infno: string;
  /** Rows asked for per page. */
  pageSize: number;
}

/** The simulator's stand-in for the diagnosis catalogue download (not a confirmed national shape). */
export const SIM_DIAGNOSIS_CATALOGUE: CatalogueTransaction = { infno: '1307', pageSize: 500 };

export interface InterfaceProfile {
  id: string;
  label: string;
  /** Where the facts come from (nhsa-interface.md source keys) and what is uncertain. */
  source: string;
  endpoint: EndpointStyle;
  gateway: GatewaySigning;
  infver: string;
  /** recer_sys_code: a default and overrides by insutype (e.g. 340 离休 -> LXXT, §1.1 row 5). */
  recerSysCode: { default: string; byInsutype: Record<string, string> };
  referral: ReferralVariant;
  /** 2501 insu_optins: the insured's region (S4) or the hospital's (S2, S3); §2.4 row 5 is uncertain. */
  insuOptins: 'insured_region' | 'institution_region';
  /** null: the province offers no hospital-side out-of-area filing; the desk says so. */
  outOfArea: OutOfAreaTransaction | null;
  /**
   * Which transaction uploads each filing type. A type left out is kept at the desk with the upload
   * state 无需上传 (no institution-side transaction, nhsa-interface.md §2.13), never queued as refused.
   */
  uploads: Partial<Record<FilingType, UploadRoute>>;
  /** null: the desk has no way to download the diagnosis catalogue from this province; free text only. */
  diagnosisCatalogue: CatalogueTransaction | null;
  /** err_msg text that means "sign in again" (invalid or expired sign_no); a RegExp source. */
  signInErrorPattern: string;
  timeouts: { connectMs: number; responseMs: number };
  contentType: 'application/json' | 'text/plain';
}

/** The simulator's stand-in for a provincial out-of-area filing transaction (docs/platform.md). */
export const SIM_OUT_OF_AREA: OutOfAreaTransaction = {
  infno: 'OA01',
  cancelInfno: 'OA02',
  queryInfno: 'OA03',
  kindCodes: { retired_resettled: '1', long_term_residence: '2', resident_work: '3', temporary_other: '4' },
};

const SIGN_IN_ERRORS = '签到|sign_no';

/** Referrals and Hefei's cancer sub-type (a referral, seed 000 附件1 3) go as 2501/2501A everywhere (§2.4). */
const REFERRAL_UPLOADS: Partial<Record<FilingType, UploadRoute>> = {
  referral: { transaction: 'referral' },
  cancer_multi_course: { transaction: 'referral' },
};

/**
 * With an out-of-area transaction, the long-term types go with their own kind. 异地急诊抢救 goes as
 * 临时外出 (the application record knows no emergency kind, §2.13, S11) — an assumption.
 */
const OUT_OF_AREA_UPLOADS: Partial<Record<FilingType, UploadRoute>> = {
  ...REFERRAL_UPLOADS,
  retired_resettled: { transaction: 'out_of_area', kind: 'retired_resettled' },
  long_term_residence: { transaction: 'out_of_area', kind: 'long_term_residence' },
  resident_work: { transaction: 'out_of_area', kind: 'resident_work' },
  temporary_other: { transaction: 'out_of_area', kind: 'temporary_other' },
  emergency: { transaction: 'out_of_area', kind: 'temporary_other' },
};

export const NATIONAL_DEFAULT: InterfaceProfile = {
  id: 'national-default',
  label: '国家接口规范（单一入口）',
  source:
    'nhsa-interface.md §1.1-§1.5: envelope per S1/S2; single callService endpoint per S15 (Hunan) and S6 (Jilin); ' +
    'no gateway signing (local 前置 services); recer_sys_code YBXT, LXXT for 340 per S2; timeouts 10 s/60 s per S9 (none prescribed). ' +
    'Out-of-area transaction: the simulator stand-in only (§2.13, no public hospital-side transaction).',
  endpoint: { style: 'single', path: '/fsi/api/rsfComIfsService/callService' },
  gateway: { scheme: 'none' },
  infver: 'V1.0',
  recerSysCode: { default: 'YBXT', byInsutype: { '340': 'LXXT' } },
  referral: { infno: '2501' },
  insuOptins: 'insured_region',
  outOfArea: SIM_OUT_OF_AREA,
  uploads: OUT_OF_AREA_UPLOADS,
  diagnosisCatalogue: SIM_DIAGNOSIS_CATALOGUE,
  signInErrorPattern: SIGN_IN_ERRORS,
  timeouts: { connectMs: 10_000, responseMs: 60_000 },
  contentType: 'application/json',
};

export const GUANGDONG_XTIF: InterfaceProfile = {
  id: 'guangdong-xtif',
  label: '广东（x-tif 网关，按交易号路径）',
  source:
    'nhsa-interface.md §1.5: /ebus/<app>/hsa/hgs/<infno> with x-tif-* SHA-256 headers (S1, S4, S5, S9 agree); ' +
    'infver 1.0.0 and recer_sys_code HIS per S5 (Guangzhou); 2501A with refl_old_mdtrt_id per S4/S5 (§2.5). ' +
    'The gateway path segment (gdyb_api/prd) differs per city: set the base URL accordingly. No out-of-area transaction known.',
  endpoint: { style: 'per_transaction', pathTemplate: '/ebus/gdyb_api/prd/hsa/hgs/{infno}' },
  gateway: { scheme: 'x-tif' },
  infver: '1.0.0',
  recerSysCode: { default: 'HIS', byInsutype: {} },
  referral: { infno: '2501A', extra: 'refl_old_mdtrt_id' },
  insuOptins: 'insured_region',
  outOfArea: null,
  uploads: REFERRAL_UPLOADS,
  diagnosisCatalogue: null,
  signInErrorPattern: SIGN_IN_ERRORS,
  timeouts: { connectMs: 10_000, responseMs: 60_000 },
  contentType: 'application/json',
};

export const JIANGSU_CSB: InterfaceProfile = {
  id: 'jiangsu-csb',
  label: '江苏（CSB 网关，单一入口）',
  source:
    'nhsa-interface.md §1.5: single CSB endpoint, _api_name hssServives, _api_version 1.0.0, HMAC-SHA1 over the sorted ' +
    '_api_* parameters (S7, S13); infver V1.0 and recer_sys_code MBS_LOCAL per S7; DLL TIMEOUT 120 s example per S13. ' +
    'No out-of-area transaction known.',
  endpoint: { style: 'single', path: '/CSB' },
  gateway: { scheme: 'csb', apiName: 'hssServives', apiVersion: '1.0.0' },
  infver: 'V1.0',
  recerSysCode: { default: 'MBS_LOCAL', byInsutype: {} },
  referral: { infno: '2501' },
  insuOptins: 'institution_region',
  outOfArea: null,
  uploads: REFERRAL_UPLOADS,
  diagnosisCatalogue: null,
  signInErrorPattern: SIGN_IN_ERRORS,
  timeouts: { connectMs: 10_000, responseMs: 120_000 },
  contentType: 'application/json',
};

export const PROFILES: readonly InterfaceProfile[] = [NATIONAL_DEFAULT, GUANGDONG_XTIF, JIANGSU_CSB];

/** The transaction that uploads a filing type under a profile; null: kept at the desk (无需上传). */
export function uploadRouteOf(profile: Pick<InterfaceProfile, 'uploads' | 'referral'>, type: FilingType): UploadRoute | null {
  const route = profile.uploads[type] ?? null;
  const needsPreviousVisit = profile.referral.infno === '2501A' && profile.referral.extra === 'refl_old_mdtrt_id';
  return route?.transaction === 'referral' && needsPreviousVisit ? { ...route, needsPreviousVisit: true } : route;
}

export function findProfile(id: string): InterfaceProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** The URL path a transaction is posted to under this profile. */
export function pathFor(profile: InterfaceProfile, infno: string): string {
  const endpoint = profile.endpoint;
  if (endpoint.style === 'single') return endpoint.path;
  return endpoint.paths?.[infno] ?? endpoint.pathTemplate.replace('{infno}', encodeURIComponent(infno));
}

export function recerSysCodeFor(profile: InterfaceProfile, insutype: string | undefined): string {
  return (insutype !== undefined ? profile.recerSysCode.byInsutype[insutype] : undefined) ?? profile.recerSysCode.default;
}
