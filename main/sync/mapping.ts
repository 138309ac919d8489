// The one place that turns a desk filing into what the platform adapter uploads. Every default the
// desk uses for a 2501 field the Hefei form does not ask for is here, with its reason; a field the
// platform requires and the desk cannot know is never invented: the upload is refused locally and
// the operator is told which field to add (nhsa-interface.md §2.4 lists what is required).
import type { InstitutionDto } from '../../shared/contract';
import type { FilingDetail } from '../../shared/domain/filing';
import type { ReferralCancel, ReferralUpload } from '../platform/types';

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

export function referralUploadOf(filing: FilingDetail, institution: InstitutionDto): Mapped<ReferralUpload> {
  if (filing.type !== 'referral') {
    return { ok: false, field: 'type', message: '该类备案暂不能上传到医保平台（目前仅支持异地转诊人员备案），请到参保地经办窗口办理' };
  }
  const d = filing.details;
  const identity = identityOf(filing, institution);
  if (!identity.ok) return identity;
  const destinationInstitutionCode = text(d, 'destinationInstitutionCode');
  const destinationInstitutionName = text(d, 'destinationInstitutionName');
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
      startDate: filing.startDate,
      endDate: filing.endDate,
    },
  };
}

export function referralCancelOf(serial: string, identity: UploadIdentity, reason: string): ReferralCancel {
  return { serial, ...identity, reason };
}
