// The statutory-holiday table of chinese-days (policy-rules.md §5: holidays + 调休 make-up days).
// We read the package's data and do NOT call its functions: they parse 'YYYY-MM-DD' as UTC
// midnight and then take the start of the *local* day and format in local time, so west of UTC
// every answer is for the previous day (under America/Los_Angeles, chinese-days 1.5.7 reports
// Monday 2026-01-05 as a rest day). Dates here stay plain 'YYYY-MM-DD' strings.
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** Keep in step with package.json; test/policy/calendar.test.ts fails when they drift. */
export const HOLIDAY_LIBRARY = 'chinese-days@1.5.7';

export interface HolidayTable {
  /** date -> Chinese holiday name (春节, 国庆节 …) */
  holidays: ReadonlyMap<string, string>;
  /** make-up working days (调休上班) -> the holiday they belong to */
  workdays: ReadonlyMap<string, string>;
  /** years the table covers, read from the data itself (not a hard-coded last year) */
  years: ReadonlySet<number>;
}

// Values look like "Spring Festival,春节,4": English name, Chinese name, length.
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

function toMap(source: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(source).map(([date, value]) => [date, chineseName(value)]));
}

const raw = table as { holidays: Record<string, string>; workdays: Record<string, string> };

export const LIBRARY_TABLE: HolidayTable = {
  holidays: toMap(raw.holidays),
  workdays: toMap(raw.workdays),
  years: new Set([...Object.keys(raw.holidays), ...Object.keys(raw.workdays)].map((d) => Number(d.slice(0, 4)))),
};
