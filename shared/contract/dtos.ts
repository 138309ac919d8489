// The DTOs the channel maps share (the core map in channels.ts and the area maps in areas/).
import { z } from 'zod';
import { ROLES } from './roles';
import { FILING_TYPES, QUEUE_STATUSES } from '../domain/filing';
import { POLICY_PROFILE_IDS } from '../domain/policy';
import { SLIP_WIDTHS } from '../domain/print/slip';
import { PRINT_TEMPLATE_IDS } from '../domain/print/templates';

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

export const printTemplateId = z.enum(PRINT_TEMPLATE_IDS, { error: '请选择备案表样式（全国通用、合肥市或江西省）' });
export const printerName = (label: string) =>
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

export const CST_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment typed by an operator: `YYYY-MM-DD HH:mm[:ss]` in China Standard Time, or an ISO instant
 * with its offset. Parsed to an ISO instant (UTC).
 */
export function businessDateTimeInput(label: string) {
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

export const fixmedinsCode = z
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
