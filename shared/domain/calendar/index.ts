export { createWorkdayCalendar } from './workday-calendar';
export type { DayDetail, DayKind, WorkdayCalendar, WorkdayCalendarOptions, WorkdayCheck, YearCoverage } from './workday-calendar';
export { calendarOverrideSchema, calendarOverridesSchema, DEFAULT_CALENDAR_OVERRIDES } from './overrides';
export type { CalendarOverride } from './overrides';
export { HOLIDAY_LIBRARY } from './library-data';
export { CALENDAR_COVERAGE_SOURCE, uncoveredYearsWarning } from './warning';
