// Reports: counts by type, destination, status and operator; upload success and delay; Excel export.
// Spread into the channel map by channels.ts; handlers in main/app/areas/reports.ts.
import { z } from 'zod';
import { channel } from '../define';
import { cstDay, exportFileDto } from './admin';
import { FILING_STATUSES, FILING_TYPES, UPLOAD_STATES } from '../../domain/filing';

export const REPORT_GRANULARITIES = ['day', 'month'] as const;
export type ReportGranularity = (typeof REPORT_GRANULARITIES)[number];

/** Longest range a report covers: a day report over a quarter, a month report over three years. */
export const REPORT_MAX_DAYS: Record<ReportGranularity, number> = { day: 92, month: 1096 };

export const reportRequest = z
  .object({
    granularity: z.enum(REPORT_GRANULARITIES, { error: '请选择按日或按月统计' }),
    /** First and last business day (inclusive), China Standard Time; filings count on the day they were saved. */
    from: cstDay('开始日期'),
    to: cstDay('结束日期'),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], error: '结束日期不能早于开始日期' });
export type ReportRequest = z.output<typeof reportRequest>;

const count = z.number().int();

export const reportDto = z.object({
  granularity: z.enum(REPORT_GRANULARITIES),
  from: z.string(),
  to: z.string(),
  total: count,
  /** One row per day (YYYY-MM-DD) or month (YYYY-MM) of the range, empty periods included. */
  series: z.array(
    z.object({
      period: z.string(),
      total: count,
      types: z.array(z.object({ type: z.enum(FILING_TYPES), count })),
    }),
  ),
  byType: z.array(z.object({ type: z.enum(FILING_TYPES), label: z.string(), count })),
  /** By destination city (province for municipalities and province-level destinations); null code: not given. */
  byDestination: z.array(
    z.object({
      provinceCode: z.string().nullable(),
      provinceName: z.string(),
      cityCode: z.string().nullable(),
      cityName: z.string(),
      count,
    }),
  ),
  byStatus: z.array(z.object({ status: z.enum(FILING_STATUSES), label: z.string(), count })),
  byUploadState: z.array(z.object({ state: z.enum(UPLOAD_STATES), label: z.string(), count })),
  byOperator: z.array(z.object({ operatorId: z.string(), name: z.string(), count })),
  /**
   * The upload queue's filing uploads for the filings in the range: outcome counts, the success rate
   * (uploaded / (uploaded + rejected); null when none finished) and the delay from the filing being
   * saved to the platform accepting it, in seconds.
   */
  upload: z.object({
    entries: count,
    done: count,
    rejected: count,
    waiting: count,
    uncertain: count,
    cancelled: count,
    successRate: z.number().nullable(),
    delay: z.object({
      count,
      averageSeconds: z.number().nullable(),
      medianSeconds: z.number().nullable(),
      p90Seconds: z.number().nullable(),
      maxSeconds: z.number().nullable(),
    }),
  }),
});
export type ReportDto = z.infer<typeof reportDto>;

export const reportChannels = {
  'report.summary': channel({
    summary: 'Filings saved in a CST date range, by day or month: counts by type, destination, status and operator, upload success and delay.',
    request: reportRequest,
    response: reportDto,
    access: ['reviewer', 'admin'],
  }),
  'report.export': channel({
    summary: 'The same report as an Excel workbook with Chinese headers (base64), one sheet per breakdown.',
    request: reportRequest,
    response: exportFileDto,
    access: ['reviewer', 'admin'],
  }),
} as const;
