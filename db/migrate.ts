// Migrations at start-up: an online backup first, the committed SQL migrations next, and on
// failure the backup restored and a clear error raised. Data is never dropped to recover.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase, type DbHandle } from './open';

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export class MigrationFailedError extends Error {
  readonly code = 'DB_MIGRATION_FAILED';
  constructor(
    override readonly cause: unknown,
    readonly restoredFrom: string | null,
  ) {
    super(`migration failed${restoredFrom ? `; restored ${restoredFrom}` : ''}: ${String(cause)}`);
  }
  get operatorMessage(): string {
    return this.restoredFrom
      ? `数据库升级失败，已恢复到升级前的备份，数据未丢失。请联系管理员。备份文件：${this.restoredFrom}`
      : '数据库初始化失败，请联系管理员。';
  }
}

export interface MigrateOptions {
  migrationsFolder?: string;
  backupDir: string;
  /** For backup file names; defaults to now. */
  now?: () => Date;
}

export interface MigrateOutcome {
  handle: DbHandle;
  applied: number;
  backupPath: string | null;
}

function pendingCount(handle: DbHandle, migrationsFolder: string): number {
  const files = readMigrationFiles({ migrationsFolder });
  const table = handle.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return files.length;
  const last = handle.sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null };
  return files.filter((f) => f.folderMillis > (last.at ?? 0)).length;
}

function hasUserTables(handle: DbHandle): boolean {
  const row = handle.sqlite
    .prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Opens `path`, backs it up if migrations are pending, migrates, restores on failure. */
export async function openMigrated(path: string, options: MigrateOptions): Promise<MigrateOutcome> {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const handle = openDatabase(path);
  const pending = pendingCount(handle, migrationsFolder);
  if (pending === 0) return { handle, applied: 0, backupPath: null };

  let backupPath: string | null = null;
  if (hasUserTables(handle)) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `before-migration-${stamp}.sqlite`);
    await handle.sqlite.backup(backupPath);
  }
  try {
    migrate(handle.db, { migrationsFolder });
    return { handle, applied: pending, backupPath };
  } catch (cause) {
    handle.close();
    if (backupPath && existsSync(backupPath)) {
      removeDbFiles(path);
      copyFileSync(backupPath, path);
    }
    throw new MigrationFailedError(cause, backupPath);
  }
}
