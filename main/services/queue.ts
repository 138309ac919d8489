import type { ParsedRequestOf, QueueEntryDto, ResponseOf } from '../../shared/contract';
import { attemptsFor, getEntry, listEntries, makePendingDue, queueStats, updateEntry, type QueueListRow } from '../../db/repositories/outbox';
import { nextWindowAfter, openWindowAt } from '../../db/repositories/sync';
import { appendAudit } from '../../db/repositories/audit';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import type { SyncControl } from '../sync/engine';
import { requeueRejected, resolveByOperator } from '../sync/intents';
import { OUTBOX_KIND_LABELS, type OutboxKind } from '../sync/kinds';
import { windowDto } from '../sync/windows';
import { inTransaction, type ServiceContext } from './context';

export function stats(ctx: ServiceContext): ResponseOf<'queue.stats'> {
  return queueStats(ctx.db);
}

export function publishQueueStats(ctx: ServiceContext): void {
  ctx.events.emit('queue.changed', queueStats(ctx.db));
}

const FINISHED = new Set(['done', 'rejected', 'cancelled']);

function entryDto(row: Omit<QueueListRow, 'filingLocalNo' | 'personName'> & Partial<Pick<QueueListRow, 'filingLocalNo' | 'personName'>>): QueueEntryDto {
  const filingId = typeof row.payload.filingId === 'string' ? row.payload.filingId : null;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: OUTBOX_KIND_LABELS[row.kind as OutboxKind] ?? row.kind,
    filingId,
    filingLocalNo: row.filingLocalNo ?? null,
    personName: row.personName ?? null,
    status: row.status,
    attemptsStarted: row.attemptsStarted,
    attemptsFinished: row.attemptsFinished,
    nextAttemptAt: FINISHED.has(row.status) ? null : row.nextAttemptAt,
    lastError: row.lastError,
    platformRef: row.platformRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function entryOr404(ctx: ServiceContext, id: string) {
  const entry = getEntry(ctx.db, id);
  if (!entry) throw new DeskError('NOT_FOUND', '未找到该上传队列条目');
  return entry;
}

function listedDto(ctx: ServiceContext, id: string): QueueEntryDto {
  const entry = entryOr404(ctx, id);
  const filing = listEntries(ctx.db, { page: 1, pageSize: 1, entryId: id }).items[0];
  return entryDto({ ...entry, filingLocalNo: filing?.filingLocalNo ?? null, personName: filing?.personName ?? null });
}

export function list(ctx: ServiceContext, req: ParsedRequestOf<'queue.list'>): ResponseOf<'queue.list'> {
  const { total, items } = listEntries(ctx.db, req);
  return { total, items: items.map(entryDto) };
}

export function attempts(ctx: ServiceContext, req: ParsedRequestOf<'queue.attempts'>): ResponseOf<'queue.attempts'> {
  entryOr404(ctx, req.entryId);
  return attemptsFor(ctx.db, req.entryId).map((a) => ({
    id: a.id,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    msgid: a.msgid,
    durationMs: a.durationMs,
    outcome: a.outcome,
    message: a.message,
  }));
}

/**
 * "Retry now". Without an entry: everything waiting is due now and, if the platform was unreachable,
 * it is probed at once. With a rejected entry (the filing fixed meanwhile): back to pending.
 */
export function retryNow(ctx: ServiceContext, sync: SyncControl | null, req: ParsedRequestOf<'queue.retryNow'>, session: Session): ResponseOf<'queue.retryNow'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const requeued = inTransaction(ctx, () => {
    if (!req.entryId) return makePendingDue(ctx.db, at);
    const entry = entryOr404(ctx, req.entryId);
    if (entry.status === 'rejected') {
      requeueRejected(ctx.db, entry, at, session.operatorId);
      return 1;
    }
    if (entry.status === 'pending' || entry.status === 'uncertain') {
      updateEntry(ctx.db, entry.id, { nextAttemptAt: at }, at);
      return 1;
    }
    if (entry.status === 'in_flight') return 0;
    throw new DeskError('CONFLICT', '该条目已处理完毕，无需重试');
  });
  appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'queue.retry_now', entityType: 'outbox', entityId: req.entryId ?? '*', after: { requeued } });
  if (req.entryId) {
    const entry = getEntry(ctx.db, req.entryId);
    if (entry && typeof entry.payload.filingId === 'string') ctx.events.emit('filing.changed', { id: entry.payload.filingId });
  }
  publishQueueStats(ctx);
  sync?.retryNow();
  return { requeued };
}

export function resolveUncertain(ctx: ServiceContext, sync: SyncControl | null, req: ParsedRequestOf<'queue.resolveUncertain'>, session: Session): ResponseOf<'queue.resolveUncertain'> {
  const at = ctx.clock().toISOString();
  const entry = inTransaction(ctx, () => resolveByOperator(ctx.db, entryOr404(ctx, req.entryId), req, at, session.operatorId));
  if (typeof entry.payload.filingId === 'string') ctx.events.emit('filing.changed', { id: entry.payload.filingId });
  publishQueueStats(ctx);
  sync?.wake();
  return listedDto(ctx, entry.id);
}

const NOT_CONFIGURED = '未配置医保平台：备案只保存在本机并排队，配置平台后自动上传';

export function platformStatus(ctx: ServiceContext, sync: SyncControl | null): ResponseOf<'platform.status'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const open = openWindowAt(ctx.db, at);
  const next = nextWindowAfter(ctx.db, at);
  const base = sync?.status() ?? {
    configured: false,
    state: 'unknown' as const,
    breaker: 'closed' as const,
    message: NOT_CONFIGURED,
    lastSuccessAt: null,
    nextProbeAt: null,
    concurrency: 0,
  };
  return {
    ...base,
    ...(open && sync ? { state: 'maintenance' as const } : {}),
    window: open ? windowDto(open, now) : null,
    nextWindow: next ? windowDto(next, now) : null,
    counts: queueStats(ctx.db),
  };
}
