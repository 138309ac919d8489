import { and, asc, count, desc, eq, gt, inArray, lte, max, min, notExists, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { QueueStatsDto } from '../../shared/contract';
import { filings, outbox, outboxAttempts, outboxCounts, type OUTBOX_STATUSES } from '../schema';
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

/**
 * The queue's hot path (claim, settle: several statements per upload) as statements prepared once
 * per database: drizzle otherwise builds and prepares every statement on every call, which was the
 * largest item after the commits in the replay profile (docs/performance.md).
 */
function prepareHotPath(db: Exec) {
  const p = sql.placeholder;
  /** Sets the column when its flag is 1, keeps it otherwise (one statement for every kind of patch). */
  const patched = (name: string, column: SQLiteColumn) => sql`case when ${p(`${name}Set`)} then ${p(name)} else ${column} end`;
  return {
    entry: db.select().from(outbox).where(eq(outbox.id, p('id'))).prepare(),
    dueHeads: (() => {
      const earlier = alias(outbox, 'earlier');
      return db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.status, sql`${p('status')}`),
            lte(outbox.nextAttemptAt, sql`${p('now')}`),
            notExists(
              db
                .select({ one: sql`1` })
                .from(earlier)
                .where(and(eq(earlier.orderKey, outbox.orderKey), sql`${earlier.seq} < ${outbox.seq}`, inArray(earlier.status, [...BLOCKING_STATUSES]))),
            ),
            sql`${outbox.orderKey} not in (select value from json_each(${p('exclude')}))`,
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.seq))
        .limit(p('limit'))
        .prepare();
    })(),
    update: db
      .update(outbox)
      .set({
        status: patched('status', outbox.status),
        payload: patched('payload', outbox.payload),
        attemptsStarted: patched('attemptsStarted', outbox.attemptsStarted),
        attemptsFinished: patched('attemptsFinished', outbox.attemptsFinished),
        nextAttemptAt: patched('nextAttemptAt', outbox.nextAttemptAt),
        lastError: patched('lastError', outbox.lastError),
        platformRef: patched('platformRef', outbox.platformRef),
        updatedAt: sql`${p('at')}`,
      })
      .where(eq(outbox.id, p('id')))
      .returning()
      .prepare(),
    beginAttempt: db.insert(outboxAttempts).values({ entryId: sql`${p('entryId')}`, startedAt: sql`${p('startedAt')}` }).returning({ id: outboxAttempts.id }).prepare(),
    finishAttempt: db
      .update(outboxAttempts)
      .set({
        finishedAt: sql`${p('finishedAt')}`,
        msgid: sql`${p('msgid')}`,
        durationMs: sql`${p('durationMs')}`,
        outcome: sql`${p('outcome')}`,
        message: sql`${p('message')}`,
        excerpt: sql`${p('excerpt')}`,
      })
      .where(eq(outboxAttempts.id, p('id')))
      .prepare(),
    // queue.stats. The oldest pending entry names its partial index: without statistics SQLite picks
    // outbox_status_updated_idx and walks every pending entry (thousands after a long outage). The
    // status is a literal, since a partial index only serves a WHERE that matches its own.
    counts: db.select().from(outboxCounts).prepare(),
    oldestPending: db
      .select({ at: min(outbox.createdAt) })
      .from(sql`${outbox} indexed by outbox_pending_created_idx`)
      .where(sql`${outbox.status} = 'pending'`)
      .prepare(),
    lastSuccess: db.select({ at: max(outbox.updatedAt) }).from(outbox).where(sql`${outbox.status} = 'done'`).prepare(),
  };
}

const hotPaths = new WeakMap<Exec, ReturnType<typeof prepareHotPath>>();

function hot(db: Exec): ReturnType<typeof prepareHotPath> {
  let prepared = hotPaths.get(db);
  if (!prepared) {
    prepared = prepareHotPath(db);
    hotPaths.set(db, prepared);
  }
  return prepared;
}

export function getEntry(db: Exec, id: string): OutboxEntry | undefined {
  return hot(db).entry.get({ id });
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
  const flag = (value: unknown) => (value === undefined ? 0 : 1);
  const row = hot(db).update.get({
    id,
    at,
    statusSet: flag(patch.status),
    status: patch.status ?? null,
    payloadSet: flag(patch.payload),
    payload: patch.payload === undefined ? null : JSON.stringify(patch.payload),
    attemptsStartedSet: flag(patch.attemptsStarted),
    attemptsStarted: patch.attemptsStarted ?? null,
    attemptsFinishedSet: flag(patch.attemptsFinished),
    attemptsFinished: patch.attemptsFinished ?? null,
    nextAttemptAtSet: flag(patch.nextAttemptAt),
    nextAttemptAt: patch.nextAttemptAt ?? null,
    lastErrorSet: flag(patch.lastError),
    lastError: patch.lastError ?? null,
    platformRefSet: flag(patch.platformRef),
    platformRef: patch.platformRef ?? null,
  });
  if (!row) throw new Error(`outbox entry ${id} not found`);
  return row;
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
  // One prepared statement for any set of excluded keys: they are passed as a JSON array.
  return hot(db).dueHeads.all({ status: q.status, now: q.now, exclude: JSON.stringify(q.excludeKeys), limit: q.limit });
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
  return hot(db).beginAttempt.get({ entryId, startedAt })!.id;
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
  hot(db).finishAttempt.run({ id: attemptId, ...result });
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
  // Counts come from outbox_counts, kept by triggers (migration 0009): a group by over every entry
  // took over half a second at a million finished entries, and this runs after every change.
  // The oldest pending entry and the newest success come from indexes (outbox_pending_created_idx,
  // outbox_status_updated_idx); the statements are prepared once per database.
  const statements = hot(db);
  const counts = statements.counts.all();
  const by = (s: OutboxStatus) => counts.find((c) => c.status === s)?.n ?? 0;
  const oldest = statements.oldestPending.get();
  const last = statements.lastSuccess.get();
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
