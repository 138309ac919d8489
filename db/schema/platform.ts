import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Every exchange with the provincial platform (main/platform). The row is written with its msgid
 * *before* the request leaves (nhsa-interface.md §2.11, §4: the msgid must be known even if the desk
 * dies mid-call) and settled afterwards. `outcome` null = never settled (in flight or crashed).
 * Excerpts are redacted: ID numbers, names, phones and addresses masked; no credentials, no headers.
 */
export const platformExchanges = sqliteTable(
  'platform_exchanges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msgid: text('msgid').notNull(),
    infno: text('infno').notNull(),
    operatorId: text('operator_id'),
    /** The caller's own id for the work (e.g. the outbox entry id); stable across attempts. */
    correlationId: text('correlation_id'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    durationMs: integer('duration_ms'),
    outcome: text('outcome', { enum: ['ok', 'rejected', 'not_sent', 'unknown', 'auth'] }),
    reason: text('reason'),
    httpStatus: integer('http_status'),
    refMsgid: text('ref_msgid'),
    message: text('message'),
    requestExcerpt: text('request_excerpt'),
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [
    uniqueIndex('platform_exchanges_msgid_uq').on(t.msgid),
    index('platform_exchanges_started_idx').on(t.startedAt),
    index('platform_exchanges_correlation_idx').on(t.correlationId),
  ],
);

/** 1901 dictionaries per type and 医保区划, kept for offline use (nhsa-interface.md §2.12). */
export const platformDictionaries = sqliteTable(
  'platform_dictionaries',
  {
    type: text('type').notNull(),
    region: text('region').notNull(),
    entries: text('entries', { mode: 'json' }).notNull().$type<{ value: string; label: string; parentValue?: string; sort?: number }[]>(),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.region] })],
);

/** 9001 sign-ins per operator per CST day (nhsa-interface.md §2.1: lifetime unknown; per day is the safe guess). */
export const platformSignIns = sqliteTable(
  'platform_sign_ins',
  {
    operatorId: text('operator_id').notNull(),
    day: text('day').notNull(),
    signNo: text('sign_no').notNull(),
    signedAt: text('signed_at').notNull(),
    msgid: text('msgid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.day] })],
);
