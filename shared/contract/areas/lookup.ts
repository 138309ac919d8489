// Person lookup (1101), the destination-institution list (1201) and the diagnosis catalogue, cached locally.
// Spread into the channel map by channels.ts; handlers in main/app/areas/lookup.ts.
import { z } from 'zod';
import { channel, empty } from '../define';
import { CERT_TYPES, INSURANCE_TYPES } from '../../domain/insurance';
import { requiredText } from '../../domain/fields';

/** The DeskError code person.lookup answers with when the platform cannot be asked now. */
export const PLATFORM_UNAVAILABLE = 'PLATFORM_UNAVAILABLE';
export const PLATFORM_UNAVAILABLE_MESSAGE = '医保平台暂不可用，请手工录入参保人信息，平台恢复后将自动核验';

export const personInsuranceDto = z.object({
  /** The desk's insurance type; null for a 险种 the desk does not file for (shown, not selectable). */
  insuranceType: z.enum(INSURANCE_TYPES).nullable(),
  /** National insutype code, e.g. 310. */
  insuranceTypeCode: z.string(),
  /** 参保地医保区划 (6 digits). */
  insuredRegion: z.string(),
  /** psn_insu_stas: '1' normal; null when the platform gave none. */
  status: z.string().nullable(),
  /** e.g. 正常参保 / 暂停参保 */
  statusLabel: z.string(),
  /** e.g. 职工基本医疗保险 */
  label: z.string(),
});
export type PersonInsuranceDto = z.infer<typeof personInsuranceDto>;

export const personDto = z.object({
  /** 人员编号 (psn_no): the filing's personNo. */
  personNo: z.string(),
  name: z.string(),
  certNo: z.string(),
  sex: z.enum(['male', 'female', 'unknown']),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  insurances: z.array(personInsuranceDto),
});
export type PersonDto = z.infer<typeof personDto>;

export const institutionHitDto = z.object({
  code: z.string(),
  name: z.string(),
  /** 6-digit region derived from the code; null when the code does not carry one. */
  regionCode: z.string().nullable(),
  /** 医院等级 code as the platform gave it, or null. */
  level: z.string().nullable(),
});
export type InstitutionHitDto = z.infer<typeof institutionHitDto>;

export const institutionSearchDto = z.object({
  items: z.array(institutionHitDto),
  /** platform = asked 1201 just now (and cached); cache = answered from the local cache only. */
  source: z.enum(['platform', 'cache']),
  /** Chinese note when the platform could not be asked (the list may be incomplete). */
  warning: z.string().nullable(),
});

export const diagnosisHitDto = z.object({ code: z.string(), name: z.string() });
export type DiagnosisHitDto = z.infer<typeof diagnosisHitDto>;

export const catalogueStatusDto = z.object({
  diagnoses: z.object({ count: z.number().int(), refreshedAt: z.string().nullable() }),
  institutions: z.object({ count: z.number().int(), refreshedAt: z.string().nullable() }),
});
export type CatalogueStatusDto = z.infer<typeof catalogueStatusDto>;

export const VERIFICATION_STATES = ['not_needed', 'pending', 'verified', 'mismatch', 'not_found'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const verificationMismatchDto = z.object({
  /** name / sex / birthDate / certNo / insuredRegion / insuranceType / personNo */
  field: z.string(),
  /** 姓名 / 性别 / ... */
  label: z.string(),
  entered: z.string().nullable(),
  platform: z.string().nullable(),
});

export const personVerificationDto = z.object({
  filingId: z.string(),
  state: z.enum(VERIFICATION_STATES),
  /** 已核验 / 信息不一致 / 平台查无此人 / 待核验（平台恢复后自动核验）/ 无需核验（已通过平台查询录入） */
  stateLabel: z.string(),
  mismatches: z.array(verificationMismatchDto),
  checkedAt: z.string().nullable(),
  /** The last failed attempt's reason while pending, for the operator. */
  lastError: z.string().nullable(),
});
export type PersonVerificationDto = z.infer<typeof personVerificationDto>;

const limit = (max: number) => z.number({ error: '条数应为数字' }).int().min(1, '条数至少为1').max(max, `条数不能超过${max}`).optional();

export const lookupChannels = {
  'person.lookup': channel({
    summary:
      "Look a person up on the platform (1101) by ID card, social-security card or e-voucher; every insurance row is returned. When the platform cannot be asked the error code is PLATFORM_UNAVAILABLE: enter the person by hand, it is verified once the platform is back.",
    request: z
      .object({
        certType: z.enum(CERT_TYPES, { error: '请选择证件类型（身份证、社保卡或医保电子凭证）' }),
        number: requiredText('证件号码', 64),
        /** Card serial (卡识别码), needed by some provinces for social-security cards. */
        cardSerial: z.string().trim().max(64, '卡识别码不能超过64位').optional(),
      })
      .superRefine((v, ctx) => {
        // The GB 11643 check runs in the service too; here only the shape, so the message names the field.
        if (v.certType === 'id_card' && !/^\d{17}[\dXx]$/.test(v.number)) {
          ctx.addIssue({ code: 'custom', path: ['number'], message: '身份证号应为18位数字（最后一位可为X），请核对' });
        }
      }),
    response: personDto,
    access: 'authenticated',
  }),
  'person.verification': channel({
    summary:
      'The platform check of a filing whose person was entered by hand: pending, verified, mismatch (with the differing fields) or not found.',
    request: z.object({ filingId: requiredText('备案编号', 64) }),
    response: personVerificationDto,
    access: 'authenticated',
  }),
  'institution.search': channel({
    summary:
      'Search destination institutions by code, name or pinyin initials; asks the platform (1201) when online and caches what it returned, answers from the cache when offline.',
    request: z.object({
      query: z.string({ error: '请输入医疗机构名称、编码或拼音首字母' }).trim().max(100, '查询内容不能超过100个字'),
      regionCode: z
        .string()
        .trim()
        .refine((v) => /^\d{2,6}$/.test(v), '区划代码应为2至6位数字，请从列表中选择')
        .optional(),
      limit: limit(200),
    }),
    response: institutionSearchDto,
    access: 'authenticated',
  }),
  'diagnosis.search': channel({
    summary: 'Search the locally stored diagnosis catalogue by code prefix, name substring or pinyin initials.',
    request: z.object({
      query: z.string({ error: '请输入诊断编码、名称或拼音首字母' }).trim().max(100, '查询内容不能超过100个字'),
      limit: limit(200),
    }),
    response: z.array(diagnosisHitDto),
    access: 'authenticated',
  }),
  'catalogue.status': channel({
    summary: 'How many diagnoses and institutions are stored locally and when each was last refreshed from the platform.',
    request: empty,
    response: catalogueStatusDto,
    access: 'authenticated',
  }),
  'catalogue.refresh': channel({
    summary: 'Download the diagnosis catalogue and the institution list from the platform again (admin).',
    request: empty,
    response: catalogueStatusDto,
    access: ['admin'],
  }),
} as const;
