// Cut-over: platform profiles, back-entry (补录) of paper filings, import of the old system's export and its clean-up.
// Spread into the channel map by channels.ts; handlers in main/app/areas/cutover.ts.
import { z } from 'zod';
import { channel, empty } from '../define';
import { isoDate, optionalText } from '../../domain/fields';
import { FILING_TYPES, UPLOAD_STATES, FILING_STATUSES, filingDetail } from '../../domain/filing';
import { backEntryRequest, CLEANUP_RULES, IMPORT_FIELDS } from '../../domain/cutover';

// ---- platform profile ----

export const profileOptionDto = z.object({
  id: z.string(),
  label: z.string(),
  source: z.string(),
  /** 'none' | 'x-tif' | 'csb' */
  gateway: z.string(),
  /** e.g. 单一入口 /fsi/api/... or 按交易号路径 /ebus/.../{infno} */
  endpoint: z.string(),
  referralInfno: z.string(),
  infver: z.string(),
  outOfArea: z.boolean(),
  credentials: z.enum(['not_needed', 'available', 'missing', 'invalid']),
  /** Where available credentials come from, or what is wrong (never the secret itself). */
  credentialsNote: z.string().nullable(),
});

export const profileStateDto = z.object({
  /** False when the desk runs without a switchable platform (tests with a fixed client, no platform). */
  switchable: z.boolean(),
  training: z.boolean(),
  active: z
    .object({
      profileId: z.string(),
      label: z.string(),
      baseUrl: z.string(),
      source: z.enum(['setting', 'startup']),
    })
    .nullable(),
  startup: z.object({ profileId: z.string(), baseUrl: z.string() }).nullable(),
  profiles: z.array(profileOptionDto),
  /** Upload-queue entries by status: in flight and uncertain ones hold a switch. */
  queue: z.object({ pending: z.number(), inFlight: z.number(), uncertain: z.number(), rejected: z.number() }),
});
export type ProfileStateDto = z.infer<typeof profileStateDto>;

const baseUrlInput = optionalText('平台地址', 300).refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), '平台地址应以 http:// 或 https:// 开头，例如 http://10.1.2.3:8080');

const profileChoiceRequest = z.object({
  profileId: z.string({ error: '请选择接口配置' }).min(1, '请选择接口配置'),
  /** Empty: the address the desk was started with. */
  baseUrl: baseUrlInput,
});

export const profileTestDto = z.object({
  ok: z.boolean(),
  profileId: z.string(),
  baseUrl: z.string(),
  /** The platform outcome of the sign-in probe (ok, not_sent, unreachable, auth, …). */
  outcome: z.string(),
  message: z.string(),
  durationMs: z.number(),
  msgid: z.string().nullable(),
});
export type ProfileTestDto = z.infer<typeof profileTestDto>;

// ---- gateway credentials ----

export const credentialStatusDto = z.object({
  profileId: z.string(),
  label: z.string(),
  /** 'x-tif' | 'csb' */
  gateway: z.string(),
  /** Where the credentials in force come from, or what is wrong; never the secret itself. */
  source: z.enum(['store', 'file', 'env', 'missing', 'invalid']),
  message: z.string().nullable(),
  /** True when this desk can keep credentials encrypted by the system (Electron on a desk PC). */
  storeAvailable: z.boolean(),
  /** True when this computer holds an encrypted entry for the profile. */
  stored: z.boolean(),
});
export type CredentialStatusDto = z.infer<typeof credentialStatusDto>;

const secretText = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .max(500, `${label}过长（超过500个字符），请核对后重新填写`)
    .refine((v) => v.trim() === v, `${label}前后不能有空格，请核对后重新填写`);

const credentialsInput = z.discriminatedUnion(
  'scheme',
  [
    z.object({ scheme: z.literal('x-tif'), paasId: secretText('paasId'), secret: secretText('secret') }),
    z.object({ scheme: z.literal('csb'), accessKey: secretText('accessKey'), secretKey: secretText('secretKey') }),
  ],
  { error: '网关签名方式应为 x-tif 或 csb，请重新选择接口配置' },
);

const credentialProfile = z.object({ profileId: z.string({ error: '请选择接口配置' }).min(1, '请选择接口配置') });

// ---- back-entry ----

export const backEntryDto = z.object({
  filingId: z.string(),
  localNo: z.string(),
  personName: z.string(),
  type: z.enum(FILING_TYPES),
  status: z.enum(FILING_STATUSES),
  uploadState: z.enum(UPLOAD_STATES),
  platformSerial: z.string().nullable(),
  paperNo: z.string(),
  originalDate: z.string(),
  createdAt: z.string(),
});
export type BackEntryDto = z.infer<typeof backEntryDto>;

// ---- import ----

/** The largest export file accepted in one request (browser mode sends it base64 in a 1 MB body). */
export const MAX_IMPORT_BYTES = 700 * 1024;
export const IMPORT_TOO_LARGE = '文件过大（超过700 KB）：请在原系统中按年份或科室分批导出后逐个导入';

const importFile = {
  fileName: z
    .string({ error: '请选择要导入的文件' })
    .trim()
    .min(1, '请选择要导入的文件')
    .max(200, '文件名过长，请改短后重试')
    .refine((v) => /\.(csv|xlsx)$/i.test(v), '只支持 .csv 和 .xlsx 文件：请在原系统中导出为 CSV 或 Excel（xlsx）格式'),
  contentBase64: z
    .string({ error: '文件内容缺失，请重新选择文件' })
    .min(1, '文件是空的，请重新导出')
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, IMPORT_TOO_LARGE)
    .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v), '文件内容编码不正确，请重新选择文件'),
};

export const columnMappingDto = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).nullable()])) as Record<(typeof IMPORT_FIELDS)[number], z.ZodNullable<z.ZodNumber>>);

export const rowErrorDto = z.object({ rowNumber: z.number(), field: z.enum(IMPORT_FIELDS).nullable(), message: z.string() });
export type RowErrorDto = z.infer<typeof rowErrorDto>;

export const importRecordDto = z.object({
  rowNumber: z.number(),
  oldId: z.string(),
  personName: z.string(),
  certNoMasked: z.string(),
  filingType: z.enum(FILING_TYPES),
  filingDate: z.string(),
  endDate: z.string().nullable(),
  destinationRegion: z.string().nullable(),
  settled: z.boolean(),
  uploaded: z.boolean(),
  specialPopulation: z.string().nullable(),
});

export const importPreviewDto = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** The text encoding detected for a CSV file (GB18030/GBK or UTF-8); null for XLSX. */
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  /** The mapping used: the request's, else the one suggested from the headers. */
  mapping: columnMappingDto,
  suggested: columnMappingDto,
  /** Problems with the mapping itself (required fields unmapped, a column chosen twice). */
  mappingProblems: z.array(z.string()),
  rowCount: z.number(),
  validCount: z.number(),
  /** The first rows as they would be imported. */
  sample: z.array(importRecordDto),
  errors: z.array(rowErrorDto),
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;

export const importBatchDto = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  rowCount: z.number(),
  importedCount: z.number(),
  errors: z.array(rowErrorDto),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ImportBatchDto = z.infer<typeof importBatchDto>;

// ---- clean-up ----

export const cleanupItemDto = z.object({
  filingId: z.string(),
  oldId: z.string(),
  personName: z.string(),
  certNoMasked: z.string(),
  filingType: z.enum(FILING_TYPES),
  filingDate: z.string(),
  action: z.enum(['invalidate', 'keep']),
  rule: z.enum(CLEANUP_RULES),
  reason: z.string(),
  flagged: z.boolean(),
  specialPopulation: z.string().nullable(),
  keptOldId: z.string().nullable(),
  applied: z.boolean(),
});
export type CleanupItemDto = z.infer<typeof cleanupItemDto>;

export const cleanupSummaryDto = z.object({
  total: z.number(),
  invalidate: z.number(),
  keep: z.number(),
  flagged: z.number(),
  byRule: z.record(z.string(), z.number()),
});

export const cleanupReportDto = z.object({
  id: z.string(),
  status: z.enum(['draft', 'applied', 'undone']),
  cutoff: z.string(),
  asOf: z.string(),
  homeRegion: z.string(),
  summary: cleanupSummaryDto,
  createdBy: z.string(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  appliedCount: z.number(),
  includeFlagged: z.boolean().nullable(),
  undoneAt: z.string().nullable(),
  items: z.array(cleanupItemDto),
});
export type CleanupReportDto = z.infer<typeof cleanupReportDto>;

const reportId = z.object({ id: z.string({ error: '请选择清理报告' }).min(1, '请选择清理报告') });

export const cutoverChannels = {
  'cutover.profile.get': channel({
    summary: 'The platform profile in force (setting or start-up), the profiles available with their credential status, and the queue counts that hold a switch.',
    request: empty,
    response: profileStateDto,
    access: ['admin'],
  }),
  'cutover.profile.test': channel({
    summary: 'Dry-run connection test: a sign-in probe against a candidate profile and address, without switching.',
    request: profileChoiceRequest,
    response: profileTestDto,
    access: ['admin'],
  }),
  'cutover.profile.switch': channel({
    summary:
      'Switch the platform profile and address. Refused while uploads are in flight or uncertain under the current profile; pending uploads move to the new profile only when movePending is confirmed. Audited.',
    request: profileChoiceRequest.extend({ movePending: z.boolean().default(false) }),
    response: profileStateDto,
    access: ['admin'],
  }),
  'cutover.credentials.status': channel({
    summary: 'Per profile that needs gateway credentials: where the credentials in force come from (store, file, env) or what is missing or wrong, and whether this desk can store them encrypted. Never returns a secret.',
    request: empty,
    response: z.array(credentialStatusDto),
    access: ['admin'],
  }),
  'cutover.credentials.set': channel({
    summary:
      "Keep a profile's gateway credentials on this computer, encrypted by the system (Electron safeStorage). Refused in browser mode and when encryption is unavailable. Audited without the secret values.",
    request: credentialProfile.extend({ credentials: credentialsInput }),
    response: z.array(credentialStatusDto),
    access: ['admin'],
  }),
  'cutover.credentials.clear': channel({
    summary: "Remove a profile's credentials stored on this computer; the credentials file or environment then applies. Audited.",
    request: credentialProfile,
    response: z.array(credentialStatusDto),
    access: ['admin'],
  }),
  'cutover.backEntry.create': channel({
    summary: 'Back-entry (补录) of a filing issued on paper during downtime: paper number and original date kept; queued in paper order.',
    request: backEntryRequest,
    response: z.object({ filing: filingDetail, paperNo: z.string(), originalDate: z.string() }),
    access: ['operator', 'admin'],
  }),
  'cutover.backEntry.list': channel({
    summary: 'Back-entered filings with their paper number, original date and upload state, newest paper first.',
    request: empty,
    response: z.array(backEntryDto),
    access: 'authenticated',
  }),
  'cutover.import.preview': channel({
    summary: "Read an old system's export (CSV in GBK or UTF-8, or XLSX): headers, suggested column mapping, sample rows and every bad row; nothing is stored.",
    request: z.object({ ...importFile, mapping: columnMappingDto.optional() }),
    response: importPreviewDto,
    access: ['admin'],
  }),
  'cutover.import.commit': channel({
    summary: "Import the valid rows of an old system's export as filings of origin 'import' (never uploaded); bad rows are kept in the batch with their reasons.",
    request: z.object({ ...importFile, mapping: columnMappingDto }),
    response: importBatchDto,
    access: ['admin'],
  }),
  'cutover.import.batches': channel({
    summary: 'Import batches, newest first.',
    request: empty,
    response: z.array(importBatchDto),
    access: ['admin'],
  }),
  'cutover.cleanup.plan': channel({
    summary: 'Dry run of the seed 001 clean-up rules over the imported filings: a stored report of what would be invalidated or kept; nothing changes.',
    request: z.object({ asOf: isoDate('判断有效期的日期').optional() }),
    response: cleanupReportDto,
    access: ['admin'],
  }),
  'cutover.cleanup.get': channel({
    summary: 'One clean-up report with its decisions.',
    request: reportId,
    response: cleanupReportDto,
    access: ['admin'],
  }),
  'cutover.cleanup.list': channel({
    summary: 'Clean-up reports, newest first (without their decisions).',
    request: empty,
    response: z.array(cleanupReportDto.omit({ items: true })),
    access: ['admin'],
  }),
  'cutover.cleanup.apply': channel({
    summary: 'Apply a draft report: void the filings it invalidates (flagged special-population items only with includeFlagged), each audited.',
    request: reportId.extend({ includeFlagged: z.boolean().default(false) }),
    response: cleanupReportDto,
    access: ['admin'],
  }),
  'cutover.cleanup.undo': channel({
    summary: 'Undo an applied report: every filing it voided is active again, each audited.',
    request: reportId,
    response: cleanupReportDto,
    access: ['admin'],
  }),
} as const;
