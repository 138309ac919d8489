import { sql } from 'drizzle-orm';
import { dailyCounters } from '../schema';
import type { Exec } from './types';

/** Increments and returns the counter for (scope, day); the first value of a day is 1. */
export function nextDailyValue(db: Exec, scope: string, day: string): number {
  const row = db
    .insert(dailyCounters)
    .values({ scope, day, value: 1 })
    .onConflictDoUpdate({ target: [dailyCounters.scope, dailyCounters.day], set: { value: sql`${dailyCounters.value} + 1` } })
    .returning({ value: dailyCounters.value })
    .get();
  return row.value;
}
