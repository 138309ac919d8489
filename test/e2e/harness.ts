// The e2e harness: a browser-mode desk in process (optionally filing to the platform simulator), served
// by the web host to Debian's Chromium, plus the steps every browser test repeats (logging in, waiting
// for the page to settle, screenshots). The e2e tests build their stations here instead of each
// wiring its own; see the existing tests for how a station is used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RequestOf, Result } from '../../shared/contract';
import { createDesk, type Desk, type DeskConfig, type DeskPlatformConfig } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../main/platform/sim/server';
import { startWebHost, type WebHost } from '../../main/web/server';
import { simPlatform } from '../sync/sim';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STATIC_DIR = join(ROOT, 'dist/renderer');
export const SHOTS = join(ROOT, 'test-artifacts/e2e');

/** Builds the renderer when dist/ has none and makes the screenshot folder. Call from beforeAll. */
export function prepareRenderer(): void {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--renderer'], { cwd: ROOT, stdio: 'inherit', timeout: 90_000 });
  }
  mkdirSync(SHOTS, { recursive: true });
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** A logged-in contract session (not the browser's). */
export async function sessionOf(desk: Desk, username: string, password: string): Promise<Session> {
  return desk.sessions.get(valueOf(await desk.dispatch('auth.login', { username, password }, null)).token)!;
}

/** The upload queue as training mode wires it to the simulator, probing fast. */
export function simQueue(sim: Simulator): DeskPlatformConfig {
  return { client: simPlatform(sim), operator: { id: 'desk-queue', name: '上传队列' }, breaker: { probe: { baseMs: 500, capMs: 3_000 } } };
}

export interface StationOptions {
  /** Names the temp folders: desk-e2e-<name>-…. */
  name: string;
  /** Set the desk up with this (and log its administrator in as `admin`); omitted: a first-run desk. */
  setup?: RequestOf<'setup.initialize'>;
  /** Start the platform simulator with these options and file to it. */
  simulator?: SimulatorOptions;
  /** The platform over the simulator; simQueue when omitted. */
  platform?: (sim: Simulator) => DeskPlatformConfig;
  /** More of the desk's config (a printer). */
  desk?: Omit<Partial<DeskConfig>, 'dataDir' | 'platform'>;
  /** Over the defaults (1366×900, zh-CN). */
  browser?: BrowserContextOptions;
  /** A script run in every frame before the page's own (window.print stubs). */
  initScript?: string;
  /** Playwright's default timeout for a step. */
  stepTimeout?: number;
}

export interface Station {
  desk: Desk;
  host: WebHost;
  context: BrowserContext;
  page: Page;
  sim: Simulator | undefined;
  /** The set-up administrator's contract session (when options.setup was given). */
  admin: Session | undefined;
  /** A temp folder removed by close(). */
  tempDir(prefix: string): string;
  close(): Promise<void>;
}

export async function startStation(options: StationOptions): Promise<Station> {
  const temps: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  };
  let sim: Simulator | undefined;
  let desk: Desk | undefined;
  let host: WebHost | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    await host?.close();
    await desk?.sync?.stop();
    desk?.close();
    await sim?.close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (options.simulator) sim = await startSimulator(options.simulator);
    const platform = sim ? (options.platform ?? simQueue)(sim) : undefined;
    desk = await createDesk({
      dataDir: tempDir(`desk-e2e-${options.name}-`),
      mode: 'training',
      log: { error: () => {} },
      ...options.desk,
      ...(platform ? { platform } : {}),
    });
    let admin: Session | undefined;
    if (options.setup) {
      valueOf(await desk.dispatch('setup.initialize', options.setup, null));
      admin = await sessionOf(desk, options.setup.adminUsername, options.setup.adminPassword);
    }
    host = await startWebHost({ desk, port: 0, staticDir: STATIC_DIR });
    context = await chromium.launchPersistentContext(tempDir(`desk-e2e-${options.name}-chromium-`), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      ...options.browser,
    });
    if (options.initScript) await context.addInitScript({ content: options.initScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(options.stepTimeout ?? 15_000);
    return { desk, host, context, page, sim, admin, tempDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Logs in on the login screen (opening the desk first when `url` is given) and waits for the workspace. */
export async function browserLogin(page: Page, username: string, password: string, url?: string): Promise<void> {
  if (url) await page.goto(url);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
}

/** Polls the contract until the upload queue's probe has put the platform online. */
export async function waitOnline(desk: Desk, session: Session): Promise<void> {
  for (let i = 0; i < 80 && valueOf(await desk.dispatch('platform.status', {}, session)).state !== 'online'; i++) await new Promise((r) => setTimeout(r, 250));
}

// The page's animation API, typed here because the tests compile without the DOM library.
interface AnimationsHost {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
}

/** No finite CSS animation or transition is running (antd's enter motions, the table's loading fade). */
export const settled = () =>
  (globalThis as unknown as AnimationsHost).document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);

export interface ShotOptions {
  /** The whole page (default) or the viewport. */
  fullPage?: boolean;
  /** Wait for antd's loading spinners to go first. */
  spinners?: boolean;
  /** Wait for the animations to finish (default). */
  motions?: boolean;
  /** How long the spinners may take; the page's default step timeout when omitted. */
  timeout?: number;
}

/** A screenshot test-artifacts/e2e/<name>.png of the settled screen. */
export async function shot(page: Page, name: string, options: ShotOptions = {}): Promise<void> {
  if (options.spinners) await expect.poll(() => page.locator('.ant-spin-spinning').count(), options.timeout ? { timeout: options.timeout } : {}).toBe(0);
  if (options.motions ?? true) await page.waitForFunction(settled);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

interface TestContextLike {
  task: { name: string; result?: { state?: string } };
}

/** From afterEach: a failed test leaves a picture of the page, test-artifacts/e2e/<prefix>-failed-<test>.png. */
export async function shotOnFailure(ctx: TestContextLike, page: Page | undefined, prefix: string, fullPage = false): Promise<void> {
  if (ctx.task.result?.state !== 'fail' || !page) return;
  await page.screenshot({ path: join(SHOTS, `${prefix}-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}.png`), fullPage }).catch(() => {});
}
