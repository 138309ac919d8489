// Maintenance times are entered and shown in China Standard Time whatever the machine's zone. The
// pickers hold UTC-mode dayjs values whose fields ARE the Beijing wall clock: UTC mode has no
// daylight-saving gaps and never consults the machine's zone. What is sent is that wall clock as
// text (`2021-11-30 18:00`), which the contract reads as Beijing time (+08:00).
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { businessDateTime } from '../../../../shared/domain/time';

dayjs.extend(utc);

export const CST_MINUTE_FORMAT = 'YYYY-MM-DD HH:mm';

/** The Beijing wall clock of an instant, as a picker value. */
export function cstPickerValue(at: string | Date): Dayjs {
  return dayjs.utc(businessDateTime(typeof at === 'string' ? new Date(at) : at));
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
