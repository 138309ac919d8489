// Administration end to end: an admin creates an operator and resets their password, the operator
// must choose a new one at login; wrong passwords lock an account with the unlock time; the idle lock
// covers the screen and holds the session on the server until the password is typed; the reports
// screen draws its chart and exports an Excel file that reads back. Debian's Chromium drives the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { businessDate } from '../../shared/domain/time';
import { referral } from '../helpers/desk';
import { prepareRenderer, shot as pageShot, shotOnFailure, startStation, valueOf as value, type Station } from './harness';

// Generous: these machines share two cores between many test runs.
const STEP_TIMEOUT = 30_000;
const TEST_TIMEOUT = 150_000;
const SESSION_KEY = 'yibao-desk.session';

let station: Station;
let desk: Desk;
let page: Page;
let admin: Session;

const tempDir = (prefix: string) => station.tempDir(prefix);
const shot = (name: string) => pageShot(page, `admin-${name}`, { spinners: true, motions: false });

async function login(username: string, password: string): Promise<void> {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  // The previous attempt has finished (its button is no longer loading) before the next one starts.
  await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
  await page.locator('#login_password').press('Enter');
}

async function logout(): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#login_username').waitFor();
}

async function openManage(label: string): Promise<void> {
  await page.getByTestId('manage-menu').hover();
  await page.getByRole('menuitem', { name: label }).click();
  await page.mouse.move(1300, 880); // let the menu close before screenshots
}

beforeAll(async () => {
  prepareRenderer();
  station = await startStation({
    name: 'admin',
    setup: { institutionCode: 'H34010100009', institutionName: '演练管理医院', regionCode: '340100', adminUsername: 'chief', adminDisplayName: '陈主任', adminPassword: 'chief2026A' },
    browser: { acceptDownloads: true },
    stepTimeout: STEP_TIMEOUT,
  });
  ({ desk, page } = station);
  admin = station.admin!;
  value(await desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, admin));
  // Two filings today for the report.
  for (const [first17, name, destination] of [
    ['11010119600101101', '赵一', '310000'],
    ['11010119600101102', '钱二', '320100'],
  ] as const) {
    const base = referral();
    const certNo = first17 + idCardCheckChar(first17);
    value(await desk.dispatch('filing.create', { ...base, certNo, personName: name, startDate: businessDate(new Date()), details: { ...base.details, destinationRegion: destination } }, admin));
  }
  await page.clock.install();
  await page.goto(station.host.url);
}, 120_000);

// A failed step leaves a picture of the page for whoever reads the run.
afterEach((ctx) => shotOnFailure(ctx, page, 'admin', true));

afterAll(() => station?.close());

describe('administration in the browser', () => {
  it('creates an operator from 操作员管理', async () => {
    await login('chief', 'chief2026A');
    await page.getByTestId('operator').getByText('陈主任').waitFor();
    await openManage('操作员管理');
    await page.getByRole('button', { name: '新建操作员' }).click();
    await page.locator('#create_operator_username').fill('clerk1');
    await page.locator('#create_operator_displayName').fill('孙经办');
    await page.locator('#create_operator_password').fill('clerk1');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await expect.poll(() => page.locator('#create_operator_password_help').textContent()).toContain('密码至少8位');
    await page.locator('#create_operator_password').fill('Desk2026ab');
    // Not by its exact name: after the refused attempt antd may keep the collapsed loading icon
    // (role img, "loading") until its leave animation ends, and then the name is "loading 创建".
    await page.locator('.ant-modal-footer .ant-btn-primary', { hasText: '创建' }).click();
    const row = page.locator('tr', { hasText: 'clerk1' });
    await row.waitFor();
    expect(await row.textContent()).toContain('孙经办');
    await shot('01-operators');
  }, TEST_TIMEOUT);

  it('resets the password; the operator must choose a new one at the next login', async () => {
    await page.locator('tr', { hasText: 'clerk1' }).getByRole('button', { name: '重置密码' }).click();
    await page.locator('#reset_password_password').fill('Temp2026xy');
    await page.getByRole('button', { name: '重置密码', exact: true }).last().click();
    await page.locator('tr', { hasText: 'clerk1' }).getByText('待设置新密码').waitFor();
    await logout();

    await login('clerk1', 'Temp2026xy');
    await page.getByText('管理员已重置您的密码，请设置自己的新密码后继续。', { exact: false }).waitFor();
    await page.locator('#change_password_newPassword').fill('Mine2026ab');
    await page.locator('#change_password_confirm').fill('Mine2026ab');
    await shot('02-forced-change');
    await page.getByRole('button', { name: '保存并进入工作台' }).click();
    await page.getByTestId('operator').getByText('孙经办').waitFor();
    await logout();
    await login('clerk1', 'Mine2026ab');
    await page.getByTestId('operator').getByText('孙经办').waitFor();
    await logout();
  }, TEST_TIMEOUT);

  it('locks an account after the configured wrong passwords and says when it unlocks', async () => {
    value(await desk.dispatch('settings.security.set', { loginMaxAttempts: 3, lockoutMinutes: 15, idleLockMinutes: 10 }, admin));
    for (let i = 0; i < 2; i += 1) {
      await login('clerk1', 'wrong2026');
      await page.getByRole('alert').getByText('登录名或密码不正确，请重新输入').waitFor();
    }
    await login('clerk1', 'wrong2026');
    const alert = page.getByRole('alert').filter({ hasText: '账号已锁定' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/密码连续错误3次，账号已锁定，将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）自动解锁/);
    await shot('03-locked-out');
    // The right password waits for the lock too.
    await login('clerk1', 'Mine2026ab');
    // A refused login clears the password field; the lock message stays and the workspace does not open.
    await expect.poll(() => page.locator('#login_password').inputValue()).toBe('');
    expect(await page.getByRole('alert').filter({ hasText: '账号已锁定' }).count()).toBe(1);
    expect(await page.getByTestId('operator').count()).toBe(0);
  }, TEST_TIMEOUT);

  it('locks the idle screen, holds the session on the server, and unlocks with the password', async () => {
    await login('chief', 'chief2026A');
    await page.getByTestId('operator').getByText('陈主任').waitFor();
    await page.clock.fastForward('10:30');
    const cover = page.getByTestId('idle-lock');
    await cover.waitFor();
    expect(await cover.textContent()).toContain('10分钟无操作，屏幕已锁定');
    const token = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
    const session = desk.sessions.get(token);
    expect(session?.locked).toBe(true);
    expect(await desk.dispatch('filing.list', {}, session)).toMatchObject({ ok: false, message: '屏幕已锁定，请输入密码解锁后继续' });
    await shot('04-idle-lock');

    await page.locator('#unlock_password').fill('wrong2026');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.locator('#unlock_password_help').textContent()).toContain('密码不正确');
    await page.locator('#unlock_password').fill('chief2026A');
    await page.getByRole('button', { name: '解锁' }).click();
    await cover.waitFor({ state: 'detached' });
    expect(desk.sessions.get(token)?.locked).toBe(false);
    expect((await desk.dispatch('filing.list', {}, session)).ok).toBe(true);
  }, TEST_TIMEOUT);

  it('draws the report chart and exports an Excel file with Chinese headers', async () => {
    await openManage('统计报表');
    const series = page.getByTestId('report-series');
    await series.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.ant-statistic', { hasText: '备案总数' }).textContent()).toContain('2');
    await shot('05-reports');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^备案统计_\d{8}-\d{8}\.xlsx$/);
    const path = join(tempDir('desk-e2e-xlsx-'), 'report.xlsx');
    await file.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按日统计', '按备案类型', '按就医地', '按状态', '按经办人', '上传情况']);
    const header = (book.getWorksheet('按就医地')?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['省份', '城市', '区划代码', '备案数']);
    const today = businessDate(new Date());
    const daily: unknown[][] = [];
    book.getWorksheet('按日统计')?.eachRow((row) => daily.push((row.values as unknown[]).slice(1)));
    expect(daily.find((r) => r[0] === today)?.[1]).toBe(2);
  }, TEST_TIMEOUT);

  it('shows the reset and the lockout in 审计日志', async () => {
    await openManage('审计日志');
    await page.locator('tr', { hasText: '重置密码' }).first().waitFor();
    await page.locator('tr', { hasText: '账号锁定（密码错误次数过多）' }).first().waitFor();
    await page.locator('tr', { hasText: '重置密码' }).first().getByRole('button', { name: '查看' }).click();
    await page.getByText('"mustChangePassword": true').waitFor();
    await shot('06-audit');
    await page.locator('.ant-drawer-close').click();
    await page.getByText('审计详情').waitFor({ state: 'hidden' });
  }, TEST_TIMEOUT);

  it('changes the idle lock and shows every settings panel on 系统设置', async () => {
    await openManage('系统设置');
    await page.getByText('恶性肿瘤', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: '打开平台切换' }).count()).toBe(1);
    expect(await page.getByText('小票纸宽').count()).toBe(1);
    await page.locator('#security_settings_idleLockMinutes').fill('5');
    await page.getByRole('button', { name: '保存登录与锁屏设置' }).click();
    await page.getByText('登录与锁屏设置已保存', { exact: false }).waitFor();
    expect(value(await desk.dispatch('settings.security.get', {}, admin)).idleLockMinutes).toBe(5);
    await page.locator('#institution_settings_name').fill('演练管理医院（新院区）');
    await page.getByRole('button', { name: '保存机构信息' }).click();
    await page.getByText('机构信息已保存', { exact: false }).waitFor();
    expect(value(await desk.dispatch('app.info', {}, null)).institution?.name).toBe('演练管理医院（新院区）');
    await shot('07-settings');
  }, TEST_TIMEOUT);
});
