// Dates and times are entered and shown in China Standard Time whatever the machine's zone
// (CstPicker.tsx). Date-time pickers hold UTC-mode dayjs values whose fields ARE the Beijing wall
// clock: UTC mode has no daylight-saving gaps and never consults the machine's zone. What is sent
// is that wall clock as text (`2021-11-30 18:00`), which the contract reads as Beijing time
// (+08:00). Date pickers hold the business date (a date has no zone) and send its text.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { businessDate, businessDateTime } from '../../../shared/domain/time';

dayjs.extend(utc);

export const CST_DATE_FORMAT = 'YYYY-MM-DD';
export const CST_MINUTE_FORMAT = 'YYYY-MM-DD HH:mm';

/** The Beijing wall clock of an instant, as a picker value. */
export function cstPickerValue(at: string | Date): Dayjs {
  return dayjs.utc(businessDateTime(typeof at === 'string' ? new Date(at) : at));
}

/** Today in China as a date picker's value: the business date's midnight, in the machine's zone (a date has no zone; only its text is sent). */
export function cstToday(now: Date): Dayjs {
  return dayjs(businessDate(now));
}

/** A date picker's value as the contract's business date (`2026-11-23`). */
export function cstDateText(value: Dayjs): string {
  return value.format(CST_DATE_FORMAT);
}

/** What the operator picked, as the contract's Beijing-time text. */
export function cstText(value: Dayjs): string {
  return value.format(CST_MINUTE_FORMAT);
}

/** The instant a Beijing wall-clock text stands for (`2021-11-30 18:00` -> 2021-11-30T10:00:00.000Z). */
export function cstInstant(text: string): string {
  return new Date(`${text.trim().replace(' ', 'T')}:00+08:00`).toISOString();
}

/** A proposed window: from the next full hour (Beijing time) for two hours. */
export function defaultWindow(now: Date): { startsAt: Dayjs; endsAt: Dayjs } {
  const startsAt = cstPickerValue(now).add(1, 'hour').startOf('hour');
  return { startsAt, endsAt: startsAt.add(2, 'hour') };
}
