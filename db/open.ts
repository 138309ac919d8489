// Opening the desk's SQLite file: the pragmas that make "saved" mean saved (architecture §4).
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type DeskDb = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  path: string;
  sqlite: Database.Database;
  db: DeskDb;
  close(): void;
}

export class DatabaseCorruptError extends Error {
  readonly code = 'DB_CORRUPT';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`integrity check failed for ${path}: ${detail}`);
  }
  /** For the operator. */
  get operatorMessage(): string {
    return `数据库文件完整性检查未通过（${this.path}）。请不要继续录入，联系管理员从备份恢复。`;
  }
}

/** SQLite's answers for a file that is not (or no longer) a database. */
const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export function openDatabase(path: string): DbHandle {
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a filing the operator was told is saved survives power loss.
    sqlite.pragma('synchronous = FULL');
    // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB: a page changed by many commits (index
    // interior pages, the newest leaves) is copied into the database once per checkpoint, and the two
    // fsyncs a checkpoint costs come 10 times less often. Each commit still fsyncs the WAL (FULL);
    // the WAL file stays up to ~40 MB on disk. docs/performance.md "Filings at scale".
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseCorruptError(path, String(check));
  } catch (error) {
    sqlite.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_A_DATABASE.has(code)) throw new DatabaseCorruptError(path, String(error));
    throw error;
  }
  const db = drizzle(sqlite, { schema });
  return { path, sqlite, db, close: () => sqlite.close() };
}
