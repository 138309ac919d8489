// Browser mode's way out of a damaged database (docs/backup.md): the failure names the exact command,
// `--restore-newest-backup` restores the newest good backup and the desk starts; without a good
// backup it says why and exits non-zero. In-process through startBrowserDesk, and end to end
// through main/web/cli.ts in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseCorruptError } from '../../db/open';
import { DEFAULT_PORT, parseHostOptions, recoveryCommand } from '../../main/web/options';
import { startBrowserDesk, startFailureLines } from '../../main/web/start';
import { damagedDesk, filingIds, GOOD_BACKUP, type DamagedDesk } from './damaged-desk';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'main/web/cli.ts');
const CHILD_TIMEOUT_MS = 60_000;

let root: string;
let staticDir: string;
let fixture: DamagedDesk;
/** The damaged desk moved to where browser mode looks: <data root>/training. */
async function damagedRoot(withBackup: boolean): Promise<string> {
  fixture = await damagedDesk(withBackup);
  renameSync(fixture.dataDir, join(root, 'training'));
  return join(root, 'training');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'desk-web-restore-'));
  staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<html><head><title>desk</title></head><body></body></html>');
});
afterEach(() => {
  fixture?.remove();
  rmSync(root, { recursive: true, force: true });
});

const args = (...more: string[]) => ['--data-dir', root, '--port', '0', '--static-dir', staticDir, ...more];

describe('the restore flag and the recovery command', () => {
  it('is a switch: it never swallows the next argument', () => {
    const o = parseHostOptions(['--restore-newest-backup', '--data-dir', '/srv/desk'], {});
    expect(o).toMatchObject({ restoreNewestBackup: true, dataRoot: '/srv/desk' });
    expect(parseHostOptions([], {}).restoreNewestBackup).toBe(false);
  });

  it('spells out everything that picks the data folder, quoted for the shell, and parses back to it', () => {
    const o = parseHostOptions(['--data-dir', "/srv/o'hara desk"], { DESK_PLATFORM_URL: 'http://127.0.0.1:9100/' });
    const command = recoveryCommand(o);
    expect(command).toBe(`npm run start:web -- --data-dir '/srv/o'\\''hara desk' --platform-url http://127.0.0.1:9100/ --restore-newest-backup`);
    expect(recoveryCommand(parseHostOptions(['--data-dir', '/d'], {}))).toBe('npm run start:web -- --data-dir /d --restore-newest-backup');
    expect(DEFAULT_PORT).toBe(5180);
  });
});

describe('browser mode on a damaged database (in process)', () => {
  it('without the flag: fails with the Chinese message and the exact command to recover', async () => {
    await damagedRoot(true);
    const options = parseHostOptions(args(), {});
    const error = await startBrowserDesk(options, () => {}).then(
      async (d) => (await d.close(), null),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    const lines = startFailureLines(error, options);
    expect(lines[0]).toContain('数据库文件完整性检查未通过');
    expect(lines[1]).toBe(`恢复最近的完好备份并启动，请运行：npm run start:web -- --data-dir ${root} --port 0 --static-dir ${staticDir} --restore-newest-backup`);
  });

  it('with --restore-newest-backup: says what it restored (file, time), then starts on the restored data', async () => {
    const dataDir = await damagedRoot(true);
    const said: string[] = [];
    const desk = await startBrowserDesk(parseHostOptions(args('--restore-newest-backup'), {}), (line) => said.push(line));
    try {
      expect(said[0]).toContain(`已恢复最近的完好备份 ${GOOD_BACKUP}（备份时间 2026-11-20 08:30:00，北京时间）`);
      expect(said[0]).toMatch(/损坏的数据库文件已另存为 .*desk\.sqlite\.damaged-\d{8}-\d{6}，没有删除/);
      expect(said[1]).toMatch(/^yibao-desk browser mode ready: http:\/\/127\.0\.0\.1:\d+\//);
      expect(desk.dataDir).toBe(dataDir);
      expect((await fetch(desk.url)).status).toBe(200);
    } finally {
      await desk.close();
    }
    expect(filingIds(dataDir)).toEqual([fixture.filingId]);
  });

  it('with the flag but no backup: a clear Chinese reason, and the damaged file stays', async () => {
    const dataDir = await damagedRoot(false);
    const before = readFileSync(join(dataDir, 'desk.sqlite'));
    const error = await startBrowserDesk(parseHostOptions(args('--restore-newest-backup'), {}), () => {}).then(
      async (d) => (await d.close(), null),
      (e: unknown) => e,
    );
    const lines = startFailureLines(error, null);
    expect(lines[0]).toBe(`没有可恢复的备份：备份文件夹 ${join(dataDir, 'backups')} 中没有备份文件。损坏的数据库文件未被改动。请联系管理员：把本机以外保存的备份复制到该文件夹后再试，或把数据库文件交给技术支持修复。`);
    expect(readFileSync(join(dataDir, 'desk.sqlite')).equals(before)).toBe(true);
  });
});

describe('browser mode on a damaged database (main/web/cli.ts in a child process)', () => {
  const runCli = (cliArgs: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', CLI, ...cliArgs], { cwd: ROOT, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, env: { ...process.env, DESK_PLATFORM_URL: '' } });

  it('without a backup: the reason on stderr and exit code 1; without the flag: the command', async () => {
    await damagedRoot(false);
    const plain = runCli(args());
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('数据库文件完整性检查未通过');
    expect(plain.stderr).toContain(`npm run start:web -- --data-dir ${root} --port 0 --static-dir ${staticDir} --restore-newest-backup`);
    const flagged = runCli(args('--restore-newest-backup'));
    expect(flagged.status).toBe(1);
    expect(flagged.stderr).toContain('没有可恢复的备份');
    expect(flagged.stdout).not.toContain('ready');
  });

  it('with a good backup: restores, prints the file and time, serves, and stops on SIGTERM', async () => {
    const dataDir = await damagedRoot(true);
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args('--restore-newest-backup')], { cwd: ROOT, env: { ...process.env, DESK_PLATFORM_URL: '' } });
    const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
      const url = await new Promise<string>((resolveUrl, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          const m = /browser mode ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolveUrl(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${err}`)));
      });
      expect(out).toContain(`已恢复最近的完好备份 ${GOOD_BACKUP}（备份时间 2026-11-20 08:30:00，北京时间）`);
      expect((await fetch(url)).status).toBe(200);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(filingIds(dataDir)).toEqual([fixture.filingId]);
  }, CHILD_TIMEOUT_MS + 10_000);
});
