// Chinese working days: a date is a working day if it is a make-up working day (调休上班), or a
// Monday–Friday that is not a holiday (policy-rules.md §5). Years that neither the library nor
// the override table covers are answered as plain weekdays AND reported as uncovered, so callers
// can warn (see warning.ts) instead of silently trusting a guess.
import { addDays, isIsoDate } from '../time';
import { HOLIDAY_LIBRARY, LIBRARY_TABLE, type HolidayTable } from './library-data';
import { calendarOverridesSchema, DEFAULT_CALENDAR_OVERRIDES, type CalendarOverride } from './overrides';

export interface YearCoverage {
  year: number;
  covered: boolean;
  /** which data answers for the year: an override row wins over the library */
  by: 'override' | 'library' | null;
  source: string | null;
}

export interface WorkdayCheck {
  workday: boolean;
  covered: boolean;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayDetail extends WorkdayCheck {
  date: string;
  kind: DayKind;
  /** the holiday's Chinese name for holidays and make-up days */
  name: string | null;
}

export interface WorkdayCalendar {
  coverage(year: number): YearCoverage;
  /** every covered year, ascending */
  coveredYears(): number[];
  isWorkday(date: string): WorkdayCheck;
  dayDetail(date: string): DayDetail;
  /** The n-th working day after `date` (n = 0: `date` itself). */
  addWorkdays(date: string, n: number): { date: string; uncoveredYears: number[] };
  /** Working days d with from < d <= to. */
  workdaysBetween(from: string, to: string): { count: number; uncoveredYears: number[] };
}

export interface WorkdayCalendarOptions {
  overrides?: readonly CalendarOverride[];
  /** for tests only: a different library table */
  library?: HolidayTable;
}

const MAX_SPAN_DAYS = 20 * 366;

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`calendar: not a YYYY-MM-DD date: ${date}`);
}

/** 0 = Sunday … 6 = Saturday, computed on the calendar date itself (no time zone involved). */
function weekday(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
}

interface YearData {
  holidays: ReadonlyMap<string, string> | ReadonlySet<string>;
  workdays: ReadonlyMap<string, string> | ReadonlySet<string>;
}

export function createWorkdayCalendar(options: WorkdayCalendarOptions = {}): WorkdayCalendar {
  const parsed = calendarOverridesSchema.safeParse(options.overrides ?? DEFAULT_CALENDAR_OVERRIDES);
  if (!parsed.success) {
    throw new Error(`calendar: invalid override table: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const library = options.library ?? LIBRARY_TABLE;
  const overrides = new Map(
    parsed.data.map((row) => [row.year, { holidays: new Set(row.holidays), workdays: new Set(row.workdays), source: row.source }]),
  );

  function coverage(year: number): YearCoverage {
    const override = overrides.get(year);
    if (override) return { year, covered: true, by: 'override', source: override.source };
    if (library.years.has(year)) return { year, covered: true, by: 'library', source: HOLIDAY_LIBRARY };
    return { year, covered: false, by: null, source: null };
  }

  function dataFor(year: number): YearData | null {
    return overrides.get(year) ?? (library.years.has(year) ? library : null);
  }

  function nameIn(list: YearData['holidays'], date: string): string | null {
    return list instanceof Map ? (list.get(date) ?? null) : null;
  }

  function dayDetail(date: string): DayDetail {
    assertDate(date);
    const data = dataFor(Number(date.slice(0, 4)));
    const covered = data !== null;
    const dow = weekday(date);
    const weekend = dow === 0 || dow === 6;
    if (data?.workdays.has(date)) {
      return { date, workday: true, covered, kind: 'makeup_workday', name: nameIn(data.workdays, date) };
    }
    if (data?.holidays.has(date)) {
      return { date, workday: false, covered, kind: 'holiday', name: nameIn(data.holidays, date) };
    }
    return { date, workday: !weekend, covered, kind: weekend ? 'weekend' : 'workday', name: null };
  }

  function isWorkday(date: string): WorkdayCheck {
    const { workday, covered } = dayDetail(date);
    return { workday, covered };
  }

  function addWorkdays(date: string, n: number): { date: string; uncoveredYears: number[] } {
    assertDate(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar: n must be a whole number >= 0, got ${n}`);
    const uncovered = new Set<number>();
    let current = date;
    let left = n;
    for (let steps = 0; left > 0; steps += 1) {
      if (steps > MAX_SPAN_DAYS) throw new RangeError(`calendar: no ${n} working days within ${MAX_SPAN_DAYS} days`);
      current = addDays(current, 1);
      const check = isWorkday(current);
      if (!check.covered) uncovered.add(Number(current.slice(0, 4)));
      if (check.workday) left -= 1;
    }
    return { date: current, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
  }

  function workdaysBetween(from: string, to: string): { count: number; uncoveredYears: number[] } {
    assertDate(from);
    assertDate(to);
    if (to < from) throw new RangeError(`calendar: ${to} is before ${from}`);
    const uncovered = new Set<number>();
    let count = 0;
    for (let current = addDays(from, 1), steps = 0; current <= to; current = addDays(current, 1), steps += 1) {
      if (steps > MAX_SPAN_DAYS) throw new RangeError(`calendar: span longer than ${MAX_SPAN_DAYS} days`);
      const check = isWorkday(current);
      if (!check.covered) uncovered.add(Number(current.slice(0, 4)));
      if (check.workday) count += 1;
    }
    return { count, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
  }

  function coveredYears(): number[] {
    return [...new Set([...library.years, ...overrides.keys()])].sort((a, b) => a - b);
  }

  return { coverage, coveredYears, isWorkday, dayDetail, addWorkdays, workdaysBetween };
}
