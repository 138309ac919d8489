// msgid = fixmedins_code (12) + yyyyMMddHHmmss CST (14) + 4-digit sequence (nhsa-interface.md §1.2).
// The sequence is a persistent per-CST-day counter in the desk database (daily_counters, scope
// 'platform.msgid'), never random and never reused: every attempt, retries included, takes the next
// value. 9999 per day per desk; beyond that the call is refused rather than a msgid reused.
import { nextDailyValue } from '../../db/repositories/counters';
import type { Exec } from '../../db/repositories/types';
import { businessDate, businessStamp } from '../../shared/domain/time';

export const MSGID_SCOPE = 'platform.msgid';
export const MSGID_DAILY_LIMIT = 9999;

export class MsgidExhaustedError extends Error {
  readonly code = 'MSGID_EXHAUSTED';
  constructor(readonly day: string) {
    super(`msgid sequence for ${day} exhausted (${MSGID_DAILY_LIMIT})`);
  }
}

export function formatMsgid(institutionCode: string, at: Date, sequence: number): string {
  return `${institutionCode}${businessStamp(at)}${String(sequence).padStart(4, '0')}`;
}

/** Takes the next sequence value for `at`'s CST day and builds the msgid. Call inside a transaction. */
export function allocateMsgid(db: Exec, institutionCode: string, at: Date): string {
  const day = businessDate(at);
  const sequence = nextDailyValue(db, MSGID_SCOPE, day);
  if (sequence > MSGID_DAILY_LIMIT) throw new MsgidExhaustedError(day);
  return formatMsgid(institutionCode, at, sequence);
}
