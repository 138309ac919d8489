// The upload queue in the operator's words: entry statuses (shared/domain/filing.ts), platform
// connection states, attempt outcomes, and which entries are uploads (the kinds main/sync/kinds.ts names).
import type { PlatformStatusDto, QueueAttemptDto, QueueEntryDto } from '../../../../shared/contract';
import { QUEUE_STATUS_LABELS, QUEUE_STATUSES, type QueueStatus } from '../../../../shared/domain/filing';
import { attemptOutcomeWords } from '../../../../shared/domain/queue-labels';

export const QUEUE_STATUS_COLORS: Record<QueueStatus, string> = {
  pending: 'gold',
  in_flight: 'processing',
  uncertain: 'orange',
  done: 'success',
  rejected: 'error',
  cancelled: 'default',
};

export type QueueFilter = QueueStatus | 'all';

/** The queue screen's filter, in the order an operator works through the statuses. */
export const QUEUE_FILTERS: readonly QueueFilter[] = ['all', ...QUEUE_STATUSES];

export function queueFilterLabel(filter: QueueFilter): string {
  return filter === 'all' ? '全部' : QUEUE_STATUS_LABELS[filter];
}

/** The count of a status in queue.stats (which names in_flight `inFlight`). */
export function countOf(stats: { pending: number; inFlight: number; uncertain: number; done: number; rejected: number; cancelled: number }, status: QueueStatus): number {
  return status === 'in_flight' ? stats.inFlight : stats[status];
}

/** The outbox kind of an upload (备案上传); the other kind is filing.cancel (备案撤销). */
export const UPLOAD_KIND = 'filing.create';

/** An upload the platform has (found by reconciliation) but whose serial it did not return: 流水号待补. */
export function serialMissing(entry: Pick<QueueEntryDto, 'kind' | 'status' | 'platformRef'>): boolean {
  return entry.kind === UPLOAD_KIND && entry.status === 'done' && entry.platformRef === null;
}

export type PlatformState = PlatformStatusDto['state'];

export const PLATFORM_STATE_LABELS: Record<PlatformState, string> = {
  online: '平台在线',
  offline: '平台离线',
  maintenance: '维护中',
  unknown: '正在连接平台',
};

export const PLATFORM_STATE_COLORS: Record<PlatformState, string> = {
  online: 'success',
  offline: 'error',
  maintenance: 'warning',
  unknown: 'default',
};

/** The state's label; a desk without a platform says so instead of "connecting". */
export function platformStateLabel(state: PlatformState, configured: boolean): string {
  return configured ? PLATFORM_STATE_LABELS[state] : '未配置医保平台';
}

/** What an attempt row's outcome means (shared/domain/queue-labels.ts); null is a request still on its way. */
export function outcomeLabel(outcome: QueueAttemptDto['outcome']): string {
  return attemptOutcomeWords(outcome).tag;
}

export function outcomeColor(outcome: QueueAttemptDto['outcome']): string {
  if (outcome === null) return 'processing';
  if (outcome === 'ok' || outcome === 'reconcile_found' || outcome === 'operator_done' || outcome === 'local_done') return 'success';
  if (outcome === 'rejected' || outcome === 'local_rejected') return 'error';
  if (outcome === 'unknown' || (outcome.startsWith('reconcile_') && outcome !== 'reconcile_absent')) return 'orange';
  if (outcome === 'not_sent' || outcome === 'auth') return 'gold';
  return 'default';
}

export { QUEUE_STATUS_LABELS, QUEUE_STATUSES, type QueueStatus };
