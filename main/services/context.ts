import type Database from 'better-sqlite3';
import type { DeskDb } from '../../db/open';
import type { EventBus } from '../app/events';
import type { DeskPrinter } from '../app/printer';
import type { SessionStore } from '../app/sessions';

/** What every use case may touch. Built once by the composition root (main/app/desk.ts). */
export interface ServiceContext {
  db: DeskDb;
  sqlite: Database.Database;
  clock: () => Date;
  events: EventBus;
  sessions: SessionStore;
  mode: 'training' | 'live';
  version: string;
  newId: () => string;
  /** The machine's printers (Electron); null in browser mode, where the browser prints. */
  printer: DeskPrinter | null;
}

/** Runs `work` in one SQLite transaction (BEGIN IMMEDIATE); everything inside commits or none of it. */
export function inTransaction<T>(ctx: ServiceContext, work: () => T): T {
  return ctx.sqlite.transaction(work).immediate();
}
