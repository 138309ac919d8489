import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { RunResult } from 'better-sqlite3';
import type * as schema from '../schema';

/** The database or a transaction on it: repositories work with either. */
export type Exec = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
