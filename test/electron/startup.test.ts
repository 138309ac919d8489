// Start-up decisions of the Electron shell that need no Electron: paths, data folder, messages.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../main/app/desk';
import { DatabaseCorruptError } from '../../db/open';
import {
  bundlePaths,
  deskConfigFor,
  handleStartupFailure,
  QUIT_BUTTON,
  RESTORE_BUTTON,
  RESTORE_NEWEST_BACKUP_FLAG,
  restoreOnRequest,
  startupFailureBox,
  startupFailureMessage,
  withoutRestoreFlag,
  type StartupBox,
} from '../../main/shell/startup';
import { damagedDesk, filingIds, GOOD_BACKUP, type DamagedDesk } from '../web/damaged-desk';

describe('bundle paths', () => {
  it('finds the preload beside the main bundle and the renderer and migrations one level up', () => {
    const paths = bundlePaths(join('/opt/desk/resources/app.asar/dist/electron/main.mjs'));
    expect(paths.preload).toBe(join('/opt/desk/resources/app.asar/dist/electron/preload.cjs'));
    expect(paths.renderer).toBe(join('/opt/desk/resources/app.asar/dist/renderer'));
    expect(paths.migrations).toBe(join('/opt/desk/resources/app.asar/dist/migrations'));
  });
});

describe('data folder and mode', () => {
  it('starts in training mode in its own folder when no platform is configured', () => {
    expect(deskConfigFor('/u/data', '/m', {})).toEqual({ dataDir: join('/u/data', 'training'), mode: 'training', migrationsFolder: '/m' });
  });

  it('uses a separate live folder once a platform URL is configured', () => {
    const config = deskConfigFor('/u/data', '/m', { DESK_PLATFORM_URL: 'https://platform.example/api' });
    expect(config).toEqual({ dataDir: join('/u/data', 'live'), mode: 'live', migrationsFolder: '/m' });
  });

  it('treats an empty DESK_PLATFORM_URL as not configured', () => {
    expect(deskConfigFor('/u/data', '/m', { DESK_PLATFORM_URL: '' }).mode).toBe('training');
  });
});

describe('start-up failure message', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-startup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells the operator a failed upgrade was rolled back to the backup (real migration failure)', async () => {
    const migrations = join(dir, 'migrations');
    cpSync('db/migrations', migrations, { recursive: true });
    const data = join(dir, 'data');
    (await createDesk({ dataDir: data, mode: 'training', migrationsFolder: migrations })).close();

    // The next release ships a migration that fails half-way.
    const journalPath = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: '9999_broken', breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_broken.sql'), 'CREATE TABLE broken_one (id integer);\n--> statement-breakpoint\nCREATE TABLE broken_two (;\n');

    const error = await createDesk({ dataDir: data, mode: 'training', migrationsFolder: migrations }).then(
      (desk) => {
        desk.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const message = startupFailureMessage(error);
    expect(message).toContain('数据库升级失败');
    expect(message).toContain('已恢复到升级前的备份');
  });

  it('passes on the integrity check’s own message', () => {
    const error = new DatabaseCorruptError('/data/training/desk.sqlite', '*** in database main ***');
    expect(startupFailureMessage(error)).toBe(error.operatorMessage);
  });

  it('gives any other error a Chinese message with the detail for the administrator', () => {
    const message = startupFailureMessage(new Error('EACCES: permission denied'));
    expect(message).toMatch(/^启动时发生错误/);
    expect(message).toContain('EACCES');
  });
});

describe('start-up failure dialog (Electron, decided in Node)', () => {
  const NOW = new Date('2026-11-23T09:00:00+08:00');
  let fixture: DamagedDesk | null = null;
  afterEach(() => {
    fixture?.remove();
    fixture = null;
  });

  /** A stand-in for the shell: presses the given buttons in turn and records every box. */
  function shellPressing(...presses: string[]) {
    const boxes: StartupBox[] = [];
    let relaunched = 0;
    return {
      boxes,
      relaunched: () => relaunched,
      shell: {
        showBox: async (box: StartupBox) => {
          boxes.push(box);
          const press = presses.shift();
          const index = press === undefined ? box.cancelId : box.buttons.indexOf(press);
          if (index < 0) throw new Error(`no button ${press} in ${box.buttons.join('/')}`);
          return index;
        },
        relaunch: () => {
          relaunched += 1;
        },
      },
    };
  }

  it('offers 恢复最近的备份 for a damaged database, quits on Escape, and only quits for other errors', () => {
    const damaged = startupFailureBox(new DatabaseCorruptError('/d/training/desk.sqlite', 'page 3 is never used'));
    expect(damaged.box.buttons).toEqual([RESTORE_BUTTON, QUIT_BUTTON]);
    expect(damaged.actions).toEqual(['restore-and-relaunch', 'quit']);
    expect(damaged.box.message).toContain('数据库文件完整性检查未通过');
    expect(damaged.box.detail).toContain('不删除');
    expect(damaged.actions[damaged.box.cancelId]).toBe('quit');
    const other = startupFailureBox(new Error('EACCES'));
    expect(other.box.buttons).toEqual([QUIT_BUTTON]);
    expect(other.actions).toEqual(['quit']);
  });

  it('恢复最近的备份: restores the newest good backup, says which and when, relaunches; the desk then opens', async () => {
    fixture = await damagedDesk(true);
    const error = await createDesk({ dataDir: fixture.dataDir, mode: 'training' }).then(
      (d) => (d.close(), null),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    const ui = shellPressing(RESTORE_BUTTON, '重新启动');
    expect(await handleStartupFailure(error, { dataDir: fixture.dataDir }, ui.shell, NOW)).toBe(0);
    expect(ui.relaunched()).toBe(1);
    expect(ui.boxes).toHaveLength(2);
    expect(ui.boxes[1]).toMatchObject({ type: 'info', title: '已恢复备份' });
    expect(ui.boxes[1]!.message).toContain(`已恢复最近的完好备份 ${GOOD_BACKUP}（备份时间 2026-11-20 08:30:00，北京时间）`);
    expect(ui.boxes[1]!.message).toContain('desk.sqlite.damaged-20261123-090000');
    expect(existsSync(join(fixture.dataDir, 'desk.sqlite.damaged-20261123-090000'))).toBe(true);
    // The relaunched desk starts on the restored data.
    (await createDesk({ dataDir: fixture.dataDir, mode: 'training', log: { error: () => {} } })).close();
    expect(filingIds(fixture.dataDir)).toEqual([fixture.filingId]);
  });

  it('退出: nothing is restored or moved and the exit code is not zero', async () => {
    fixture = await damagedDesk(true);
    const before = readFileSync(join(fixture.dataDir, 'desk.sqlite'));
    const ui = shellPressing(QUIT_BUTTON);
    expect(await handleStartupFailure(new DatabaseCorruptError(join(fixture.dataDir, 'desk.sqlite'), 'x'), { dataDir: fixture.dataDir }, ui.shell, NOW)).toBe(1);
    expect(ui.boxes).toHaveLength(1);
    expect(ui.relaunched()).toBe(0);
    expect(readFileSync(join(fixture.dataDir, 'desk.sqlite')).equals(before)).toBe(true);
  });

  it('without a good backup: says so in Chinese, leaves the damaged file in place, does not relaunch', async () => {
    fixture = await damagedDesk(false);
    mkdirSync(join(fixture.dataDir, 'backups'));
    writeFileSync(join(fixture.dataDir, 'backups', 'manual-20261121-120000.sqlite'), 'garbage '.repeat(500));
    const ui = shellPressing(RESTORE_BUTTON, QUIT_BUTTON);
    expect(await handleStartupFailure(new DatabaseCorruptError(join(fixture.dataDir, 'desk.sqlite'), 'x'), { dataDir: fixture.dataDir }, ui.shell, NOW)).toBe(1);
    expect(ui.relaunched()).toBe(0);
    expect(ui.boxes[1]).toMatchObject({ type: 'error', title: '无法恢复备份', buttons: [QUIT_BUTTON] });
    expect(ui.boxes[1]!.message).toMatch(/^没有可恢复的备份：.*1 个备份都没有通过检查（manual-20261121-120000\.sqlite：该备份不能恢复/);
    expect(ui.boxes[1]!.message).toContain('损坏的数据库文件未被改动');
    expect(readdirSync(fixture.dataDir).filter((f) => f.includes('damaged'))).toEqual([]);
  });

  it('the restore flag leaves a sound database alone, and a relaunch drops the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-startup-sound-'));
    try {
      (await createDesk({ dataDir: dir, mode: 'training' })).close();
      const before = readFileSync(join(dir, 'desk.sqlite'));
      expect(await restoreOnRequest(dir)).toMatch(/^数据库完整性检查通过，没有恢复备份/);
      expect(readFileSync(join(dir, 'desk.sqlite')).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(withoutRestoreFlag(['.', RESTORE_NEWEST_BACKUP_FLAG, '--x'])).toEqual(['.', '--x']);
  });
});
