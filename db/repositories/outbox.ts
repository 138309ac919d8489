import { and, asc, count, eq, max, min } from 'drizzle-orm';
import type { QueueStatsDto } from '../../shared/contract';
import { outbox } from '../schema';
import type { Exec } from './types';

export type OutboxStatus = (typeof outbox.$inferSelect)['status'];

export interface OutboxEntry {
  seq: number;
  id: string;
  kind: string;
  orderKey: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attemptsStarted: number;
  attemptsFinished: number;
  nextAttemptAt: string;
  lastError: string | null;
  platformRef: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewOutboxEntry {
  id: string;
  kind: string;
  orderKey: string;
  payload: Record<string, unknown>;
}

export function enqueue(db: Exec, entry: NewOutboxEntry, at: string): OutboxEntry {
  return db
    .insert(outbox)
    .values({ ...entry, status: 'pending', nextAttemptAt: at, createdAt: at, updatedAt: at })
    .returning()
    .get();
}

export function entriesFor(db: Exec, orderKey: string): OutboxEntry[] {
  return db.select().from(outbox).where(eq(outbox.orderKey, orderKey)).orderBy(asc(outbox.seq)).all();
}

export function queueStats(db: Exec): QueueStatsDto {
  const counts = db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status).all();
  const by = (s: OutboxStatus) => counts.find((c) => c.status === s)?.n ?? 0;
  const oldest = db.select({ at: min(outbox.createdAt) }).from(outbox).where(eq(outbox.status, 'pending')).get();
  const last = db.select({ at: max(outbox.updatedAt) }).from(outbox).where(and(eq(outbox.status, 'done'))).get();
  return {
    pending: by('pending'),
    inFlight: by('in_flight'),
    uncertain: by('uncertain'),
    rejected: by('rejected'),
    done: by('done'),
    cancelled: by('cancelled'),
    oldestPendingAt: oldest?.at ?? null,
    lastSuccessAt: last?.at ?? null,
  };
}
