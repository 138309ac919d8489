// Start-up decisions of the Electron shell that need no Electron: paths, data folder, messages.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../main/app/desk';
import { DatabaseCorruptError } from '../../db/open';
import { bundlePaths, deskConfigFor, startupFailureMessage } from '../../main/shell/startup';

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
