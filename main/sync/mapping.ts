// The one place that turns a desk filing into what the platform adapter uploads. Every default the
// desk uses for a 2501 field the Hefei form does not ask for is here, with its reason; a field the
// platform requires and the desk cannot know is never invented: the upload is refused locally and
// the operator is told which field to add (nhsa-interface.md §2.4 lists what is required). Which
// transaction a filing type goes through is the interface profile's (`uploads`, UploadRoute); a type
// it has no transaction for is kept at the desk as 无需上传 (filingUploadOf).
import type { InstitutionDto } from '../../shared/contract';
import type { FilingDetail, FilingType } from '../../shared/domain/filing';
import { REFERRAL_LIKE } from '../../shared/domain/filing-types/classes';
import type { OutOfAreaCancel, OutOfAreaUpload, ReferralCancel, ReferralUpload, UploadRoute } from '../platform/types';
import { sentReferralOf, type SentReferral } from './reconcile';

export type Mapped<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/**
 * Documented defaults:
 * - referralOpinion (refl_opnn, required): the Hefei form has no opinion field; the hospital files the
 *   referral only after agreeing to it (seed 000, 3(3)), so the opinion defaults to 同意转诊.
 * - hospitalAgrees (hosp_agre_refl_flag): true for the same reason.
 * - referralDate (refl_date): the filing's start date; the form's 开始日期 is the day of referral.
 * - insuredRegion (参保地区划): the institution's own region. The desk files referrals for the
 *   insured of its own pooling region; S2/S3 fill insu_optins from the hospital's region (§2.4 row 5).
 *   A filing that names its insured region (from the person lookup) uses that instead.
 */
export const UPLOAD_DEFAULTS = {
  referralOpinion: '同意转诊',
  hospitalAgrees: true,
} as const;

function text(details: Record<string, unknown>, key: string): string | undefined {
  const v = details[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function missing(field: string, label: string): Mapped<never> {
  return { ok: false, field, message: `缺少${label}，请编辑备案后重新提交` };
}

/** The person identity calls about this filing carry (2501, 2502, 5304). */
export interface UploadIdentity {
  personNo: string;
  insuredRegion: string;
}

export function identityOf(filing: FilingDetail, institution: InstitutionDto): Mapped<UploadIdentity> {
  const personNo = text(filing.details, 'personNo');
  if (!personNo) return missing('personNo', '人员编号（参保人信息查询所得）');
  return { ok: true, value: { personNo, insuredRegion: text(filing.details, 'insuredRegion') ?? institution.regionCode } };
}

/** The destination picked from the 1201 list: the flat fields, or the {code, name} object of the full referral form. */
function destinationInstitutionOf(d: Record<string, unknown>): { code?: string | undefined; name?: string | undefined } {
  const picked = d.destinationInstitution;
  const obj = picked && typeof picked === 'object' ? (picked as Record<string, unknown>) : {};
  return { code: text(d, 'destinationInstitutionCode') ?? text(obj, 'code'), name: text(d, 'destinationInstitutionName') ?? text(obj, 'name') };
}

export function referralUploadOf(filing: FilingDetail, institution: InstitutionDto, options: { needsPreviousVisit?: boolean } = {}): Mapped<ReferralUpload> {
  if (!REFERRAL_LIKE.includes(filing.type)) {
    return { ok: false, field: 'type', message: '该类备案不是转诊转院备案，不能按转院备案（2501）上传' };
  }
  const d = filing.details;
  const identity = identityOf(filing, institution);
  if (!identity.ok) return identity;
  const destination = destinationInstitutionOf(d);
  const destinationInstitutionCode = destination.code;
  const destinationInstitutionName = destination.name;
  if (!destinationInstitutionCode || !destinationInstitutionName) return missing('destinationInstitutionCode', '转往医疗机构');
  const destinationRegion = filing.destinationRegion ?? text(d, 'destinationRegion');
  if (!destinationRegion) return missing('destinationRegion', '转往地区');
  const diagnosisName = text(d, 'diagnosisName');
  if (!diagnosisName) return missing('diagnosisName', '目前诊断');
  const referralKind = text(d, 'referralKind');
  if (!referralKind) return missing('referralKind', '异地转诊类型');
  const referralReason = text(d, 'referralReason');
  if (!referralReason) return missing('referralReason', '异地转诊理由');
  const phone = text(d, 'phone');
  const diagnosisCode = text(d, 'diagnosisCode');
  const previousVisitId = text(d, 'previousVisitId');
  // Refused here rather than by the platform: no request is spent, and the message names the field.
  if (options.needsPreviousVisit && !previousVisitId) return missing('previousVisitId', '转院前就诊ID（本省医保平台转院备案必填，患者在本院已结算的就诊ID）');
  return {
    ok: true,
    value: {
      ...identity.value,
      insuranceType: filing.insuranceType,
      ...(phone ? { phone } : {}),
      ...(diagnosisCode ? { diagnosisCode } : {}),
      diagnosisName,
      destinationInstitutionCode,
      destinationInstitutionName,
      destinationRegion,
      hospitalAgrees: UPLOAD_DEFAULTS.hospitalAgrees,
      referralKind,
      referralDate: filing.startDate,
      referralReason,
      referralOpinion: text(d, 'referralOpinion') ?? UPLOAD_DEFAULTS.referralOpinion,
      ...(text(d, 'caseSummary') ? { caseSummary: text(d, 'caseSummary')! } : {}),
      startDate: filing.startDate,
      endDate: filing.endDate,
      ...(previousVisitId ? { previousVisitId } : {}),
    },
  };
}

export function referralCancelOf(serial: string, identity: UploadIdentity, reason: string): ReferralCancel {
  return { serial, ...identity, reason };
}

// --- every filing type ----------------------------------------------------------------------------

/**
 * An out-of-area filing (long-term types, 临时外出, 急诊 as 临时外出) as the profile's transaction takes
 * it (main/platform/tx/outOfArea.ts). Documented choices:
 * - residenceAddress (resout_addr): the long-term types' 安置地/居住地/工作地 address (details.address).
 * - reason (memo): details.reason; for 急诊抢救, which has none, the admission date and "异地急诊抢救".
 */
export function outOfAreaUploadOf(filing: FilingDetail, institution: InstitutionDto, kind: OutOfAreaUpload['kind']): Mapped<OutOfAreaUpload> {
  const d = filing.details;
  const identity = identityOf(filing, institution);
  if (!identity.ok) return identity;
  const destinationRegion = filing.destinationRegion ?? text(d, 'destinationRegion');
  if (!destinationRegion) return missing('destinationRegion', '异地居住（就医）地区');
  const phone = text(d, 'phone');
  if (!phone) return missing('phone', '联系电话');
  const residenceAddress = text(d, 'address');
  if (kind !== 'temporary_other' && !residenceAddress) return missing('address', '异地居住地址');
  const admission = text(d, 'admissionDate');
  const reason = text(d, 'reason') ?? (filing.type === 'emergency' ? `异地急诊抢救${admission ? `，入院日期${admission}` : ''}` : undefined);
  return {
    ok: true,
    value: {
      ...identity.value,
      insuranceType: filing.insuranceType,
      kind,
      destinationRegion,
      phone,
      ...(residenceAddress ? { residenceAddress } : {}),
      ...(reason ? { reason } : {}),
      startDate: filing.startDate,
      endDate: filing.endDate,
    },
  };
}

/** What the queue sends for a filing: the transaction and its input, and the fingerprint kept for reconciliation. */
export type FilingUpload =
  | { transaction: 'referral'; upload: ReferralUpload; sent: SentReferral }
  | { transaction: 'out_of_area'; upload: OutOfAreaUpload; sent: SentReferral };

/** The queue's outcome of mapping a filing: send it, refuse it (a field is missing), or keep it at the desk. */
export type UploadPlan = Mapped<FilingUpload> | { ok: false; notRequired: true; message: string };

/** Shown on filings whose type the interface profile has no institution-side transaction for. */
export const NOT_REQUIRED_MESSAGE = '无需上传：本省医保平台未开放该类备案的医疗机构端接口，备案已在本机保存；请指导参保人到参保地经办机构或国家医保服务平台办理';

/** The referral transaction where no interface profile says otherwise (a desk without the real client). */
export function defaultUploadRoute(type: FilingType): UploadRoute | null {
  return REFERRAL_LIKE.includes(type) ? { transaction: 'referral' } : null;
}

/**
 * The out-of-area fingerprint, in the fields the queue's matcher compares (reconcile.ts sameReferral):
 * destination = 安置/就医地区划, dates = 开始日期, "diagnosis" = the kind. The adapter reads the
 * out-of-area query's records into the same fields (tx/outOfArea.ts interpretOutOfAreaQuery).
 */
export function sentOutOfAreaOf(upload: OutOfAreaUpload): SentReferral {
  return {
    personNo: upload.personNo,
    insuredRegion: upload.insuredRegion,
    destinationInstitutionCode: upload.destinationRegion,
    referralDate: upload.startDate,
    startDate: upload.startDate,
    diagnosisCode: upload.kind,
    diagnosisName: upload.kind,
    route: 'out_of_area',
  };
}

/** The upload of any filing type under the route the interface profile gives it (null: none). */
export function filingUploadOf(filing: FilingDetail, institution: InstitutionDto, route: UploadRoute | null): UploadPlan {
  if (!route) return { ok: false, notRequired: true, message: NOT_REQUIRED_MESSAGE };
  if (route.transaction === 'referral') {
    const mapped = referralUploadOf(filing, institution, { needsPreviousVisit: route.needsPreviousVisit === true });
    return mapped.ok ? { ok: true, value: { transaction: 'referral', upload: mapped.value, sent: sentReferralOf(mapped.value) } } : mapped;
  }
  const mapped = outOfAreaUploadOf(filing, institution, route.kind);
  return mapped.ok ? { ok: true, value: { transaction: 'out_of_area', upload: mapped.value, sent: sentOutOfAreaOf(mapped.value) } } : mapped;
}

export function outOfAreaCancelOf(serial: string, identity: UploadIdentity, reason: string): OutOfAreaCancel {
  return { serial, ...identity, reason };
}
