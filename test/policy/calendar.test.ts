// The working-day calendar: statutory holidays and make-up days from chinese-days' data, a local
// override table, and an explicit "uncovered year" instead of a silent weekday guess
// (policy-rules.md §5). The suite runs under America/Los_Angeles; every answer must be CST's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calendarOverrideSchema,
  calendarOverridesSchema,
  createWorkdayCalendar,
  HOLIDAY_LIBRARY,
  uncoveredYearsWarning,
  type CalendarOverride,
} from '../../shared/domain/calendar';

const calendar = createWorkdayCalendar();

// Illustrative 2027 rows for the override mechanism; NOT the real 2027 arrangement.
const test2027: CalendarOverride = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-01-09'],
  source: '测试数据（非真实的2027年安排）',
};

describe('calendar runs on calendar dates, not the machine zone (policy-rules.md §5)', () => {
  it('runs under a zone far from Shanghai [vitest.config.ts TZ]', () => {
    expect(new Date('2026-03-02T12:00:00Z').getTimezoneOffset()).not.toBe(-480);
  });

  it('reports Monday 2026-01-05 as a working day, although chinese-days 1.5.7 functions say rest day in this zone [policy-rules.md §5]', () => {
    expect(calendar.isWorkday('2026-01-05')).toEqual({ workday: true, covered: true });
  });

  it('names the installed holiday library version [policy-rules.md §5, node_modules/chinese-days/package.json]', () => {
    const pkg = JSON.parse(readFileSync('node_modules/chinese-days/package.json', 'utf8')) as { version: string };
    expect(HOLIDAY_LIBRARY).toBe(`chinese-days@${pkg.version}`);
  });
});

describe('2026 arrangement (国务院办公厅 2026 notice via chinese-days; policy-rules.md §5)', () => {
  it.each([
    ['2026-01-04', true, 'makeup_workday', '元旦'],
    ['2026-02-14', true, 'makeup_workday', '春节'],
    ['2026-02-28', true, 'makeup_workday', '春节'],
    ['2026-02-15', false, 'holiday', '春节'],
    ['2026-02-23', false, 'holiday', '春节'],
    ['2026-05-09', true, 'makeup_workday', '劳动节'],
    ['2026-09-20', true, 'makeup_workday', '国庆节'],
    ['2026-10-01', false, 'holiday', '国庆节'],
    ['2026-10-07', false, 'holiday', '国庆节'],
    ['2026-10-10', true, 'makeup_workday', '国庆节'],
    ['2026-03-07', false, 'weekend', null],
    ['2026-03-09', true, 'workday', null],
  ] as const)('%s is workday=%s (%s %s) [policy-rules.md §5; 2026 国务院办公厅通知]', (date, workday, kind, name) => {
    expect(calendar.dayDetail(date)).toEqual({ date, workday, covered: true, kind, name });
  });
});

describe('coverage comes from the library data and the override table (policy-rules.md §5)', () => {
  it('covers 2004–2026 from chinese-days 1.5.7 data, read from the data rather than hard-coded [policy-rules.md §5]', () => {
    const years = calendar.coveredYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(calendar.coverage(2026)).toEqual({ year: 2026, covered: true, by: 'library', source: HOLIDAY_LIBRARY });
  });

  it('reports 2027 as uncovered and answers it as a plain weekday [policy-rules.md §5 next year missing]', () => {
    expect(calendar.coverage(2027)).toEqual({ year: 2027, covered: false, by: null, source: null });
    expect(calendar.isWorkday('2027-01-01')).toEqual({ workday: true, covered: false });
  });

  it('names the uncovered year when a count crosses into 2027 [policy-rules.md §5]', () => {
    expect(calendar.addWorkdays('2026-12-30', 2)).toEqual({ date: '2027-01-01', uncoveredYears: [2027] });
    expect(calendar.workdaysBetween('2026-12-30', '2027-01-04')).toEqual({ count: 3, uncoveredYears: [2027] });
  });

  it('words the warning as the desk shows it [policy-rules.md §5 unknown-year state]', () => {
    expect(uncoveredYearsWarning([2027])).toBe('节假日数据未覆盖该年份（2027年），按普通工作日估算，请核对');
    expect(uncoveredYearsWarning([2028, 2027, 2028])).toBe('节假日数据未覆盖该年份（2027年、2028年），按普通工作日估算，请核对');
  });

  it('covers 2027 once an override row is supplied, and counts its holidays [policy-rules.md §5 override table]', () => {
    const withOverride = createWorkdayCalendar({ overrides: [test2027] });
    expect(withOverride.coverage(2027)).toEqual({ year: 2027, covered: true, by: 'override', source: test2027.source });
    expect(withOverride.isWorkday('2027-01-01')).toEqual({ workday: false, covered: true });
    expect(withOverride.isWorkday('2027-01-09')).toEqual({ workday: true, covered: true });
    expect(withOverride.addWorkdays('2026-12-30', 2)).toEqual({ date: '2027-01-04', uncoveredYears: [] });
  });

  it('lets an override row replace a covered year completely [policy-rules.md §5 mid-year changes, 2019 劳动节]', () => {
    const replaced = createWorkdayCalendar({ overrides: [{ year: 2026, holidays: [], workdays: [], source: '测试：整年替换' }] });
    expect(replaced.coverage(2026).by).toBe('override');
    expect(replaced.isWorkday('2026-10-01')).toEqual({ workday: true, covered: true });
    expect(replaced.isWorkday('2026-02-14')).toEqual({ workday: false, covered: true });
  });

  it('is empty by default: the shipped override table adds nothing [policy-rules.md §5]', () => {
    expect(createWorkdayCalendar().coveredYears()).toEqual(calendar.coveredYears());
  });
});

describe('override rows are checked before use, with Chinese messages for the admin screen', () => {
  it('rejects a date outside the row year, a day listed twice and a missing source [policy-rules.md §5 papers/provenance]', () => {
    const r = calendarOverrideSchema.safeParse({ year: 2027, holidays: ['2026-12-31', '2027-02-10'], workdays: ['2027-02-10'], source: ' ' });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '2027年的节假日数据中，2026-12-31 不属于该年份，请核对',
        '2027-02-10 重复出现（或同时是放假日和上班日），请核对',
        '请填写数据来源（如国务院办公厅通知的文号或网址）',
      ]),
    );
  });

  it('rejects an impossible date and two rows for one year [policy-rules.md §5]', () => {
    expect(calendarOverrideSchema.safeParse({ ...test2027, holidays: ['2027-02-30'] }).success).toBe(false);
    const twice = calendarOverridesSchema.safeParse([test2027, test2027]);
    expect(twice.success ? [] : twice.error.issues.map((i) => i.message)).toContain('2027年的节假日数据重复，请只保留一条');
  });

  it('refuses to build a calendar from a bad table [policy-rules.md §5]', () => {
    expect(() => createWorkdayCalendar({ overrides: [{ ...test2027, workdays: ['2028-01-01'] }] })).toThrow(/invalid override table/);
  });
});

describe('counting working days', () => {
  it('counts across National Day 2026 and its make-up Saturday [policy-rules.md §5]', () => {
    // 09-30 | 10-01…10-07 off | 10-08, 10-09, 10-10 (Sat, make-up) | 10-11 Sun | 10-12
    expect(calendar.addWorkdays('2026-09-29', 5)).toEqual({ date: '2026-10-12', uncoveredYears: [] });
    expect(calendar.workdaysBetween('2026-09-30', '2026-10-12')).toEqual({ count: 4, uncoveredYears: [] });
  });

  it('returns the date itself for zero working days and an empty span for the same day [policy-rules.md §5]', () => {
    expect(calendar.addWorkdays('2026-10-03', 0)).toEqual({ date: '2026-10-03', uncoveredYears: [] });
    expect(calendar.workdaysBetween('2026-10-03', '2026-10-03')).toEqual({ count: 0, uncoveredYears: [] });
  });

  it('rejects malformed input as a developer error [shared/domain/time.ts YYYY-MM-DD]', () => {
    expect(() => calendar.isWorkday('2026-2-14')).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2026-02-14', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2026-02-14', 1.5)).toThrow(RangeError);
    expect(() => calendar.workdaysBetween('2026-02-14', '2026-02-13')).toThrow(RangeError);
  });
});
