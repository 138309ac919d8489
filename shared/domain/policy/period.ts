// Validity periods on 'YYYY-MM-DD' strings (no time zone involved).
import { addYears, isIsoDate } from '../time';
import type { EndDateRule } from './types';

/** Same day `months` later; a day the month lacks falls back to its last day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`period: not a date: ${date}`);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  let day = Number(date.slice(8, 10));
  const mm = String(month).padStart(2, '0');
  while (!isIsoDate(`${year}-${mm}-${String(day).padStart(2, '0')}`)) day -= 1;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** The default end date: a date for fixed validity, null for open-ended or until-discharge. */
export function defaultEndDate(rule: EndDateRule, startDate: string): string | null {
  if (rule === 'open' || rule === 'until_discharge') return null;
  return 'years' in rule ? addYears(startDate, rule.years) : addMonths(startDate, rule.months);
}

export function describeEndDateRule(rule: EndDateRule): string {
  if (rule === 'open') return '长期有效（不设终止日期）';
  if (rule === 'until_discharge') return '终止日期留空，结算时以出院日期填写';
  return 'years' in rule ? `有效期${rule.years}年` : `有效期${rule.months}个月`;
}
