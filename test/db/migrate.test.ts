import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_MIGRATIONS_FOLDER, MigrationFailedError, openMigrated } from '../../db/migrate';
import { DatabaseCorruptError, openDatabase } from '../../db/open';
import { tempDir } from '../helpers/desk';

const dirs: { remove(): void }[] = [];
function dir() {
  const d = tempDir('desk-db-');
  dirs.push(d);
  return d.path;
}
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function tables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  db.close();
  return rows.map((r) => r.name);
}

/** A copy of the real migrations plus one more that fails halfway through. */
function migrationsWithBrokenNext(root: string): string {
  const folder = join(root, 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_broken`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(
    join(folder, `${tag}.sql`),
    'ALTER TABLE `filings` ADD `extra` text;\n--> statement-breakpoint\nCREATE TABLE `operators` (`id` text);\n',
  );
  return folder;
}

describe('opening and migrating the desk database', () => {
  it('migrates an empty file up to the current schema without a backup', async () => {
    const root = dir();
    const { handle, applied, backupPath } = await openMigrated(join(root, 'desk.sqlite'), { backupDir: join(root, 'backups') });
    expect(applied).toBeGreaterThan(0);
    expect(backupPath).toBeNull();
    handle.close();
    expect(tables(join(root, 'desk.sqlite'))).toEqual(expect.arrayContaining(['filings', 'outbox', 'outbox_attempts', 'audit_events', 'operators', 'institution']));
  });

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const root = dir();
    const { handle } = await openMigrated(join(root, 'desk.sqlite'), { backupDir: join(root, 'backups') });
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    handle.close();
  });

  it('does nothing on a second start', async () => {
    const root = dir();
    const path = join(root, 'desk.sqlite');
    (await openMigrated(path, { backupDir: join(root, 'backups') })).handle.close();
    const again = await openMigrated(path, { backupDir: join(root, 'backups') });
    expect(again.applied).toBe(0);
    expect(again.backupPath).toBeNull();
    again.handle.close();
  });

  it('backs up before migrating, and on failure restores the backup with its data and says so', async () => {
    const root = dir();
    const path = join(root, 'desk.sqlite');
    const first = await openMigrated(path, { backupDir: join(root, 'backups') });
    first.handle.sqlite.prepare("insert into settings (key, value, updated_at) values ('kept', '\"yes\"', 'now')").run();
    first.handle.close();

    const failing = openMigrated(path, { backupDir: join(root, 'backups'), migrationsFolder: migrationsWithBrokenNext(root) });
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failure = error as MigrationFailedError;
    expect(failure.restoredFrom).toMatch(/before-migration-.*\.sqlite$/);
    expect(existsSync(failure.restoredFrom!)).toBe(true);
    expect(failure.operatorMessage).toContain('已恢复到升级前的备份');

    // The data is there and the half-applied change is not.
    const reopened = openDatabase(path);
    expect(reopened.sqlite.prepare("select value from settings where key='kept'").get()).toEqual({ value: '"yes"' });
    const columns = (reopened.sqlite.prepare('pragma table_info(filings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('extra');
    reopened.close();
    expect(readdirSync(join(root, 'backups'))).toHaveLength(1);
  });

  it('refuses a file that is not a database with the same operator message', () => {
    const path = join(dir(), 'desk.sqlite');
    writeFileSync(path, 'this is a spreadsheet, not a database'.repeat(200));
    expect(() => openDatabase(path)).toThrow(DatabaseCorruptError);
  });

  it('refuses a corrupted file with a message for the operator', () => {
    const root = dir();
    mkdirSync(root, { recursive: true });
    const path = join(root, 'desk.sqlite');
    const db = new Database(path);
    db.exec('create table t (x text); create index t_x on t (x);');
    const insert = db.prepare('insert into t values (?)');
    // One transaction: 2 000 autocommits would each wait for the disk.
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`value-${i}-${'x'.repeat(50)}`);
    })();
    db.close();
    // Overwrite a page in the middle of the file with garbage.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    let error: unknown;
    try {
      openDatabase(path).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as DatabaseCorruptError).operatorMessage).toContain('完整性检查未通过');
  });
});
