// Times shown to operators are China Standard Time whatever the machine's zone (shared/domain/time.ts).
import { businessDateTime } from '../../../shared/domain/time';

/** `2026-11-23 14:05` in CST; the raw text when it is not a timestamp. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : businessDateTime(at).slice(0, 16);
}

/** How long ago, coarse, for the queue status: 不到1分钟 / 12分钟 / 3小时 / 2天. */
export function formatAge(sinceIso: string, now: Date): string {
  const since = new Date(sinceIso).getTime();
  if (Number.isNaN(since)) return '';
  const minutes = Math.max(0, Math.floor((now.getTime() - since) / 60_000));
  if (minutes < 1) return '不到1分钟';
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时`;
  return `${Math.floor(hours / 24)}天`;
}
