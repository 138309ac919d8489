// The built main process (dist/electron/main.mjs) started in plain Node with a stand-in 'electron'
// module (fixtures/fake-electron.mjs). Electron's own behaviour is not tested here, only that the
// bundle runs and wires what main.ts promises: sandboxed window, app:// origin, the IPC door, the
// navigation and permission refusals, the data folder and the start-up error dialog.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/web/server';
import { checkCandidate } from '../../main/services/backup';
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
  requests?: { remote: boolean; own: boolean; file: boolean };
  stray?: { own: boolean; data: boolean; destroyed: boolean };
  print?: PrintReport;
}

type Outcome = { ok: boolean; code?: string; message?: string; value?: Record<string, unknown> };
interface PrintReport {
  html: string;
  localNo: string;
  results: Record<'printers' | 'settings' | 'a4' | 'pdf' | 'slip' | 'cancelled' | 'failed', Outcome>;
  windows: { options: { show: boolean; webPreferences: Record<string, unknown> }; url: string | null; html: string | null; destroyed: boolean }[];
  prints: { window: number; options: Record<string, unknown> }[];
  pdfs: { window: number; options: Record<string, unknown> }[];
  printerLists: number;
  pos: {
    options: { show: boolean; webPreferences: Record<string, unknown> };
    file: string;
    messages: [string, { line?: { type: string; value: string }; width?: string }][];
    prints: Record<string, unknown>[];
    destroyed: boolean;
    requests: Record<'page' | 'script' | 'remote' | 'data' | 'app' | 'otherFile', boolean>;
    navigation: { app: boolean; file: boolean };
  }[];
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

  it('registers app:// as privileged before ready and sandboxes per window, not app-wide (electron-pos-printer needs Node)', () => {
    expect(run.report.calls).toContainEqual(['protocol.registerSchemesAsPrivileged', { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true }]);
    expect(run.report.calls).not.toContain('app.enableSandbox');
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
    expect(run.report.requests).toEqual({ remote: true, own: false, file: true });
  });

  it('refuses a Node-enabled window nobody announced: it loads nothing and is destroyed', () => {
    expect(run.report.stray).toEqual({ own: true, data: true, destroyed: true });
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

  it('shows the Chinese start-up box and exits non-zero when the database cannot be opened', () => {
    mkdirSync(join(work, 'broken', 'training'), { recursive: true });
    writeFileSync(join(work, 'broken', 'training', 'desk.sqlite'), 'this is not a database '.repeat(100));
    const run = start(join(work, 'broken'));
    expect(run.status).toBe(1);
    expect(run.report.window).toBeUndefined();
    // Not a database: the box offers the way out (main/shell/startup.ts); dismissed, the desk quits.
    const box = run.report.calls.find((c): c is [string, { title: string; message: string; buttons: string[] }] => Array.isArray(c) && c[0] === 'dialog.showMessageBox');
    expect(box?.[1].title).toBe('医保异地备案工作台无法启动');
    expect(box?.[1].message).toMatch(/[\u4e00-\u9fff]/);
    expect(box?.[1].buttons).toEqual(['恢复最近的备份', '退出']);
    expect(run.report.calls.some((c) => Array.isArray(c) && c[0] === 'app.relaunch')).toBe(false);
  });

  it('恢复最近的备份 in the start-up box restores the newest good backup and relaunches without the flag', () => {
    const data = join(work, 'restore', 'training');
    expect(start(join(work, 'restore')).report.window).toBeDefined();
    mkdirSync(join(data, 'backups'), { recursive: true });
    copyFileSync(join(data, 'desk.sqlite'), join(data, 'backups', 'manual-20261120-083000.sqlite'));
    writeFileSync(join(data, 'desk.sqlite'), 'this is not a database '.repeat(100));
    const run = start(join(work, 'restore'), { FAKE_DIALOG_PRESS: '恢复最近的备份,重新启动' });
    expect(run.status).toBe(0);
    const boxes = run.report.calls.filter((c): c is [string, { title: string; message: string }] => Array.isArray(c) && c[0] === 'dialog.showMessageBox');
    expect(boxes.map((b) => b[1].title)).toEqual(['医保异地备案工作台无法启动', '已恢复备份']);
    expect(boxes[1]![1].message).toContain('manual-20261120-083000.sqlite（备份时间 2026-11-20 08:30:00，北京时间）');
    const relaunch = run.report.calls.find((c): c is [string, { args: string[] }] => Array.isArray(c) && c[0] === 'app.relaunch');
    expect(relaunch?.[1].args).not.toContain('--restore-newest-backup');
    expect(checkCandidate(join(data, 'desk.sqlite')).ok).toBe(true);
    expect(readdirSync(data).some((f) => f.startsWith('desk.sqlite.damaged-'))).toBe(true);
  });
});

describe('printing through the bundle (FAKE_PRINT_SCENARIO)', () => {
  let print: PrintReport;
  beforeAll(() => {
    const run = start(join(work, 'print'), { FAKE_PRINT_SCENARIO: '1' });
    expect(run.report.errors).toEqual([]);
    print = run.report.print!;
  });

  it('gives the desk a printer port: the printer list comes from the machine', () => {
    expect(print.results.printers).toEqual({
      ok: true,
      value: {
        available: true,
        printers: [
          { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404（A4）', isDefault: false },
          { name: 'XP-58', displayName: 'XP-58', isDefault: false },
        ],
      },
    });
    expect(print.results.settings).toMatchObject({ ok: true, value: { a4PrinterName: 'HP_LaserJet_M404', slipPrinterName: 'XP-58', slipWidth: '58mm' } });
  });

  it('loads every document into a hidden, sandboxed window with scripts off, and destroys it afterwards', () => {
    expect(print.windows.length).toBeGreaterThanOrEqual(6);
    for (const w of print.windows) {
      expect(w.options.show).toBe(false);
      expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
      expect(w.options.webPreferences.preload).toBeUndefined();
      expect(w.url).toMatch(/^data:text\/html;charset=utf-8,/);
      expect(w.destroyed).toBe(true);
    }
  });

  it('prints the A4 document as given, silently on the remembered printer, one copy of A4', () => {
    expect(print.results.a4).toEqual({ ok: true, value: { printed: true, reprint: false } });
    const first = print.prints[0]!;
    expect(print.windows[first.window]!.html).toBe(print.html);
    expect(first.options).toEqual({ silent: true, deviceName: 'HP_LaserJet_M404', pageSize: 'A4', printBackground: true, copies: 1 });
  });

  it('exports the PDF with the stylesheet page size and returns it as base64, audited as a reprint', () => {
    expect(print.results.pdf).toMatchObject({ ok: true, value: { printed: true, reprint: true } });
    expect(Buffer.from(String(print.results.pdf.value?.pdfBase64), 'base64').toString()).toBe('%PDF-1.7 stand-in');
    expect(print.pdfs[0]!.options).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });

  it('prints the slip through electron-pos-printer: escaped lines, the library page only, silently, window gone', () => {
    expect(print.results.slip).toMatchObject({ ok: true, value: { printed: true } });
    expect(print.pos).toHaveLength(1);
    const job = print.pos[0]!;
    expect(job.options.show).toBe(false);
    expect(job.file).toBe(join(ROOT, 'node_modules/electron-pos-printer/dist/renderer/index.html'));
    // The library's page may load its own files and nothing else; it never navigates.
    expect(job.requests).toEqual({ page: false, script: false, remote: true, data: true, app: true, otherFile: true });
    expect(job.navigation).toEqual({ app: true, file: true });
    const lines = job.messages.filter(([channel]) => channel === 'render-line').map(([, m]) => m.line!);
    const text = lines.filter((l) => l.type === 'text').map((l) => l.value).join('\n');
    expect(text).toContain('演练医院&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain(print.localNo);
    expect(text).toContain('演练 演练 演练');
    expect(lines.find((l) => l.type === 'qrCode')?.value).toBe(print.localNo);
    expect(job.messages[0]).toEqual(['body-init', expect.objectContaining({ pageSize: '58mm', silent: true, printerName: 'XP-58' })]);
    expect(job.prints).toEqual([expect.objectContaining({ silent: true, deviceName: 'XP-58', copies: 1 })]);
    expect(job.destroyed).toBe(true);
  });

  it('reports a cancelled dialog as not printed and a printer failure in Chinese', () => {
    expect(print.results.cancelled).toEqual({ ok: true, value: { printed: false, reprint: false } });
    expect(print.results.failed).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(print.results.failed.message).toContain('打印未完成');
    expect(print.results.failed.message).toContain('failed');
  });
});
