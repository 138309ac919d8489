// Times and amounts on the queue screens. Every wall-clock time is China Standard Time, whatever
// the machine's zone (shared/domain/time.ts); ages and durations need no zone.
import { businessDateTime, businessParts } from '../../../../shared/domain/time';

/**
 * How long the oldest entry has waited, to the minute once it is an hour or more:
 * 不到1分钟 / 12分钟 / 3小时12分 / 3小时 / 2天5小时.
 */
export function formatWaited(sinceIso: string, now: Date): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return '';
  const minutes = Math.max(0, Math.floor((now.getTime() - since) / 60_000));
  if (minutes < 1) return '不到1分钟';
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}天${hours % 24}小时` : `${days}天`;
}

/** `12月12日 08:00` (CST); the year is added when it is not this year: `2027年1月3日 08:00`. */
export function formatMonthDayTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = businessParts(at);
  const year = p.year === businessParts(now).year ? '' : `${p.year}年`;
  return `${year}${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}

/** `2026-11-23 14:05:09` (CST), for attempt logs where seconds matter. */
export function formatSeconds(iso: string | null): string {
  if (!iso) return '—';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : businessDateTime(at);
}

/** `350毫秒` / `1.2秒` / `2分5秒`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '—';
  if (ms < 1_000) return `${Math.round(ms)}毫秒`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1).replace(/\.0$/, '')}秒`;
  const s = Math.round(ms / 1_000);
  return `${Math.floor(s / 60)}分${s % 60 ? `${s % 60}秒` : ''}`;
}

/** Throughput for the replay: `约 120 条/分钟`; under one a minute, `约 0.5 条/分钟`. */
export function formatRate(perMinute: number): string {
  const value = perMinute >= 10 ? Math.round(perMinute) : Math.round(perMinute * 10) / 10;
  return `约 ${value} 条/分钟`;
}
