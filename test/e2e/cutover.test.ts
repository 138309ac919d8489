// A platform cut-over end to end (seed 001_60741e77fa0d4bdb.txt: Hefei 2021), in Debian's Chromium
// against the real renderer build. The desk is wired as training mode wires it (main/app/platform-wiring.ts:
// a switchable platform over the simulator). The browser runs in America/Los_Angeles; times are Beijing time.
// 1. A maintenance window scheduled in the panel; a paper referral back-entered and a desk filing made
//    during it; the banner; the window ended; the replay (back-entry first), each filing once.
// 2. The profile panel's dry-run connection test.
// 3. The import wizard on a GBK export: mapping, preview with bad rows, import; the clean-up report
//    (dry run), applied, undone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { regionLabel } from '../../shared/domain/regions';
import { addDays, businessDate, businessDateTime } from '../../shared/domain/time';
import type { Desk } from '../../main/app/desk';
import { platformFor } from '../../main/app/platform-wiring';
import type { Session } from '../../main/app/sessions';
import type { Simulator } from '../../main/platform/sim/server';
import { BAD_ROWS, csvGbk, exportRows, RULE_ROWS } from '../cutover/fixtures';
import { SIM_SETUP, simReferral } from '../sync/sim';
import { browserLogin, prepareRenderer, settled, shot as pageShot, shotOnFailure, startStation, valueOf, type Station } from './harness';

const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 120_000;
const QUEUE_TIMEOUT = 40_000;
const NOTE = '新平台切换（演练）';

let station: Station;
let sim: Simulator;
let desk: Desk;
let page: Page;
let admin: Session;

const tempDir = (prefix: string) => station.tempDir(prefix);

const statusText = async () => (await page.getByTestId('queue-status').textContent()) ?? '';
const bannerText = async () => ((await page.getByTestId('outage-banner').count()) ? ((await page.getByTestId('outage-banner').textContent()) ?? '') : '');

async function menu(label: string): Promise<void> {
  const direct = page.getByRole('button', { name: label, exact: true });
  if (await direct.count()) return direct.first().click();
  await page.getByTestId('manage-menu').hover();
  await page.getByRole('menuitem', { name: label }).click();
}

async function typeTime(id: string, text: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(text);
}

/** Clicks a Popconfirm's button once its opening animation has finished (a click mid-zoom can miss). */
async function confirm(name: string): Promise<void> {
  const button = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
  await button.waitFor();
  await page.waitForFunction(settled);
  await button.click();
  await page.locator('.ant-popconfirm:not(.ant-popover-hidden)').waitFor({ state: 'detached' }).catch(() => undefined);
}

const shot = (name: string) => pageShot(page, name);

beforeAll(async () => {
  prepareRenderer();
  station = await startStation({
    name: 'cutover',
    setup: SIM_SETUP,
    simulator: { port: 0, latencyMs: 50 },
    platform: (simulator) => ({ ...platformFor(simulator.url, {}, true), breaker: { probe: { baseMs: 500, capMs: 3_000 } } }),
    browser: { viewport: { width: 1440, height: 900 }, timezoneId: 'America/Los_Angeles' },
    stepTimeout: STEP_TIMEOUT,
  });
  ({ desk, page } = station);
  sim = station.sim!;
  admin = station.admin!;
  await browserLogin(page, SIM_SETUP.adminUsername, SIM_SETUP.adminPassword, station.host.url);
});

afterEach((ctx) => shotOnFailure(ctx, page, 'cutover'));

afterAll(() => station?.close());

describe('a platform cut-over in the browser', () => {
  it('holds filings and a back-entry in a maintenance window, shows the banner, and replays them when it ends', async () => {
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('平台在线');

    // Schedule the window in the panel, in Beijing time: from this minute for two hours.
    await menu('上传队列');
    const panel = page.getByTestId('maintenance-panel');
    await panel.getByRole('button', { name: '计划维护' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '时间均为北京时间' });
    const now = Date.now();
    await typeTime('maintenance_startsAt', businessDateTime(new Date(now)).slice(0, 16));
    await typeTime('maintenance_endsAt', businessDateTime(new Date(now + 2 * 3_600_000)).slice(0, 16));
    await dialog.getByLabel('维护说明').fill(NOTE);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('维护中');
    await expect.poll(bannerText).toContain('医保平台维护中');
    expect(await bannerText()).toContain(`维护说明：${NOTE}`);

    // A paper referral issued yesterday, back-entered through the form during the window.
    const paper = simReferral(40);
    const yesterday = addDays(businessDate(new Date()), -1);
    await menu('补录纸质备案');
    const screen = page.getByTestId('back-entry-screen');
    await page.locator('#backEntry_paperNo').fill('ZZ-2021-0001');
    const dateInput = page.locator('#backEntry_originalDate');
    await dateInput.click();
    await dateInput.press('Control+A');
    await dateInput.pressSequentially(yesterday);
    await dateInput.press('Enter');
    await page.locator('#backEntry_filing_certNo').fill(paper.certNo);
    await page.locator('#backEntry_filing_personName').fill(paper.personName);
    await page.locator('#backEntry_filing_details_personNo').fill(paper.details.personNo!);
    await page.locator('#backEntry_filing_details_insuredRegion').fill(paper.details.insuredRegion!);
    await page.locator('#backEntry_filing_details_destinationInstitutionCode').fill(paper.details.destinationInstitutionCode!);
    await page.locator('#backEntry_filing_details_destinationInstitutionName').fill(paper.details.destinationInstitutionName!);
    await page.locator('#backEntry_filing_details_destinationRegion').click();
    await page.keyboard.type(regionLabel(paper.details.destinationRegion).split(' ').at(-1)!);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-select', { has: page.locator('#backEntry_filing_details_destinationRegion') }).textContent()).toContain(regionLabel(paper.details.destinationRegion).split(' ').at(-1)!);
    await page.locator('#backEntry_filing_details_diagnosisCode').fill(paper.details.diagnosisCode!);
    await page.locator('#backEntry_filing_details_diagnosisName').fill(paper.details.diagnosisName);
    await page.locator('#backEntry_filing_details_referralReason').fill('本院无相应诊疗条件');
    await page.locator('#backEntry_filing_details_phone').fill('13800000000');
    await screen.getByRole('button', { name: '保存补录' }).click();
    const row = screen.locator('tr.ant-table-row', { hasText: 'ZZ-2021-0001' });
    await row.waitFor();
    expect(await row.textContent()).toContain(yesterday);
    expect(await row.textContent()).toContain('待上传');

    // And a filing typed at the desk meanwhile.
    valueOf(await desk.dispatch('filing.create', simReferral(41), admin));
    await expect.poll(statusText).toContain('待上传 2');
    expect(sim.inspect.exchanges({ infno: '2501' })).toHaveLength(0);
    await shot('cutover-maintenance');

    // End the window from the panel: probe, then the replay, the paper first.
    await menu('上传队列');
    await panel.locator('tr.ant-table-row', { hasText: NOTE }).getByRole('button', { name: '取消' }).click();
    await confirm('确认取消');
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('待上传 0');
    await expect.poll(statusText, { timeout: QUEUE_TIMEOUT }).toContain('平台在线');
    expect(await bannerText()).toBe('');
    const arrived = sim.inspect
      .exchanges({ infno: '2501' })
      .filter((e) => e.infcode === 0)
      .map((e) => JSON.stringify(e.envelope));
    expect(arrived).toHaveLength(2);
    // The paper came first: back-entries replay ahead of filings typed at the desk after them.
    expect(arrived[0]).toContain(paper.details.personNo!);
    await menu('补录纸质备案');
    await expect.poll(() => page.getByTestId('back-entry-screen').locator('tr.ant-table-row', { hasText: 'ZZ-2021-0001' }).textContent()).toContain('已上传');
    await shot('cutover-replayed');
  }, TEST_TIMEOUT);

  it('tests a candidate platform profile without switching', async () => {
    await menu('平台切换');
    const panel = page.getByTestId('profile-panel');
    await panel.getByRole('button', { name: '连接测试（不切换）' }).click();
    await expect.poll(() => page.getByTestId('profile-test-result').textContent()).toContain('连接测试成功');
    expect(await panel.textContent()).toContain('启动配置');
  }, TEST_TIMEOUT);

  it('imports a GBK export with bad rows listed, then runs the clean-up report as a dry run, applies and undoes it', async () => {
    await menu('平台切换');
    await page.getByRole('tab', { name: '历史数据导入' }).click();
    const file = join(tempDir('desk-e2e-cutover-file-'), '转诊信息.csv');
    writeFileSync(file, csvGbk(exportRows([...RULE_ROWS, ...BAD_ROWS.map((b) => b.row)])));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-wizard').getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(file);
    await page.getByText('CSV GB18030（GBK）').waitFor();
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect.poll(() => page.getByTestId('import-preview-summary').textContent()).toContain(`可导入 ${RULE_ROWS.length} 行，有问题 ${BAD_ROWS.length} 行`);
    expect(await page.getByTestId('import-errors').textContent()).toContain('身份证号校验位不正确');
    await shot('cutover-import-preview');
    await page.getByRole('button', { name: `导入 ${RULE_ROWS.length} 行` }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain(`已导入 ${RULE_ROWS.length} 条`);

    await page.getByRole('tab', { name: '历史数据清理' }).click();
    await page.getByRole('button', { name: '生成清理报告（预演）' }).click();
    const report = page.getByTestId('cleanup-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('待执行（仅预演）');
    expect(await report.locator('tr.ant-table-row', { hasText: 'A009' }).textContent()).toContain('需人工核对');
    await shot('cutover-cleanup-report');
    await report.getByRole('button', { name: '执行' }).click();
    await confirm('执行');
    await expect.poll(() => report.textContent()).toContain('已执行');
    const voided = () => (desk.db.sqlite.prepare("SELECT count(*) AS n FROM filings WHERE origin = 'import' AND status = 'voided'").get() as { n: number }).n;
    expect(voided()).toBe(6);
    await report.getByRole('button', { name: '撤销此报告' }).click();
    await confirm('撤销');
    await expect.poll(() => report.textContent()).toContain('已撤销');
    expect(voided()).toBe(0);
  }, TEST_TIMEOUT);
});
