// The channel map: the one declaration of what the renderer may ask of the main side.
// The dispatcher, the preload, the HTTP host, the renderer's client and docs/api.md derive from it.
import { z } from 'zod';
import { ROLES } from './roles';
import { filingDetail, filingSummary, FILING_STATUSES, FILING_TYPES, QUEUE_STATUSES, UPLOAD_STATES } from '../domain/filing';
import { changeOverrideRequest, filingRequest } from '../domain/filing-request';
import { filingDraftSchema, filingEvaluationSchema, policyProfileIdSchema, POLICY_PROFILE_IDS } from '../domain/policy';
import { isoDate, optionalText, password, regionCode, requiredText, username } from '../domain/fields';
import { SLIP_WIDTHS } from '../domain/print/slip';
import { channel, empty } from './define';
import { operatorDto, institutionDto, queueStatsDto, queueEntryDto, queueAttemptDto, maintenanceWindowDto, platformStatusDto, PRINT_KINDS, MAX_PRINT_HTML, printTemplateId, printerName, printSettingsDto, printerDto, printOutcomeDto, businessDateTimeInput, fixmedinsCode, policyProfileDto } from './dtos';
import * as areas from './areas';
export * from './define';
export * from './dtos';

export const channels = {
  'app.info': channel({
    summary: 'What the desk is: version, whether set up, training or live mode.',
    request: empty,
    response: z.object({
      version: z.string(),
      initialized: z.boolean(),
      mode: z.enum(['training', 'live']),
      institution: institutionDto.nullable(),
    }),
    access: 'public',
  }),
  'setup.initialize': channel({
    summary: 'First run: record the designated institution and create the first admin account.',
    request: z.object({
      institutionCode: fixmedinsCode,
      institutionName: requiredText('医疗机构名称', 100),
      regionCode: regionCode('所在医保区划'),
      adminUsername: username,
      adminDisplayName: requiredText('管理员姓名', 50),
      adminPassword: password,
    }),
    response: z.object({ institution: institutionDto, admin: operatorDto }),
    access: 'public',
  }),
  'auth.login': channel({
    summary: 'Log in; the token identifies the session on later calls.',
    request: z.object({ username: requiredText('登录名', 32), password: z.string({ error: '请填写密码' }).min(1, '请填写密码') }),
    response: z.object({ token: z.string(), operator: operatorDto }),
    access: 'public',
  }),
  'auth.logout': channel({
    summary: 'End the current session.',
    request: empty,
    response: z.object({}),
    access: 'authenticated',
  }),
  'auth.me': channel({
    summary: 'The operator of the current session.',
    request: empty,
    response: operatorDto,
    access: 'authenticated',
  }),
  'operator.list': channel({
    summary: 'All operator accounts.',
    request: empty,
    response: z.array(operatorDto),
    access: ['admin'],
  }),
  'operator.create': channel({
    summary: 'Create an operator account with a role.',
    request: z.object({
      username,
      displayName: requiredText('姓名', 50),
      role: z.enum(ROLES, { error: '请选择角色' }),
      password,
    }),
    response: operatorDto,
    access: ['admin'],
  }),
  'filing.create': channel({
    summary:
      "Save a new filing of any type; the institution's policy profile is applied (errors refuse it) and it is stored, audited and queued for upload in one transaction — or held for 复核 where the profile requires review.",
    request: filingRequest,
    response: filingDetail,
    access: ['operator', 'admin'],
  }),
  'filing.get': channel({
    summary: 'One filing in full.',
    request: z.object({ id: z.string().min(1) }),
    response: filingDetail,
    access: 'authenticated',
  }),
  'filing.list': channel({
    summary:
      'Filings, newest first (by filing date), paged, optionally filtered. The query is classified (local number, ID number or platform serial, name, pinyin initials) and searched by one index; total is counted up to a cap (totalCapped: more exist).',
    request: z.object({
      query: optionalText('查询内容', 50),
      type: z.enum(FILING_TYPES).optional(),
      status: z.enum(FILING_STATUSES).optional(),
      uploadState: z.enum(UPLOAD_STATES).optional(),
      /** Filing date range, CST business dates, both ends included. */
      filedFrom: isoDate('备案日期（起）').optional(),
      filedTo: isoDate('备案日期（止）').optional(),
      /** The operator who saved the filing. */
      operatorId: z.string().min(1).max(64).optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20),
    }),
    response: z.object({ total: z.number().int(), totalCapped: z.boolean().optional(), items: z.array(filingSummary) }),
    access: 'authenticated',
  }),
  'queue.stats': channel({
    summary: 'Counts of the upload queue by status.',
    request: empty,
    response: queueStatsDto,
    access: 'authenticated',
  }),
  'queue.list': channel({
    summary: 'Upload-queue entries, newest first, paged, optionally by status.',
    request: z.object({
      status: z.enum(QUEUE_STATUSES).optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20),
    }),
    response: z.object({ total: z.number().int(), items: z.array(queueEntryDto) }),
    access: 'authenticated',
  }),
  'queue.attempts': channel({
    summary: "An entry's attempt log: every send and check, with msgid, times, outcome and the platform's message.",
    request: z.object({ entryId: z.string().min(1) }),
    response: z.array(queueAttemptDto),
    access: 'authenticated',
  }),
  'queue.retryNow': channel({
    summary: 'Wake the queue now; with an entry id, a rejected entry goes back to pending unchanged (a fixed filing is requeued by filing.update itself).',
    request: z.object({ entryId: z.string().min(1).optional() }),
    response: z.object({ requeued: z.number().int() }),
    access: ['operator', 'admin'],
  }),
  'queue.resolveUncertain': channel({
    summary: 'After checking the platform by hand: mark an uncertain entry done (with the serial) or send it again. Audited.',
    request: z.object({
      entryId: z.string().min(1),
      resolution: z.enum(['done', 'pending'], { error: '请选择核实结果' }),
      serial: optionalText('平台流水号', 30),
      reason: requiredText('核实说明', 200),
    }),
    response: queueEntryDto,
    access: ['reviewer', 'admin'],
  }),
  'maintenance.list': channel({
    summary: 'Platform maintenance windows, latest first (cancelled ones included).',
    request: empty,
    response: z.array(maintenanceWindowDto),
    access: 'authenticated',
  }),
  'maintenance.schedule': channel({
    summary: 'Schedule a maintenance window: the queue holds from start to end and replays after a successful probe.',
    request: z
      .object({ startsAt: businessDateTimeInput('开始时间'), endsAt: businessDateTimeInput('结束时间'), note: requiredText('维护说明', 200) })
      .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: '结束时间应晚于开始时间' }),
    response: maintenanceWindowDto,
    access: ['admin'],
  }),
  'maintenance.cancel': channel({
    summary: 'Cancel a maintenance window (kept, marked cancelled).',
    request: z.object({ id: z.string().min(1) }),
    response: maintenanceWindowDto,
    access: ['admin'],
  }),
  'platform.status': channel({
    summary: 'Connection to the platform: breaker, maintenance window, last success, queue counts.',
    request: empty,
    response: platformStatusDto,
    access: 'authenticated',
  }),
  'filing.void': channel({
    summary: 'Void a filing; if it reached the platform, a cancel is queued, otherwise its upload is withdrawn.',
    request: z.object({ id: z.string().min(1), reason: requiredText('作废原因', 100), override: changeOverrideRequest.optional() }),
    response: filingDetail,
    access: ['operator', 'admin'],
  }),
  'print.printers': channel({
    summary: "The machine's printers for the settings panel; available is false in browser mode (the browser's dialog chooses).",
    request: empty,
    response: z.object({ available: z.boolean(), printers: z.array(printerDto) }),
    access: 'authenticated',
  }),
  'print.settings.get': channel({
    summary: "This desk's print settings: A4 printer, slip printer and width, default template.",
    request: empty,
    response: printSettingsDto,
    access: 'authenticated',
  }),
  'print.settings.set': channel({
    summary: "Remember this desk's print settings (audited).",
    request: z.object({
      a4PrinterName: printerName('A4打印机名称'),
      slipPrinterName: printerName('小票打印机名称'),
      slipWidth: z.enum(SLIP_WIDTHS, { error: '请选择小票宽度（80mm 或 58mm）' }),
      defaultTemplate: printTemplateId.nullable(),
    }),
    response: printSettingsDto,
    access: ['admin'],
  }),
  'print.record': channel({
    summary: "Browser mode: report a print the renderer made with the browser's dialog; audited as filing.print (print or reprint).",
    request: z
      .object({
        filingId: z.string().min(1),
        kind: z.enum(PRINT_KINDS, { error: '请说明打印的是备案表、PDF还是小票' }),
        template: printTemplateId.optional(),
      })
      .refine((v) => v.kind === 'slip' || v.template !== undefined, { path: ['template'], error: '打印备案表时请选择备案表样式' }),
    response: printOutcomeDto,
    access: 'authenticated',
  }),
  'print.a4': channel({
    summary: 'Electron: print the rendered 备案表 on the A4 printer or export it as PDF (base64); audited. UNAVAILABLE in browser mode.',
    request: z.object({
      filingId: z.string().min(1),
      template: printTemplateId,
      html: z.string().min(1, '打印内容为空').max(MAX_PRINT_HTML, '打印内容过大，请缩短病情摘要等长文本后重试'),
      target: z.enum(['printer', 'pdf'], { error: '请选择打印或导出PDF' }),
    }),
    response: printOutcomeDto.extend({ pdfBase64: z.string().optional() }),
    access: 'authenticated',
  }),
  'print.slip': channel({
    summary: "Electron: print the filing's desk slip (built by the main side from the filing) on the slip printer; audited.",
    request: z.object({ filingId: z.string().min(1) }),
    response: printOutcomeDto,
    access: 'authenticated',
  }),
  'filing.evaluate': channel({
    summary: "Check a draft against the institution's policy profile: errors, warnings, the default end date, deadlines, 一次性告知, and overlaps with the person's active filings.",
    request: filingDraftSchema,
    response: filingEvaluationSchema,
    access: 'authenticated',
  }),
  'filing.update': channel({
    summary:
      'Edit a filing before it is uploaded (its create entry pending, or rejected: then requeued in the same transaction), or one kept at the desk (not_required, edited in place); re-evaluated, audited with before/after. Within the profile\'s change lock an override (reason + a second reviewer) is required.',
    request: z.object({ id: z.string().min(1), filing: filingRequest, override: changeOverrideRequest.optional() }),
    response: filingDetail,
    access: ['operator', 'admin'],
  }),
  'policy.profiles': channel({
    summary: 'The policy profiles a desk may use: id, name, the filing types each offers and whether it requires 复核.',
    request: empty,
    response: z.array(policyProfileDto),
    access: 'authenticated',
  }),
  'settings.policy.get': channel({
    summary: "The institution's policy profile (default national-2022 until an admin picks one).",
    request: empty,
    response: z.object({ profileId: z.enum(POLICY_PROFILE_IDS), profile: policyProfileDto }),
    access: 'authenticated',
  }),
  'settings.policy.set': channel({
    summary: "Choose the institution's policy profile (audited).",
    request: z.object({ profileId: policyProfileIdSchema }),
    response: z.object({ profileId: z.enum(POLICY_PROFILE_IDS), profile: policyProfileDto }),
    access: ['admin'],
  }),
  'review.list': channel({
    summary: 'Filings waiting for 复核 (or returned ones), newest first.',
    request: z.object({ status: z.enum(['pending_review', 'returned']).default('pending_review') }),
    response: z.array(filingSummary),
    access: ['reviewer', 'admin'],
  }),
  'review.approve': channel({
    summary: 'Approve a filing held for 复核: it is queued for upload in the same transaction. The approver must not be the filer. Audited.',
    request: z.object({ id: z.string().min(1) }),
    response: filingDetail,
    access: ['reviewer', 'admin'],
  }),
  'review.return': channel({
    summary: 'Return a filing held for 复核 to the operator with a reason (shown on the filing). Audited.',
    request: z.object({ id: z.string().min(1), reason: requiredText('退回原因', 200) }),
    response: filingDetail,
    access: ['reviewer', 'admin'],
  }),
  ...areas.lookupChannels,
  ...areas.adminChannels,
  ...areas.reportChannels,
  ...areas.cutoverChannels,
  ...areas.workflowChannels,
  ...areas.backupChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
