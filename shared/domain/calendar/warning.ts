// The one wording for "this year's holidays are unknown" (policy-rules.md §5: an offline desk needs
// an "unknown year" state, not a silent weekday fallback).
export const CALENDAR_COVERAGE_SOURCE = 'policy-rules.md §5（节假日数据缺年份时不得静默按普通工作日处理）';

export function uncoveredYearsWarning(years: readonly number[]): string {
  const list = [...new Set(years)].sort((a, b) => a - b).map((y) => `${y}年`).join('、');
  return `节假日数据未覆盖该年份（${list}），按普通工作日估算，请核对`;
}
