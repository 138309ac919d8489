// The built main process (dist/electron/main.mjs) started in plain Node with a stand-in 'electron'
// module (fixtures/fake-electron.mjs). Electron's own behaviour is not tested here, only that the
// bundle runs and wires what main.ts promises: sandboxed window, app:// origin, the IPC door, the
// navigation and permission refusals, the data folder and the start-up error dialog.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/web/server';
import { ensureElectronBuild } from './helpers/electron-build';

const ROOT = resolve(import.meta.dirname, '../..');
const HOOKS = join(import.meta.dirname, 'fixtures', 'electron-hooks.mjs');

interface Report {
  calls: unknown[];
  errors: string[];
  window?: { options: { webPreferences: Record<string, unknown> }; preloadExists: boolean };
  loadedUrl?: string;
  page?: { status: number; csp: string | null; body: string };
  traversalStatus?: number;
  ipcChannels?: string[];
  appInfo?: { ok: boolean; value?: { mode: string } };
  fromSubframe?: { ok: boolean; code?: string };
  fromOtherContents?: { ok: boolean; code?: string };
  navigation?: Record<string, boolean>;
  windowOpen?: { action: string };
  permission?: boolean;
  permissionCheck?: boolean;
  requests?: { remote: boolean; own: boolean };
}

let work: string;

function start(userData: string, env: Record<string, string> = {}): { status: number | null; report: Report; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', HOOKS, join(ROOT, 'dist/electron/main.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FAKE_USER_DATA: userData, DESK_PLATFORM_URL: '', ...env },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report from the main bundle (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { status: r.status, report: JSON.parse(line.slice('REPORT '.length)) as Report, stderr: r.stderr };
}

beforeAll(() => {
  ensureElectronBuild(ROOT);
  // The bundle serves dist/renderer; give it a page if the renderer has not been built here.
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    mkdirSync(join(ROOT, 'dist/renderer'), { recursive: true });
    writeFileSync(join(ROOT, 'dist/renderer/index.html'), '<!doctype html><title>医保异地备案工作台</title>');
  }
  work = mkdtempSync(join(tmpdir(), 'desk-main-'));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the main bundle on a fresh machine', () => {
  let run: ReturnType<typeof start>;
  beforeAll(() => {
    run = start(join(work, 'fresh'));
  });

  it('starts without errors and opens the training data folder under userData', () => {
    expect(run.report.errors).toEqual([]);
    expect(run.status).toBe(0);
    expect(existsSync(join(work, 'fresh', 'training', 'desk.sqlite'))).toBe(true);
    expect(run.report.appInfo).toMatchObject({ ok: true, value: { mode: 'training' } });
  });

  it('registers app:// as privileged before ready and enables the sandbox for every renderer', () => {
    expect(run.report.calls).toContainEqual(['protocol.registerSchemesAsPrivileged', { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true }]);
    expect(run.report.calls).toContain('app.enableSandbox');
    expect(run.report.calls).toContain('app.requestSingleInstanceLock');
  });

  it('opens one window with the locked-down web preferences and an existing preload', () => {
    expect(run.report.window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(run.report.window?.options.webPreferences.preload).toBe(join(ROOT, 'dist/electron/preload.cjs'));
    expect(run.report.window?.preloadExists).toBe(true);
  });

  it('loads the start page from app://desk with the browser-mode CSP, and refuses traversal', () => {
    expect(run.report.loadedUrl).toBe('app://desk/index.html');
    expect(run.report.page).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(run.report.traversalStatus).toBe(404);
  });

  it('registers only the invoke channel and refuses a subframe and a foreign webContents', () => {
    expect(run.report.ipcChannels).toEqual(['desk:invoke']);
    expect(run.report.fromSubframe).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run.report.fromOtherContents).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('blocks navigation away, redirects, webviews, new windows, permissions and remote requests', () => {
    expect(run.report.navigation).toEqual({ external: true, own: false, redirect: true, webview: true });
    expect(run.report.windowOpen).toEqual({ action: 'deny' });
    expect(run.report.permission).toBe(false);
    expect(run.report.permissionCheck).toBe(false);
    expect(run.report.requests).toEqual({ remote: true, own: false });
  });
});

describe('the main bundle in other situations', () => {
  it('uses a separate live folder when a platform is configured', () => {
    const run = start(join(work, 'live'), { DESK_PLATFORM_URL: 'https://platform.example/' });
    expect(run.report.appInfo).toMatchObject({ ok: true, value: { mode: 'live' } });
    expect(existsSync(join(work, 'live', 'live', 'desk.sqlite'))).toBe(true);
    expect(existsSync(join(work, 'live', 'training'))).toBe(false);
  });

  it('leaves at once when another desk holds the single-instance lock', () => {
    const run = start(join(work, 'second'), { FAKE_LOCK: 'taken' });
    expect(run.report.calls).toContain('app.quit');
    expect(run.report.window).toBeUndefined();
    expect(existsSync(join(work, 'second'))).toBe(false);
  });

  it('shows a Chinese error box and exits non-zero when the database cannot be opened', () => {
    mkdirSync(join(work, 'broken', 'training'), { recursive: true });
    writeFileSync(join(work, 'broken', 'training', 'desk.sqlite'), 'this is not a database '.repeat(100));
    const run = start(join(work, 'broken'));
    expect(run.status).toBe(1);
    expect(run.report.window).toBeUndefined();
    const box = run.report.calls.find((c): c is [string, { title: string; content: string }] => Array.isArray(c) && c[0] === 'dialog.showErrorBox');
    expect(box?.[1].title).toBe('医保异地备案工作台无法启动');
    expect(box?.[1].content).toMatch(/[\u4e00-\u9fff]/);
  });
});
