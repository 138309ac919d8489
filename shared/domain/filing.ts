// Filings (备案) as the UI and services see them. Row types stay inside db/; these are the DTOs.
import { z } from 'zod';
import { CERT_TYPES, INSURANCE_TYPES } from './insurance';
import { checkIdCard } from './idcard';
import { choice, isoDate, optionalText, phoneNumber, regionCode, requiredText } from './fields';

/** Every filing type the seeds and the national rules name (policy-rules.md §2.1, seed 000). */
export const FILING_TYPES = [
  'retired_resettled',
  'long_term_residence',
  'resident_work',
  'referral',
  'emergency',
  'temporary_other',
  'cancer_multi_course',
] as const;
export type FilingType = (typeof FILING_TYPES)[number];

export const FILING_TYPE_LABELS: Record<FilingType, string> = {
  retired_resettled: '异地安置退休人员',
  long_term_residence: '异地长期居住人员',
  resident_work: '常驻异地工作人员',
  referral: '异地转诊人员',
  emergency: '异地急诊抢救人员',
  temporary_other: '其他临时外出就医人员',
  cancer_multi_course: '恶性肿瘤放化疗等分疗程多次住院人员',
};

export const FILING_STATUSES = ['active', 'voided'] as const;

/** 复核 (review) where the institution's policy profile requires it; 'none' where it does not. */
export const REVIEW_STATUSES = ['none', 'pending_review', 'approved', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  none: '无需复核',
  pending_review: '待复核',
  approved: '复核通过',
  returned: '复核退回',
};
export type FilingStatus = (typeof FILING_STATUSES)[number];

/**
 * Where a filing stands with the platform, as operators see it in lists. not_required: the interface
 * profile has no institution-side transaction for the type (nhsa-interface.md §2.13), so the filing is
 * kept at the desk with nothing to upload (main/sync/mapping.ts).
 */
export const UPLOAD_STATES = ['pending', 'uploading', 'uploaded', 'uncertain', 'rejected', 'cancelled', 'not_required'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  pending: '待上传',
  uploading: '上传中',
  uploaded: '已上传',
  uncertain: '待核实',
  rejected: '被退回',
  cancelled: '已撤销',
  not_required: '无需上传（平台未开放机构端备案接口）',
};

/**
 * Upload-queue entry statuses (architecture §5), with the operator's words for them. An entry is one
 * intent (upload, cancel) of a filing; the filing's upload state follows its latest entry.
 */
export const QUEUE_STATUSES = ['pending', 'in_flight', 'uncertain', 'done', 'rejected', 'cancelled'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  pending: '待上传',
  in_flight: '上传中',
  uncertain: '待核实',
  done: '已上传',
  rejected: '被退回',
  cancelled: '已撤销',
};

/**
 * 异地转诊类型. The platform's refl_type values are provincial and loaded through 1901; until a
 * dictionary has been downloaded the desk offers these built-in values, marked as fallback
 * (nhsa-interface.md §3: "values not found publicly").
 */
export const REFERRAL_KIND_FALLBACK = [
  { value: '1', label: '转外省就医' },
  { value: '2', label: '省内跨统筹区转诊' },
  { value: '3', label: '转上级医院' },
] as const;

export const personFields = {
  insuranceType: choice('险种类别', INSURANCE_TYPES),
  certType: choice('证件类型', CERT_TYPES),
  certNo: requiredText('个人编号', 30),
  personName: requiredText('姓名', 50),
};

/** The referral filing of the Hefei operator manual (seed 000, 3(3)-(4)). */
export const referralDetails = z.object({
  destinationRegion: regionCode('转往地区'),
  diagnosisCode: optionalText('诊断编码', 20),
  diagnosisName: requiredText('目前诊断', 100),
  referralKind: requiredText('异地转诊类型', 30),
  referralReason: requiredText('异地转诊理由', 100),
  phone: phoneNumber,
  // What the platform's 2501 needs beyond the Hefei form (nhsa-interface.md §2.4). Optional so the
  // current form keeps working; main/sync/mapping.ts refuses to upload a filing that lacks a field
  // the platform requires and tells the operator which one.
  /** 转往定点医疗机构编码 (1201), e.g. H31010100001. */
  destinationInstitutionCode: optionalText('转往医疗机构编码', 30),
  destinationInstitutionName: optionalText('转往医疗机构名称', 200),
  /** 转诊意见 (refl_opnn). */
  referralOpinion: optionalText('转诊意见', 200),
  /** 参保地医保区划 from the person lookup (1101); six digits, e.g. 340199. */
  insuredRegion: optionalText('参保地医保区划', 6).refine((v) => v === undefined || /^\d{6}$/.test(v), '参保地医保区划应为6位数字'),
  /** 人员编号 from the person lookup (1101). */
  personNo: optionalText('人员编号', 30),
});
export type ReferralDetails = z.infer<typeof referralDetails>;

/**
 * A person number typed as an ID card must be a valid GB 11643 number. `when` runs the check even
 * when other fields fail, so the operator sees every problem at once. Every filing request uses it.
 */
export function withCertNoCheck<S extends z.ZodType<{ certType: string; certNo: string }>>(schema: S): S {
  return schema.refine((v) => v.certType !== 'id_card' || checkIdCard(v.certNo).ok, {
    path: ['certNo'],
    when: (payload) => {
      const v = payload.value as { certType?: unknown; certNo?: unknown };
      return v.certType === 'id_card' && typeof v.certNo === 'string' && v.certNo.trim() !== '';
    },
    error: (issue) => {
      const input = issue.input as { certNo?: unknown } | undefined;
      const check = checkIdCard(String(input?.certNo ?? ''));
      return check.ok ? '身份证号不正确' : check.message;
    },
  });
}

export const createReferralRequest = withCertNoCheck(
  z.object({
    type: z.literal('referral'),
    ...personFields,
    startDate: isoDate('开始日期'),
    details: referralDetails,
  }),
);
export type CreateReferralRequest = z.infer<typeof createReferralRequest>;

/**
 * Where a filing came from: the desk's form, a paper filing entered afterwards (补录, e.g. after a
 * downtime) or the old system's export (导入, the cut-over importer).
 */
export const FILING_ORIGINS = ['desk', 'back_entry', 'import'] as const;
export type FilingOrigin = (typeof FILING_ORIGINS)[number];

export const FILING_ORIGIN_LABELS: Record<FilingOrigin, string> = {
  desk: '窗口录入',
  back_entry: '补录',
  import: '导入',
};

/** What the origin reference is, per origin (the paper form's number; the old system's id). */
export const FILING_ORIGIN_REF_LABELS: Record<Exclude<FilingOrigin, 'desk'>, string> = {
  back_entry: '纸质单号',
  import: '原系统编号',
};

export const filingSummary = z.object({
  id: z.string(),
  localNo: z.string(),
  type: z.enum(FILING_TYPES),
  insuranceType: z.enum(INSURANCE_TYPES),
  certType: z.enum(CERT_TYPES),
  certNoMasked: z.string(),
  personName: z.string(),
  destinationRegion: z.string().nullable(),
  destinationLabel: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(FILING_STATUSES),
  uploadState: z.enum(UPLOAD_STATES),
  platformSerial: z.string().nullable(),
  /** Optional so code and fixtures that predate review (issue 5) still build these objects. */
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  // Optional, like reviewStatus, for objects built before origins existed; the repository always sets them.
  /** Where the filing came from (FILING_ORIGINS). */
  origin: z.enum(FILING_ORIGINS).optional(),
  /** The paper form's number (补录) or the old system's id (导入); null for a desk filing. */
  originRef: z.string().nullable().optional(),
  /** The filing date, a CST business date (YYYY-MM-DD): the day saved, or the original date of a 补录/导入. */
  filingDate: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type FilingSummary = z.infer<typeof filingSummary>;

export const filingDetail = filingSummary.extend({
  certNo: z.string(),
  details: z.record(z.string(), z.unknown()),
  /** The reviewer's reason when the filing was returned. */
  reviewNote: z.string().nullable().optional(),
  updatedAt: z.string(),
});
export type FilingDetail = z.infer<typeof filingDetail>;
