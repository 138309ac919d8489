import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const OUTBOX_STATUSES = ['pending', 'in_flight', 'uncertain', 'done', 'rejected', 'cancelled'] as const;

/**
 * The upload queue (transactional outbox, architecture §5). `id` is stable and never regenerated;
 * `seq` gives FIFO order within an order key. Rows are never deleted.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    orderKey: text('order_key').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attemptsStarted: integer('attempts_started').notNull().default(0),
    attemptsFinished: integer('attempts_finished').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    platformRef: text('platform_ref'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_id_uq').on(t.id),
    index('outbox_status_next_idx').on(t.status, t.nextAttemptAt),
    index('outbox_order_key_idx').on(t.orderKey, t.seq),
    // The newest success (queue.stats' lastSuccessAt) without walking every finished entry.
    index('outbox_status_updated_idx').on(t.status, t.updatedAt),
    // The oldest waiting entry (queue.stats' oldestPendingAt) without walking every pending entry, which
    // after a long outage are thousands. Partial: it holds only pending entries, so it stays small.
    index('outbox_pending_created_idx').on(t.createdAt).where(sql`status = 'pending'`),
  ],
);

/**
 * Entries per status, kept by triggers on `outbox` (migration 0009), so the queue's counts shown on
 * every screen cost the same at a million finished entries as at ten.
 */
export const outboxCounts = sqliteTable('outbox_counts', {
  status: text('status', { enum: OUTBOX_STATUSES }).primaryKey(),
  n: integer('n').notNull(),
});

/** One row per attempt to send an outbox entry (request msgid, duration, outcome). */
export const outboxAttempts = sqliteTable(
  'outbox_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: text('entry_id').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    msgid: text('msgid'),
    durationMs: integer('duration_ms'),
    outcome: text('outcome'),
    message: text('message'),
    excerpt: text('excerpt'),
  },
  (t) => [index('outbox_attempts_entry_idx').on(t.entryId)],
);
