// Backups (issue 7): round trip through the real dispatcher and SQLite files, refusal of damaged and
// foreign files, retention by day, the daily schedule with a fake clock, and the way out of a failed
// start-up integrity check.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { openDatabase, DatabaseCorruptError } from '../../db/open';
import { createDesk } from '../../main/app/desk';
import {
  DEFAULT_BACKUP_SETTINGS,
  listBackupFiles,
  nextScheduledAt,
  parseBackupName,
  pruneScheduled,
  restoreNewestGoodBackup,
  runScheduledBackup,
  scheduledBackupDue,
  startBackups,
} from '../../main/services/backup';
import { personIdNumber, referral, setUpDesk, tempDir, type TestDesk } from '../helpers/desk';

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/** A settable clock: CST instants written +08:00. */
function clockAt(iso: string) {
  const clock = { now: new Date(iso), set: (next: string) => (clock.now = new Date(next)) };
  return clock;
}

const filingCount = (desk: TestDesk['desk']) => (desk.db.sqlite.prepare('select count(*) as n from filings').get() as { n: number }).n;

describe('manual backup and restore', () => {
  it('round trip: back up, change the data, restore, and the data is back; the changed data is kept as a before-restore copy', async () => {
    t = await setUpDesk();
    const { desk, admin } = t;
    const kept = valueOf(await desk.dispatch('filing.create', referral(), admin));
    const backup = valueOf(await desk.dispatch('backup.create', {}, admin));
    expect(backup.kind).toBe('manual');
    expect(backup.sizeBytes).toBeGreaterThan(0);

    const later = valueOf(await desk.dispatch('filing.create', referral({ personName: '李四', certNo: personIdNumber(7) }), admin));
    expect(filingCount(desk)).toBe(2);

    const restored = valueOf(await desk.dispatch('backup.restore', { fileName: backup.fileName, confirm: true }, admin));
    expect(restored.restoredFrom).toBe(backup.fileName);
    expect(restored.safetyBackup.kind).toBe('before-restore');
    // The same connection sees the backup's data at once.
    expect(filingCount(desk)).toBe(1);
    expect(desk.db.sqlite.prepare('select id from filings').get()).toEqual({ id: kept.id });
    // Every session ended: the admin logs in again.
    expect(desk.sessions.get(admin.token)).toBeNull();
    const again = await t.login('admin', 'admin12345');
    expect(valueOf(await desk.dispatch('filing.get', { id: kept.id }, again)).id).toBe(kept.id);
    // The restore is audited in the restored data.
    expect(desk.db.sqlite.prepare("select entity_id as e from audit_events where action = 'backup.restore'").all()).toEqual([{ e: backup.fileName }]);

    // The data from before the restore is not lost: restoring the safety copy brings the second filing back.
    valueOf(await desk.dispatch('backup.restore', { fileName: restored.safetyBackup.fileName, confirm: true }, again));
    expect(filingCount(desk)).toBe(2);
    expect(desk.db.sqlite.prepare('select count(*) as n from filings where id = ?').get(later.id)).toEqual({ n: 1 });
    expect(desk.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('lists backups newest first with their kind, and writes self-contained files (no -wal beside them)', async () => {
    const clock = clockAt('2026-11-23T09:00:00+08:00');
    t = await setUpDesk({ clock: () => clock.now });
    valueOf(await t.desk.dispatch('backup.create', {}, t.admin));
    clock.set('2026-11-23T10:00:00+08:00');
    const second = valueOf(await t.desk.dispatch('backup.create', {}, t.admin));
    const list = valueOf(await t.desk.dispatch('backup.list', {}, t.admin));
    expect(list.backups.map((b) => b.fileName)).toEqual(['manual-20261123-100000.sqlite', 'manual-20261123-090000.sqlite']);
    expect(list.backups[0]).toEqual(second);
    expect(list.directory).toBe(join(t.dir, 'backups'));
    expect(readdirSync(list.directory).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
    const copy = new Database(join(list.directory, second.fileName), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('refuses a corrupted backup with a clear Chinese message and changes nothing', async () => {
    t = await setUpDesk();
    const { desk, admin } = t;
    valueOf(await desk.dispatch('filing.create', referral(), admin));
    const backup = valueOf(await desk.dispatch('backup.create', {}, admin));
    const path = join(t.dir, 'backups', backup.fileName);
    // Damage the middle of the file (past the header): pages no longer hold what their parents say.
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = (bytes[i]! + 51) % 256;
    writeFileSync(path, bytes);
    valueOf(await desk.dispatch('filing.create', referral({ personName: '李四', certNo: personIdNumber(7) }), admin));

    const checked = valueOf(await desk.dispatch('backup.check', { fileName: backup.fileName }, admin));
    expect(checked.ok).toBe(false);
    const r = await desk.dispatch('backup.restore', { fileName: backup.fileName, confirm: true }, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('BUSINESS_RULE');
    expect(r.message).toMatch(/^该备份不能恢复：(文件已损坏|这不是数据库文件)/);
    expect(r.message).toContain('请选择其他备份');
    expect(filingCount(desk)).toBe(2);
    expect(listBackupFiles(join(t.dir, 'backups')).map((b) => b.kind)).toEqual(['manual']);
  });

  it('refuses a file that is not a database, and a database that is not a desk', async () => {
    t = await setUpDesk();
    const dir = join(t.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manual-20261120-080000.sqlite'), '这不是数据库文件，是一份表格导出。'.repeat(200));
    const other = new Database(join(dir, 'manual-20261121-080000.sqlite'));
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    const notDb = await t.desk.dispatch('backup.restore', { fileName: 'manual-20261120-080000.sqlite', confirm: true }, t.admin);
    expect(notDb).toMatchObject({ ok: false, code: 'BUSINESS_RULE', message: '该备份不能恢复：这不是数据库文件，或文件已损坏。请选择其他备份。' });
    const foreign = await t.desk.dispatch('backup.restore', { fileName: 'manual-20261121-080000.sqlite', confirm: true }, t.admin);
    expect(foreign).toMatchObject({ ok: false, message: expect.stringContaining('这不是本工作台的数据库文件') });
  });

  it('needs the confirmation, a name from the list (no paths) and an administrator', async () => {
    t = await setUpDesk();
    const backup = valueOf(await t.desk.dispatch('backup.create', {}, t.admin));
    const unconfirmed = await t.desk.dispatch('backup.restore', { fileName: backup.fileName, confirm: false }, t.admin);
    expect(unconfirmed).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { confirm: expect.stringContaining('请先确认') } });
    const path = await t.desk.dispatch('backup.restore', { fileName: '../desk.sqlite', confirm: true }, t.admin);
    expect(path).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { fileName: expect.stringContaining('请从列表中选择备份') } });
    const clerk = await t.addOperator('clerk1', 'operator');
    expect(await t.desk.dispatch('backup.restore', { fileName: backup.fileName, confirm: true }, clerk)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.desk.dispatch('backup.create', {}, clerk)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('retention', () => {
  it('keeps the newest scheduled backup of each of the newest N days, and never prunes manual or safety copies', () => {
    const dir = tempDir('desk-backup-retention-');
    try {
      const names = [
        'scheduled-20261118-123000.sqlite',
        'scheduled-20261119-123000.sqlite',
        'scheduled-20261120-123000.sqlite',
        'scheduled-20261121-123000.sqlite',
        'scheduled-20261121-170000.sqlite',
        'scheduled-20261122-123000.sqlite',
        'manual-20261101-080000.sqlite',
        'before-restore-20261102-080000.sqlite',
        'before-migration-2026-11-01T00-00-00-000Z.sqlite',
      ];
      for (const n of names) writeFileSync(join(dir.path, n), 'x');
      const deleted = pruneScheduled(dir.path, 3);
      expect(deleted.sort()).toEqual(['scheduled-20261118-123000.sqlite', 'scheduled-20261119-123000.sqlite', 'scheduled-20261121-123000.sqlite']);
      expect(readdirSync(dir.path).sort()).toEqual(
        ['before-migration-2026-11-01T00-00-00-000Z.sqlite', 'before-restore-20261102-080000.sqlite', 'manual-20261101-080000.sqlite', 'scheduled-20261120-123000.sqlite', 'scheduled-20261121-170000.sqlite', 'scheduled-20261122-123000.sqlite'].sort(),
      );
    } finally {
      dir.remove();
    }
  });

  it('reads the time of a backup from its name in CST, including db/migrate.ts copies', () => {
    expect(parseBackupName('scheduled-20261123-123000.sqlite')).toEqual({ kind: 'scheduled', createdAt: new Date('2026-11-23T04:30:00Z') });
    expect(parseBackupName('before-migration-2026-11-23T08-00-00-000Z.sqlite')).toEqual({ kind: 'before-migration', createdAt: new Date('2026-11-23T08:00:00Z') });
    expect(parseBackupName('desk.sqlite')).toBeNull();
    expect(parseBackupName('.manual-20261123-123000.sqlite.partial')).toBeNull();
  });
});

describe('the daily schedule (fake clock)', () => {
  const settings = { ...DEFAULT_BACKUP_SETTINGS, dailyAt: '12:30' };

  it('is due once the day\'s slot (CST) has passed and no scheduled backup was taken since', () => {
    expect(scheduledBackupDue(settings, new Date('2026-11-23T12:29:59+08:00'), null)).toBe(false);
    expect(scheduledBackupDue(settings, new Date('2026-11-23T12:30:00+08:00'), null)).toBe(true);
    expect(scheduledBackupDue(settings, new Date('2026-11-23T18:00:00+08:00'), new Date('2026-11-23T12:30:05+08:00'))).toBe(false);
    expect(scheduledBackupDue(settings, new Date('2026-11-24T00:10:00+08:00'), new Date('2026-11-23T12:30:05+08:00'))).toBe(false);
    expect(scheduledBackupDue(settings, new Date('2026-11-24T12:31:00+08:00'), new Date('2026-11-23T12:30:05+08:00'))).toBe(true);
    expect(scheduledBackupDue({ ...settings, enabled: false }, new Date('2026-11-24T12:31:00+08:00'), null)).toBe(false);
  });

  it('says when it runs next, in CST whatever the machine zone', () => {
    expect(nextScheduledAt(settings, new Date('2026-11-23T08:00:00+08:00'))?.toISOString()).toBe('2026-11-23T04:30:00.000Z');
    expect(nextScheduledAt(settings, new Date('2026-11-23T12:30:00+08:00'))?.toISOString()).toBe('2026-11-24T04:30:00.000Z');
    expect(nextScheduledAt({ ...settings, enabled: false }, new Date())).toBeNull();
  });

  it('takes one backup a day as the clock passes the slot, and keeps only N days of them', async () => {
    const clock = clockAt('2026-11-20T08:00:00+08:00');
    t = await setUpDesk({ clock: () => clock.now });
    valueOf(await t.desk.dispatch('backup.settings.set', { enabled: true, dailyAt: '12:30', keepDaily: 2 }, t.admin));
    const ticks: (() => void)[] = [];
    const stop = startBackups(t.desk.ctx, { setInterval: (fn) => ticks.push(fn), clearInterval: () => ticks.splice(0) });
    expect(ticks).toHaveLength(1);
    expect(await runScheduledBackup(t.desk.ctx)).toBeNull();
    for (const day of ['20', '21', '22', '23']) {
      clock.set(`2026-11-${day}T12:30:01+08:00`);
      expect((await runScheduledBackup(t.desk.ctx))?.fileName).toBe(`scheduled-202611${day}-123001.sqlite`);
      clock.set(`2026-11-${day}T17:00:00+08:00`);
      expect(await runScheduledBackup(t.desk.ctx)).toBeNull();
    }
    expect(listBackupFiles(join(t.dir, 'backups')).map((b) => b.fileName)).toEqual(['scheduled-20261123-123001.sqlite', 'scheduled-20261122-123001.sqlite']);
    const list = valueOf(await t.desk.dispatch('backup.list', {}, t.admin));
    expect(list.nextScheduledAt).toBe('2026-11-24T04:30:00.000Z');
    expect(list.settings).toEqual({ enabled: true, dailyAt: '12:30', keepDaily: 2 });
    stop();
    expect(ticks).toHaveLength(0);
  });

  it('refuses a schedule time that is not HH:mm and a retention out of range, naming the field', async () => {
    t = await setUpDesk();
    const r = await t.desk.dispatch('backup.settings.set', { enabled: true, dailyAt: '25:00', keepDaily: 0 }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { dailyAt: expect.stringContaining('例如 12:30'), keepDaily: '保留天数不能小于1' } });
  });
});

describe('the way out of a failed start-up integrity check', () => {
  it('moves the damaged file aside, restores the newest good backup (skipping a damaged one), and the desk starts', async () => {
    const first = await setUpDesk();
    const dataDir = first.dir;
    try {
      const filing = valueOf(await first.desk.dispatch('filing.create', referral(), first.admin));
      const good = valueOf(await first.desk.dispatch('backup.create', {}, first.admin));
      first.desk.close();
      // A newer backup that is itself damaged, and a live file that fails the start-up check.
      writeFileSync(join(dataDir, 'backups', 'manual-29991231-235959.sqlite'), 'garbage'.repeat(1000));
      const live = join(dataDir, 'desk.sqlite');
      const bytes = readFileSync(live);
      for (let i = 4096; i < bytes.length; i += 61) bytes[i] = (bytes[i]! + 77) % 256;
      writeFileSync(live, bytes);
      expect(() => openDatabase(live).close()).toThrow(DatabaseCorruptError);

      const outcome = await restoreNewestGoodBackup(dataDir, 'desk.sqlite', undefined, new Date('2026-11-23T09:00:00+08:00'));
      expect(outcome.restoredFrom).toBe(good.fileName);
      expect(outcome.skipped.map((s) => s.fileName)).toEqual(['manual-29991231-235959.sqlite']);
      expect(outcome.damagedKeptAs).toBe(`${live}.damaged-20261123-090000`);
      expect(existsSync(outcome.damagedKeptAs)).toBe(true);

      const desk = await createDesk({ dataDir, mode: 'training', log: { error: () => {} } });
      try {
        expect(desk.db.sqlite.prepare('select id from filings').all()).toEqual([{ id: filing.id }]);
      } finally {
        desk.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
