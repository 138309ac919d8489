// Business dates and times are China Standard Time whatever the machine's zone (the desks and
// the platform run on CST; these build machines run on UTC). Everything that stamps a filing date,
// a msgid or an inf_time goes through here.
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface BusinessClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function businessParts(at: Date): BusinessClockParts {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(at)) out[p.type] = p.value;
  return {
    year: out.year ?? '',
    month: out.month ?? '',
    day: out.day ?? '',
    hour: out.hour ?? '',
    minute: out.minute ?? '',
    second: out.second ?? '',
  };
}

/** `YYYY-MM-DD` in China Standard Time. */
export function businessDate(at: Date): string {
  const p = businessParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DD HH:mm:ss` in China Standard Time (the platform's inf_time format). */
export function businessDateTime(at: Date): string {
  const p = businessParts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `yyyyMMddHHmmss` in China Standard Time (the msgid's time part). */
export function businessStamp(at: Date): string {
  const p = businessParts(at);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (no zone involved). */
export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const dt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return dt.toISOString().slice(0, 10);
}

/** Same day `years` later; 29 Feb falls back to 28 Feb. */
export function addYears(date: string, years: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const y = Number(m[1]) + years;
  const mo = Number(m[2]);
  let d = Number(m[3]);
  while (!isIsoDate(`${y}-${m[2]}-${String(d).padStart(2, '0')}`)) d -= 1;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
