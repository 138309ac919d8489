import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { platformExchanges } from '../schema';
import type { Exec } from './types';

export type ExchangeOutcome = NonNullable<(typeof platformExchanges.$inferSelect)['outcome']>;

export interface ExchangeRecord {
  id: number;
  msgid: string;
  infno: string;
  operatorId: string | null;
  correlationId: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: ExchangeOutcome | null;
  reason: string | null;
  httpStatus: number | null;
  refMsgid: string | null;
  message: string | null;
  requestExcerpt: string | null;
  responseExcerpt: string | null;
}

export interface NewExchange {
  msgid: string;
  infno: string;
  operatorId: string | null;
  correlationId: string | null;
  startedAt: string;
  requestExcerpt: string;
}

export interface ExchangeSettlement {
  finishedAt: string;
  durationMs: number;
  outcome: ExchangeOutcome;
  reason: string | null;
  httpStatus: number | null;
  refMsgid: string | null;
  message: string;
  responseExcerpt: string | null;
}

/** Records an exchange before its request leaves; the msgid is unique, so a reuse fails loudly. */
export function beginExchange(db: Exec, value: NewExchange): void {
  db.insert(platformExchanges).values(value).run();
}

export function settleExchange(db: Exec, msgid: string, value: ExchangeSettlement): void {
  db.update(platformExchanges).set(value).where(eq(platformExchanges.msgid, msgid)).run();
}

export interface ExchangeFilter {
  correlationId?: string;
  infno?: string;
  /** Only exchanges that never settled (in flight, or the desk stopped mid-call). */
  unsettled?: boolean;
  limit?: number;
}

/** Oldest first. */
export function listExchanges(db: Exec, filter: ExchangeFilter = {}): ExchangeRecord[] {
  const conditions = [
    filter.correlationId !== undefined ? eq(platformExchanges.correlationId, filter.correlationId) : undefined,
    filter.infno !== undefined ? eq(platformExchanges.infno, filter.infno) : undefined,
    filter.unsettled ? isNull(platformExchanges.outcome) : undefined,
  ].filter((c) => c !== undefined);
  const query = db
    .select()
    .from(platformExchanges)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(platformExchanges.id));
  return filter.limit !== undefined ? query.limit(filter.limit).all() : query.all();
}

export function findExchange(db: Exec, msgid: string): ExchangeRecord | undefined {
  return db.select().from(platformExchanges).where(eq(platformExchanges.msgid, msgid)).get();
}

export function lastExchange(db: Exec): ExchangeRecord | undefined {
  return db.select().from(platformExchanges).orderBy(desc(platformExchanges.id)).limit(1).get();
}
