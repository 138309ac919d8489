// The channel map: the one declaration of what the renderer may ask of the main side.
// The dispatcher, the preload, the HTTP host, the renderer's client and docs/api.md derive from it.
import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { filingDetail, filingSummary, FILING_STATUSES, FILING_TYPES, QUEUE_STATUSES, UPLOAD_STATES } from '../domain/filing';
import { changeOverrideRequest, filingRequest } from '../domain/filing-request';
import { filingDraftSchema, filingEvaluationSchema, policyProfileIdSchema, POLICY_PROFILE_IDS } from '../domain/policy';
import { optionalText, password, regionCode, requiredText, username } from '../domain/fields';
import { SLIP_WIDTHS } from '../domain/print/slip';
import { PRINT_TEMPLATE_IDS } from '../domain/print/templates';

/** Who may call: nobody logged in needed, any logged-in operator, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  summary: string;
  request: Req;
  response: Res;
  access: Access;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(def: ChannelDef<Req, Res>) {
  return def;
}

const empty = z.object({}).strict();

export const operatorDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type OperatorDto = z.infer<typeof operatorDto>;

export const institutionDto = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
});
export type InstitutionDto = z.infer<typeof institutionDto>;

export const queueStatsDto = z.object({
  pending: z.number().int(),
  inFlight: z.number().int(),
  uncertain: z.number().int(),
  rejected: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
export type QueueStatsDto = z.infer<typeof queueStatsDto>;

export const queueEntryDto = z.object({
  id: z.string(),
  kind: z.string(),
  /** 备案上传 / 备案撤销 */
  kindLabel: z.string(),
  filingId: z.string().nullable(),
  filingLocalNo: z.string().nullable(),
  personName: z.string().nullable(),
  status: z.enum(QUEUE_STATUSES),
  attemptsStarted: z.number().int(),
  attemptsFinished: z.number().int(),
  /** When the entry is next tried or checked; null once it is finished. */
  nextAttemptAt: z.string().nullable(),
  /** The last problem, for the operator (the platform's message when it refused). */
  lastError: z.string().nullable(),
  /** The platform's filing serial, once known. */
  platformRef: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueueEntryDto = z.infer<typeof queueEntryDto>;

export const queueAttemptDto = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  msgid: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /** ok / rejected / not_sent / unknown / auth, local_* (decided without the platform), reconcile_* (a check), operator_* */
  outcome: z.string().nullable(),
  message: z.string().nullable(),
});
export type QueueAttemptDto = z.infer<typeof queueAttemptDto>;

export const MAINTENANCE_STATES = ['scheduled', 'open', 'ended', 'cancelled'] as const;

export const maintenanceWindowDto = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  state: z.enum(MAINTENANCE_STATES),
});
export type MaintenanceWindowDto = z.infer<typeof maintenanceWindowDto>;

export const PLATFORM_STATES = ['online', 'offline', 'maintenance', 'unknown'] as const;
export const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;

export const platformStatusDto = z.object({
  /** False when the desk runs without a platform (nothing is uploaded; the queue only fills). */
  configured: z.boolean(),
  state: z.enum(PLATFORM_STATES),
  breaker: z.enum(BREAKER_STATES),
  message: z.string().nullable(),
  window: maintenanceWindowDto.nullable(),
  nextWindow: maintenanceWindowDto.nullable(),
  /** The last time the platform answered the queue. */
  lastSuccessAt: z.string().nullable(),
  nextProbeAt: z.string().nullable(),
  concurrency: z.number().int(),
  counts: queueStatsDto,
});
export type PlatformStatusDto = z.infer<typeof platformStatusDto>;

export const PRINT_KINDS = ['a4', 'pdf', 'slip'] as const;
/** A rendered 备案表 is about 20,000 characters; the cap keeps Electron's data: URL under 2 MB. */
export const MAX_PRINT_HTML = 200_000;

const printTemplateId = z.enum(PRINT_TEMPLATE_IDS, { error: '请选择备案表样式（全国通用、合肥市或江西省）' });
const printerName = (label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(200, `${label}过长`)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const printSettingsDto = z.object({
  /** The A4 printer; null prints through the system's print dialog. */
  a4PrinterName: z.string().nullable(),
  /** The thermal slip printer; null is the system's default printer. */
  slipPrinterName: z.string().nullable(),
  slipWidth: z.enum(SLIP_WIDTHS),
  /** The template an administrator chose; null follows the institution's region. */
  defaultTemplate: z.enum(PRINT_TEMPLATE_IDS).nullable(),
  /** What a preview opens with: the chosen template, else the region's (defaultPrintTemplate). */
  effectiveTemplate: z.enum(PRINT_TEMPLATE_IDS),
});
export type PrintSettingsDto = z.infer<typeof printSettingsDto>;

export const printerDto = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
export type PrinterDto = z.infer<typeof printerDto>;

export const printOutcomeDto = z.object({
  /** False when the operator closed the system's print dialog: nothing was printed or audited. */
  printed: z.boolean(),
  /** True when this filing had been printed before (an earlier filing.print audit row). */
  reprint: z.boolean(),
});
export type PrintOutcomeDto = z.infer<typeof printOutcomeDto>;

const CST_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment typed by an operator: `YYYY-MM-DD HH:mm[:ss]` in China Standard Time, or an ISO instant
 * with its offset. Parsed to an ISO instant (UTC).
 */
function businessDateTimeInput(label: string) {
  return z.string({ error: `请填写${label}` }).transform((raw, ctx) => {
    const v = raw.trim();
    const m = CST_DATE_TIME.exec(v);
    if (m) {
      const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
      const at = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s));
      const back = new Date(at.getTime() + 8 * 3_600_000);
      if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60) return at.toISOString();
    } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) {
      return new Date(v).toISOString();
    }
    ctx.addIssue({ code: 'custom', message: `${label}格式不正确，请按 年-月-日 时:分 填写（北京时间，如 2021-11-30 18:00）` });
    return z.NEVER;
  });
}

const fixmedinsCode = z
  .string({ error: '请填写定点医疗机构编码' })
  .trim()
  .toUpperCase()
  .regex(/^H\d{11}$/, '定点医疗机构编码应为H加11位数字（如H34010100001），请核对');

export const policyProfileDto = z.object({
  id: z.enum(POLICY_PROFILE_IDS),
  label: z.string(),
  summary: z.string(),
  types: z.array(z.object({ type: z.enum(FILING_TYPES), label: z.string() })),
  reviewRequired: z.boolean(),
});
export type PolicyProfileDto = z.infer<typeof policyProfileDto>;

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
    summary: 'Filings, newest first, paged, optionally filtered.',
    request: z.object({
      query: optionalText('查询内容', 50),
      type: z.enum(FILING_TYPES).optional(),
      status: z.enum(FILING_STATUSES).optional(),
      uploadState: z.enum(UPLOAD_STATES).optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20),
    }),
    response: z.object({ total: z.number().int(), items: z.array(filingSummary) }),
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
    summary: 'Wake the queue now; with an entry id, a rejected entry (after the filing was fixed) goes back to pending.',
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
    request: z.object({ id: z.string().min(1), reason: requiredText('作废原因', 100) }),
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
      'Edit a filing before it is uploaded (its create entry still pending); re-evaluated, audited with before/after. Within the profile\'s change lock an override (reason + a second reviewer) is required.',
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
