// The outage slice end to end, in Debian's Chromium against the real renderer build. The desk runs
// in-process with the upload queue filing to the platform simulator, wired the way training mode
// (main/web/cli.ts) wires it: createDesk with a platform client factory over the simulator's URL
// (test/sync/sim.ts simPlatform). The browser runs in America/Los_Angeles: every time on screen and
// every time typed is Beijing time regardless.
// 1. The platform goes down: 平台离线, the banner, 待上传 N and the oldest age; 200 filings are saved
//    (each a distinct person of the simulator's generated world); a filing voided while waiting never
//    reaches the platform. The platform comes back slow: the replay is visible (正在补传 x / 200,
//    screenshot of the status bar), then everything is 已上传, in order, each filing exactly once.
// 2. A maintenance window (scheduled through the contract): 维护中 and the banner with its end and
//    note; one more window scheduled through the panel's Beijing-time pickers; the open window
//    cancelled from the panel, and the held filings replay.
// 3. An unknown outcome (request committed, connection dropped; the platform's query failing): a
//    reviewer resolves 待核实 with the serial read on the platform; a reviewer has no 重试 or 作废.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf, Result } from '../../shared/contract';
import { businessDateTime, businessParts } from '../../shared/domain/time';
import { createDesk, type Desk } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { startWebHost, type WebHost } from '../../main/web/server';
import { compareWithPlatform, SIM_SETUP, simPlatform, simReferral } from '../sync/sim';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STATIC_DIR = join(ROOT, 'dist/renderer');
const SHOTS = join(ROOT, 'test-artifacts/e2e');
const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 120_000;
/** Long enough for the breaker to open or a probe to answer. */
const QUEUE_TIMEOUT = 40_000;

const OFFLINE_TEXT = '医保平台暂时无法连接：备案照常保存和打印，恢复后自动按顺序上传，无需重复录入';
const OUTAGE_FILINGS = 200;
/** The platform's extra delay per upload while it comes back: slow enough to watch, 200 done in ~20 s. */
const REPLAY_DELAY_MS = 250;
const MAINTENANCE_NOTE = '医保信息平台系统升级（演练）';

let sim: Simulator;
let desk: Desk;
let host: WebHost;
let context: BrowserContext;
let page: Page;
let admin: Session;
let next = 0;
const temps: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

type ReferralRequest = Extract<RequestOf<'filing.create'>, { type: 'referral' }>;

/** The n-th referral the simulator accepts: person n of its world, to a hospital in another city, from today. */
function referral(n: number): ReferralRequest {
  return simReferral(n) as ReferralRequest;
}

async function createFiling(): Promise<{ id: string; localNo: string; personNo: string; target: string }> {
  const request = referral(next++);
  const f = valueOf(await desk.dispatch('filing.create', request, admin));
  return { id: f.id, localNo: f.localNo, personNo: request.details.personNo!, target: request.details.destinationInstitutionCode! };
}

interface AnimationsHost {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
}
const settled = () =>
  (globalThis as unknown as AnimationsHost).document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);

async function shot(name: string): Promise<void> {
  await page.waitForFunction(settled);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const statusBar = () => page.getByTestId('queue-status');
const statusText = async () => (await statusBar().textContent()) ?? '';
const bannerText = async () => ((await page.getByTestId('outage-banner').count()) ? ((await page.getByTestId('outage-banner').textContent()) ?? '') : '');

async function login(username: string, password: string): Promise<void> {
  if (await page.getByRole('button', { name: '退出登录' }).count()) await page.getByRole('button', { name: '退出登录' }).click();
  else await page.goto(host.url);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
}

async function openQueue(filter: string): Promise<void> {
  await page.getByRole('button', { name: '上传队列', exact: true }).click();
  await page.locator('.ant-segmented-item', { hasText: filter }).first().click();
}

/** Types a Beijing time into one of the panel's pickers (as an operator would) and confirms it. */
async function typeTime(id: string, text: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(text);
}

beforeAll(async () => {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--renderer'], { cwd: ROOT, stdio: 'inherit', timeout: 90_000 });
  }
  mkdirSync(SHOTS, { recursive: true });
  // As `npm run start:web` in training mode: the simulator in process, the queue filing to it.
  sim = await startSimulator({ port: 0, latencyMs: 150 });
  desk = await createDesk({
    dataDir: tempDir('desk-e2e-outage-'),
    mode: 'training',
    log: { error: () => {} },
    platform: {
      client: simPlatform(sim),
      operator: { id: 'desk-queue', name: '上传队列' },
      // Probes after an outage within seconds rather than up to a minute; everything else as shipped.
      breaker: { probe: { baseMs: 500, capMs: 3_000 } },
    },
  });
  valueOf(await desk.dispatch('setup.initialize', SIM_SETUP, null));
  admin = desk.sessions.get(valueOf(await desk.dispatch('auth.login', { username: SIM_SETUP.adminUsername, password: SIM_SETUP.adminPassword }, null)).token)!;
  valueOf(await desk.dispatch('operator.create', { username: 'reviewer1', displayName: '李复核', role: 'reviewer', password: 'rev12345' }, admin));
  host = await startWebHost({ desk, port: 0, staticDir: STATIC_DIR });
  context = await chromium.launchPersistentContext(tempDir('desk-e2e-outage-chromium-'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'America/Los_Angeles',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT);
});

// A failed step leaves the screen it failed on, for whoever reads the report.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: join(SHOTS, `outage-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await context?.close();
  await host?.close();
  await desk?.sync?.stop();
  desk?.close();
  await sim?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('a platform outage in the browser', () => {
  it('keeps filing while the platform is down, then replays every filing once with visible progress', async () => {
    await login(SIM_SETUP.adminUsername, SIM_SETUP.adminPassword);
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('平台在线');
    expect(await bannerText()).toBe('');

    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const filings = [];
    for (let i = 0; i <= OUTAGE_FILINGS; i += 1) filings.push(await createFiling());

    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('平台离线');
    await expect.poll(bannerText, { timeout: QUEUE_TIMEOUT }).toContain(OFFLINE_TEXT);
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain(`待上传 ${OUTAGE_FILINGS + 1}`);
    expect(await page.getByTestId('oldest-pending').textContent()).toMatch(/^最早一条已等待 (不到1分钟|\d分钟)$/);
    expect(sim.inspect.referrals()).toHaveLength(0);

    // The newest filing is voided while it waits: it must never reach the platform.
    const voided = filings.at(-1)!;
    const row = page.locator('tr.ant-table-row', { hasText: voided.localNo });
    await row.getByRole('button', { name: '作废' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '作废备案' });
    await dialog.getByText('该备案尚未上传到医保平台：作废后从上传队列撤回，不会再上传。').waitFor();
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await dialog.getByText('请填写作废原因').waitFor(); // the reason is required
    await dialog.getByLabel('作废原因').fill('患者取消转诊');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await expect.poll(() => row.textContent()).toContain('已作废');
    await expect.poll(() => row.textContent()).toContain('已撤销');
    await expect.poll(statusText).toContain(`待上传 ${OUTAGE_FILINGS}`);
    expect(await row.getByRole('button', { name: '作废' }).count()).toBe(0);
    await shot('outage-offline');

    // The platform comes back, slow enough that the replay can be watched (4 at a time).
    sim.faults.set({ down: null, slow: { delayMs: REPLAY_DELAY_MS, infnos: ['2501'] } });
    await sim.settled();
    await page.getByTestId('outage-banner').getByRole('button', { name: '立即重试' }).click();
    const progress = page.getByTestId('replay-progress');
    await progress.waitFor({ timeout: QUEUE_TIMEOUT });
    // The rate shows once the replay has run for a second; the text is kept from the poll that saw both,
    // since the replay moves on while the next lines run.
    let during = '';
    await expect
      .poll(async () => (during = (await progress.textContent()) ?? ''), { timeout: QUEUE_TIMEOUT })
      .toMatch(/正在补传 ([1-9]\d?|1\d\d) \/ 200.*约 [\d.]+ 条\/分钟/);
    await statusBar().screenshot({ path: join(SHOTS, 'outage-replay.png') });
    const [, done] = /正在补传 (\d+) \/ 200/.exec(during) ?? [];
    expect(Number(done)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThan(OUTAGE_FILINGS);
    expect(during).toMatch(/约 [\d.]+ 条\/分钟/);
    expect(sim.inspect.referrals().length).toBeLessThan(OUTAGE_FILINGS);
    expect(await statusText()).toContain('平台在线');
    expect(await bannerText()).toBe('');
    await page.screenshot({ path: join(SHOTS, 'outage-replay-page.png') });

    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('待上传 0');
    await expect.poll(() => progress.count(), { timeout: QUEUE_TIMEOUT }).toBe(0);
    sim.faults.set({ slow: null });
    expect(await statusText()).toMatch(/最近成功上传 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByTestId('oldest-pending').count()).toBe(0);
    // Exactly once, the voided one never.
    expect(compareWithPlatform(desk, sim)).toMatchObject({ missing: [], extra: [], wrongSerial: [], notCancelled: [], uploaded: OUTAGE_FILINGS });
    expect(sim.inspect.referrals(voided.personNo).filter((f) => f.target === voided.target)).toHaveLength(0);
    // In order: 4 at a time, so the platform committed each filing within 4 places of where it was saved.
    const saved = filings.slice(0, OUTAGE_FILINGS).map((f) => f.personNo);
    const committed = [...sim.inspect.referrals()].sort((a, b) => a.serial.slice(-10).localeCompare(b.serial.slice(-10))).map((f) => saved.indexOf(f.personNo));
    expect(committed).toHaveLength(OUTAGE_FILINGS);
    committed.forEach((savedAt, receivedAt) => expect(Math.abs(savedAt - receivedAt)).toBeLessThan(4));

    // The list says 已上传 for every filing but the voided one.
    const states = await page.locator('tbody tr.ant-table-row').allTextContents();
    expect(states).toHaveLength(20);
    expect(states.filter((t) => t.includes('已上传'))).toHaveLength(19);
    expect(states[0]).toContain('已撤销');

    // The queue screen: 200 已上传 (20 a page), 1 已撤销; the oldest filing (last page) shows the refused sends and the success.
    await openQueue('已上传');
    await expect.poll(() => page.getByText(`共 ${OUTAGE_FILINGS} 条`).count()).toBe(1);
    const rows = page.getByTestId('queue-entries').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(20);
    for (const text of await rows.allTextContents()) expect(text).toContain('已上传');
    await shot('outage-queue-done');
    await page.locator(`.ant-pagination-item-${OUTAGE_FILINGS / 20}`).first().click();
    const oldest = page.locator('tr.ant-table-row', { hasText: filings[0]!.localNo });
    await oldest.waitFor();
    expect(await oldest.textContent()).toMatch(/已上传/);
    await oldest.getByRole('button', { name: '尝试记录' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '尝试记录' });
    await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    const attempts = await drawer.locator('tbody tr.ant-table-row').allTextContents();
    expect(attempts.some((a) => a.includes('未发出'))).toBe(true);
    const success = attempts.find((a) => a.includes('成功'));
    expect(success).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(success).toMatch(/秒|毫秒/);
    const platformMsgids = sim.inspect.exchanges({ infno: '2501' }).map((e) => e.msgid);
    expect(platformMsgids.some((m) => m && success!.includes(m))).toBe(true);
    await page.waitForFunction(settled);
    await page.screenshot({ path: join(SHOTS, 'outage-attempts.png') });
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

    await page.locator('.ant-segmented-item', { hasText: '已撤销' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(voided.localNo);
  }, TEST_TIMEOUT);

  it('holds the queue in a maintenance window, schedules one in Beijing time, and replays when it is cancelled', async () => {
    const now = Date.now();
    const endsAt = businessDateTime(new Date(now + 2 * 3_600_000)).slice(0, 16);
    valueOf(
      await desk.dispatch('maintenance.schedule', { startsAt: businessDateTime(new Date(now - 60_000)).slice(0, 16), endsAt, note: MAINTENANCE_NOTE }, admin),
    );
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('维护中');
    const end = businessParts(new Date(`${endsAt.replace(' ', 'T')}:00+08:00`));
    await expect.poll(bannerText).toContain(`医保平台维护中（至 ${Number(end.month)}月${Number(end.day)}日 ${end.hour}:${end.minute}）：备案照常保存和打印`);
    expect(await bannerText()).toContain(`维护说明：${MAINTENANCE_NOTE}`);

    const sentBefore = sim.inspect.exchanges({ infno: '2501' }).length;
    const held = [await createFiling(), await createFiling(), await createFiling()];
    await expect.poll(statusText).toContain('待上传 3');
    await openQueue('待上传');
    const rows = page.getByTestId('queue-entries').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    for (const text of await rows.allTextContents()) expect(text).toContain('维护结束后');
    const panel = page.getByTestId('maintenance-panel');
    await expect.poll(() => panel.locator('tr.ant-table-row', { hasText: MAINTENANCE_NOTE }).textContent()).toContain('维护中');
    await shot('maintenance-window');
    // Held: nothing of them was sent while the window is open.
    expect(sim.inspect.exchanges({ infno: '2501' })).toHaveLength(sentBefore);

    // A future window typed in Beijing time, in a browser that runs on Los Angeles time.
    await panel.getByRole('button', { name: '计划维护' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '时间均为北京时间' });
    await typeTime('maintenance_startsAt', '2030-12-11 18:00');
    await typeTime('maintenance_endsAt', '2030-12-12 08:00');
    await dialog.getByLabel('维护说明').fill('医保信息平台切换（演练）');
    await dialog.getByRole('button', { name: '保存' }).click();
    const future = panel.locator('tr.ant-table-row', { hasText: '医保信息平台切换（演练）' });
    await future.waitFor();
    expect(await future.textContent()).toContain('2030-12-11 18:00');
    expect(await future.textContent()).toContain('2030-12-12 08:00');
    expect(await future.textContent()).toContain('已计划');
    const listed = valueOf(await desk.dispatch('maintenance.list', {}, admin)).find((w) => w.note === '医保信息平台切换（演练）');
    expect(listed).toMatchObject({ startsAt: '2030-12-11T10:00:00.000Z', endsAt: '2030-12-12T00:00:00.000Z', state: 'scheduled' });

    // Ending the open window from the panel: the queue probes and replays the held filings.
    await panel.locator('tr.ant-table-row', { hasText: MAINTENANCE_NOTE }).getByRole('button', { name: '取消' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认取消' }).click();
    await expect.poll(() => panel.locator('tr.ant-table-row', { hasText: MAINTENANCE_NOTE }).textContent(), { timeout: QUEUE_TIMEOUT }).toContain('已取消');
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('待上传 0');
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('平台在线');
    expect(await bannerText()).toBe('');
    await page.locator('.ant-segmented-item', { hasText: '已上传' }).click();
    for (const h of held) await page.locator('tr.ant-table-row', { hasText: h.localNo }).getByText('已上传').waitFor();
    expect(compareWithPlatform(desk, sim)).toMatchObject({ missing: [], extra: [], uploaded: OUTAGE_FILINGS + held.length });
    await shot('maintenance-replayed');
  }, TEST_TIMEOUT);

  it('lets a reviewer resolve an unknown outcome with the serial read on the platform', async () => {
    // The platform files the upload and the connection drops before the answer; its query fails, so
    // the desk cannot settle the question itself.
    sim.faults.set({ drop: { infnos: ['2501'], remaining: 1 }, httpError: { status: 500, infnos: ['5304'] } });
    const f = await createFiling();
    const onPlatform = () => sim.inspect.referrals(f.personNo).filter((r) => r.target === f.target);
    await expect.poll(() => onPlatform().length, { timeout: QUEUE_TIMEOUT }).toBe(1);
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('待核实 1');

    await login('reviewer1', 'rev12345');
    expect(await page.getByRole('button', { name: '作废' }).count()).toBe(0);
    await openQueue('待核实');
    const row = page.locator('tr.ant-table-row', { hasText: f.localNo });
    await row.waitFor();
    expect(await row.getByRole('button', { name: '立即重试' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '全部立即重试' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '计划维护' }).count()).toBe(0);
    await row.getByRole('button', { name: '核实处理' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '核实结果' });
    await dialog.getByRole('radio', { name: '已在平台找到（填写平台备案流水号）' }).check();
    const serial = onPlatform()[0]!.serial;
    await dialog.getByLabel('平台备案流水号', { exact: true }).fill(serial);
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByText('请填写核实说明').waitFor(); // the reason is required
    await dialog.getByLabel('核实说明').fill('已在医保平台按姓名查询，备案已存在');
    await shot('uncertain-resolve');
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect.poll(statusText).toContain('待核实 0');
    sim.faults.clear();

    await page.locator('.ant-segmented-item', { hasText: '已上传' }).click();
    const resolved = page.locator('tr.ant-table-row', { hasText: f.localNo });
    await expect.poll(() => resolved.textContent()).toContain(serial);
    await resolved.getByRole('button', { name: '尝试记录' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '尝试记录' });
    await drawer.getByText('人工核实：平台已有').waitFor();
    expect(await drawer.textContent()).toContain('结果未知');
    expect(compareWithPlatform(desk, sim)).toMatchObject({ missing: [], extra: [], wrongSerial: [] });
  }, TEST_TIMEOUT);
});
