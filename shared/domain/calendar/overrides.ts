// The local override table: a year's arrangement typed in from the 国务院办公厅 notice when the
// holiday library has not caught up yet (the next year, announced Oct–Dec) or got a year wrong
// (the 2019 劳动节 change; data errors in other tables) — policy-rules.md §5.
// One row is the COMPLETE arrangement of its year and replaces the library's data for that year.
import { z } from 'zod';
import { isIsoDate } from '../time';

export interface CalendarOverride {
  year: number;
  /** rest days (放假), including weekend days inside a holiday */
  holidays: readonly string[];
  /** make-up working days (调休上班), usually weekend days */
  workdays: readonly string[];
  /** where the dates come from, e.g. the notice's number and address */
  source: string;
}

/** Empty by default; the desk's settings store supplies rows. */
export const DEFAULT_CALENDAR_OVERRIDES: readonly CalendarOverride[] = [];

const dateList = (label: string) =>
  z.array(z.string({ error: `${label}应为 年-月-日 格式的日期` }), { error: `请填写${label}` });

export const calendarOverrideSchema = z
  .object({
    year: z.number({ error: '请填写年份' }).int('年份应为整数').min(2004, '年份不能早于2004年').max(2100, '年份不能晚于2100年'),
    holidays: dateList('放假日期'),
    workdays: dateList('调休上班日期'),
    source: z.string({ error: '请填写数据来源（如国务院办公厅通知的文号或网址）' }).trim().min(1, '请填写数据来源（如国务院办公厅通知的文号或网址）'),
  })
  .superRefine((row, ctx) => {
    const seen = new Set<string>();
    for (const [key, label] of [['holidays', '放假日期'], ['workdays', '调休上班日期']] as const) {
      row[key].forEach((date, index) => {
        if (!isIsoDate(date)) {
          ctx.addIssue({ code: 'custom', path: [key, index], message: `${label}“${date}”不是有效日期，请按 年-月-日 填写` });
        } else if (Number(date.slice(0, 4)) !== row.year) {
          ctx.addIssue({ code: 'custom', path: [key, index], message: `${row.year}年的节假日数据中，${date} 不属于该年份，请核对` });
        } else if (seen.has(date)) {
          ctx.addIssue({ code: 'custom', path: [key, index], message: `${date} 重复出现（或同时是放假日和上班日），请核对` });
        }
        seen.add(date);
      });
    }
  });

export const calendarOverridesSchema = z.array(calendarOverrideSchema).superRefine((rows, ctx) => {
  const years = new Set<number>();
  rows.forEach((row, index) => {
    if (years.has(row.year)) {
      ctx.addIssue({ code: 'custom', path: [index, 'year'], message: `${row.year}年的节假日数据重复，请只保留一条` });
    }
    years.add(row.year);
  });
});
