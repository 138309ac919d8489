// Formatting for paper: dates as 年月日 in China Standard Time, masked names for slips.
import { businessDate, businessDateTime, isIsoDate } from '../time';

/** `2026-11-23` → `2026年11月23日`; anything that is not a calendar date is returned as is. */
export function paperDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  return `${isoDate.slice(0, 4)}年${isoDate.slice(5, 7)}月${isoDate.slice(8, 10)}日`;
}

/** A timestamp (ISO string) as its CST business date on paper; unparseable text is returned as is. */
export function paperDateOfTimestamp(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : paperDate(businessDate(at));
}

/**
 * A date the desk stored in `details`: `YYYY-MM-DD` is a calendar date; a full timestamp is read
 * in CST; anything else is printed as the operator typed it.
 */
export function paperDateLoose(value: string): string {
  if (value === '') return '';
  if (isIsoDate(value)) return paperDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return paperDateOfTimestamp(value);
  return value;
}

/** `YYYY-MM-DD HH:mm` in CST. */
export function paperMinute(at: Date): string {
  return businessDateTime(at).slice(0, 16);
}

/**
 * Masks a person's name for slips: 张三丰 → 张*丰, 李四 → 李*, 欧阳娜娜 → 欧**娜.
 * Works on code points, so a name with a supplementary-plane character (𠮷) keeps whole characters.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
