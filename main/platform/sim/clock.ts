// CST formatting for the simulator's hot path: Intl formatting is the largest single cost per request,
// and every stamp within one second is the same, so the last second's parts are reused.
import { businessParts, type BusinessClockParts } from '../../../shared/domain/time';

let cachedSecond = Number.NaN;
let cachedParts: BusinessClockParts | null = null;

function parts(at: Date): BusinessClockParts {
  const second = Math.floor(at.getTime() / 1000);
  if (second !== cachedSecond || !cachedParts) {
    cachedParts = businessParts(at);
    cachedSecond = second;
  }
  return cachedParts;
}

export function simDate(at: Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

export function simDateTime(at: Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function simStamp(at: Date): string {
  const p = parts(at);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}
