import { and, asc, count, desc, eq, gt, inArray, lte, max, min, notExists, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { QueueStatsDto } from '../../shared/contract';
import { filings, outbox, outboxAttempts, type OUTBOX_STATUSES } from '../schema';
import type { Exec } from './types';

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

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

/** Statuses that hold the entries behind them in the same order key (FIFO within a key). */
export const BLOCKING_STATUSES = ['pending', 'in_flight', 'uncertain', 'rejected'] as const satisfies readonly OutboxStatus[];

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

export function getEntry(db: Exec, id: string): OutboxEntry | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

export interface EntryPatch {
  status?: OutboxStatus;
  /** The engine adds what an attempt sent (for reconciliation) when it claims the entry. */
  payload?: Record<string, unknown>;
  attemptsStarted?: number;
  attemptsFinished?: number;
  nextAttemptAt?: string;
  lastError?: string | null;
  platformRef?: string | null;
}

export function updateEntry(db: Exec, id: string, patch: EntryPatch, at: string): OutboxEntry {
  return db
    .update(outbox)
    .set({ ...patch, updatedAt: at })
    .where(eq(outbox.id, id))
    .returning()
    .get();
}

export interface DueQuery {
  status: 'pending' | 'uncertain';
  now: string;
  /** Order keys already being worked on by this process. */
  excludeKeys: readonly string[];
  limit: number;
}

/**
 * The entries that may go next: due, of the given status, and first in their order key (nothing
 * earlier in the key still pending, in flight, uncertain or rejected). Ordered by due time then
 * sequence, which the (status, next_attempt_at) index serves without sorting.
 */
export function dueHeads(db: Exec, q: DueQuery): OutboxEntry[] {
  if (q.limit <= 0) return [];
  const earlier = alias(outbox, 'earlier');
  const conditions: SQL[] = [
    eq(outbox.status, q.status),
    lte(outbox.nextAttemptAt, q.now),
    notExists(
      db
        .select({ one: sql`1` })
        .from(earlier)
        .where(and(eq(earlier.orderKey, outbox.orderKey), sql`${earlier.seq} < ${outbox.seq}`, inArray(earlier.status, [...BLOCKING_STATUSES]))),
    ),
  ];
  if (q.excludeKeys.length) conditions.push(notInArray(outbox.orderKey, [...q.excludeKeys]));
  return db
    .select()
    .from(outbox)
    .where(and(...conditions))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.seq))
    .limit(q.limit)
    .all();
}

/** The earliest future due time among entries that could be worked on, for the dispatcher's timer. */
export function nextDueAt(db: Exec, now: string): string | null {
  const row = db
    .select({ at: min(outbox.nextAttemptAt) })
    .from(outbox)
    .where(and(inArray(outbox.status, ['pending', 'uncertain']), gt(outbox.nextAttemptAt, now)))
    .get();
  return row?.at ?? null;
}

/** Entries a crash left in flight: the desk may or may not have sent them. */
export function inFlightEntries(db: Exec): OutboxEntry[] {
  return db.select().from(outbox).where(eq(outbox.status, 'in_flight')).orderBy(asc(outbox.seq)).all();
}

/**
 * Puts due pending entries back in creation order before a replay: for an entry that is already due,
 * its due time only decides its place in line, and a backoff that has run out should not move it
 * behind filings saved after it.
 */
export function restoreCreationOrder(db: Exec, now: string): number {
  return db
    .update(outbox)
    .set({ nextAttemptAt: outbox.createdAt })
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), gt(outbox.nextAttemptAt, outbox.createdAt)))
    .run().changes;
}

/** Makes every pending entry due now (the operator's "retry now"). */
export function makePendingDue(db: Exec, now: string): number {
  return db
    .update(outbox)
    .set({ nextAttemptAt: now })
    .where(and(inArray(outbox.status, ['pending', 'uncertain']), gt(outbox.nextAttemptAt, now)))
    .run().changes;
}

export interface AttemptRecord {
  id: number;
  entryId: string;
  startedAt: string;
  finishedAt: string | null;
  msgid: string | null;
  durationMs: number | null;
  outcome: string | null;
  message: string | null;
  excerpt: string | null;
}

export function beginAttempt(db: Exec, entryId: string, startedAt: string): number {
  return db.insert(outboxAttempts).values({ entryId, startedAt }).returning({ id: outboxAttempts.id }).get().id;
}

export interface AttemptResult {
  finishedAt: string;
  msgid: string | null;
  durationMs: number;
  outcome: string;
  message: string;
  excerpt: string | null;
}

export function finishAttempt(db: Exec, attemptId: number, result: AttemptResult): void {
  db.update(outboxAttempts).set(result).where(eq(outboxAttempts.id, attemptId)).run();
}

/** Appends a finished row in one go (reconciliation queries, operator resolutions). */
export function logAttempt(db: Exec, entryId: string, startedAt: string, result: AttemptResult): void {
  db.insert(outboxAttempts).values({ entryId, startedAt, ...result }).run();
}

export function attemptsFor(db: Exec, entryId: string): AttemptRecord[] {
  return db.select().from(outboxAttempts).where(eq(outboxAttempts.entryId, entryId)).orderBy(asc(outboxAttempts.id)).all();
}

/** When the first send of an entry started: the start of the reconciliation window. */
export function firstSendAt(db: Exec, entryId: string): string | null {
  const row = db
    .select({ at: min(outboxAttempts.startedAt) })
    .from(outboxAttempts)
    .where(eq(outboxAttempts.entryId, entryId))
    .get();
  return row?.at ?? null;
}

export interface QueueListFilter {
  status?: OutboxStatus | undefined;
  entryId?: string | undefined;
  page: number;
  pageSize: number;
}

export interface QueueListRow extends OutboxEntry {
  filingLocalNo: string | null;
  personName: string | null;
}

/** Newest first, with the filing's local number and person name for the operator's list. */
export function listEntries(db: Exec, filter: QueueListFilter): { total: number; items: QueueListRow[] } {
  const conditions = [filter.status ? eq(outbox.status, filter.status) : undefined, filter.entryId ? eq(outbox.id, filter.entryId) : undefined].filter(
    (c) => c !== undefined,
  );
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  const rows = db
    .select({ entry: outbox, localNo: filings.localNo, personName: filings.personName })
    .from(outbox)
    .leftJoin(filings, eq(filings.id, outbox.orderKey))
    .where(where)
    .orderBy(desc(outbox.seq))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  return { total, items: rows.map((r) => ({ ...r.entry, filingLocalNo: r.localNo, personName: r.personName })) };
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
