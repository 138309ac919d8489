// The foundation slice end to end: first-run setup → login → a referral typed with the keyboard →
// saved and listed as 待上传; a wrong ID check digit refused with the Chinese message; a reviewer
// without 新增备案. The desk runs in-process in training mode; Debian's Chromium drives the real build.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import type { WebHost } from '../../main/web/server';
import { businessDate } from '../../shared/domain/time';
import { prepareRenderer, shot as pageShot, startStation, type Station } from './harness';

const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 60_000;

const VALID_ID = '11010519491231002X';
const WRONG_CHECK_DIGIT_ID = '110105194912310021';
const BANNER = '演练模式：数据仅用于培训，不会上传到真实医保平台';

let station: Station;
let desk: Desk;
let host: WebHost;
let page: Page;

/** Screenshots wait for loading and antd's motions to finish, so they show the settled screen. */
const shot = (name: string) => pageShot(page, name, { spinners: true });
const focused = (id: string) => page.locator(`#${id}:focus`);

beforeAll(async () => {
  prepareRenderer();
  station = await startStation({ name: 'foundation', stepTimeout: STEP_TIMEOUT });
  ({ desk, host, page } = station);
});

afterAll(() => station?.close());

describe('foundation slice in the browser', () => {
  it('sets up the desk on first run and logs the administrator in', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByText(BANNER).isVisible()).toBe(true);
    await page.getByText('初始设置', { exact: true }).waitFor();

    await page.locator('#setup_institutionCode').fill('H34010100001');
    await page.locator('#setup_institutionName').fill('合肥市第一人民医院');
    await page.locator('#setup_regionCode').click();
    await page.keyboard.type('合肥');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-select', { has: page.locator('#setup_regionCode') }).textContent()).toContain('合肥市');
    await page.locator('#setup_adminUsername').fill('admin');
    await page.locator('#setup_adminDisplayName').fill('王管理');
    await page.locator('#setup_adminPassword').fill('abc12345');
    await page.locator('#setup_confirmPassword').fill('abc12345');
    await shot('01-setup');
    await page.getByRole('button', { name: '完成设置' }).click();

    await page.getByText('初始设置已完成，请用管理员账号登录').waitFor();
    expect(await page.locator('#login_username').inputValue()).toBe('admin');
    await page.locator('#login_password').fill('abc12345');
    await shot('02-login');
    await page.keyboard.press('Enter');

    await page.getByText('暂无备案').waitFor();
    expect(await page.getByTestId('institution-name').textContent()).toBe('合肥市第一人民医院');
    expect(await page.getByTestId('operator').textContent()).toContain('王管理');
    expect(await page.getByTestId('operator').textContent()).toContain('管理员');
    expect(await page.getByTestId('queue-status').textContent()).toContain('待上传 0');
    expect(await page.getByText(BANNER).isVisible()).toBe(true);
    await shot('03-list-empty');
  }, TEST_TIMEOUT);

  it('saves a referral typed with the keyboard and lists it as 待上传', async () => {
    await page.getByRole('button', { name: '新增备案' }).first().click();
    await focused('filing_insuranceType').waitFor();
    const kb = page.keyboard;

    await kb.press('Enter'); // opens 险种类别
    await kb.press('Enter'); // takes 职工医保, moves on
    await focused('filing_certType').waitFor();
    await kb.press('Enter'); // 居民身份证 is preset
    await focused('filing_certNo').waitFor();
    await kb.type(VALID_ID); // as a card reader would: digits, then Enter
    await kb.press('Enter');
    await focused('filing_personName').waitFor();
    await kb.type('张三');
    await kb.press('Enter');
    await focused('filing_startDate').waitFor();
    expect(await page.locator('#filing_startDate').inputValue()).toBe(businessDate(new Date()));
    await kb.press('Enter');
    await focused('filing_details_destinationRegion').waitFor();
    await kb.type('上海');
    await kb.press('Enter');
    await focused('filing_details_diagnosisName').waitFor();
    await kb.type('肺恶性肿瘤');
    await kb.press('Enter');
    await kb.type('C34.9');
    await kb.press('Enter');
    await focused('filing_details_referralKind').waitFor();
    await kb.press('Enter'); // opens 异地转诊类型
    await kb.press('Enter'); // takes 转外省就医
    await focused('filing_details_referralReason').waitFor();
    await kb.type('本院无放疗条件');
    await kb.press('Enter');
    await focused('filing_details_phone').waitFor();
    await kb.type('13800138000');
    // Nothing was submitted on the way: no error alert, still on the form.
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(await page.getByText('上海市').first().isVisible()).toBe(true);
    await shot('04-referral-filled');
    await kb.press('Enter'); // the last field saves

    await page.getByText('备案已保存').waitFor();
    const savedText = (await page.getByTestId('saved-local-no').textContent()) ?? '';
    const localNo = /\d{8}-\d{4}/.exec(savedText)?.[0];
    expect(localNo).toBeDefined();
    await shot('05-referral-saved');
    await kb.press('Enter'); // 返回备案列表 has focus

    const row = page.locator('tr', { hasText: localNo! });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual([
      localNo,
      '张三',
      '1101**********002X',
      '异地转诊人员',
      '上海市',
      businessDate(new Date()),
      '出院结算时填写',
      '待上传',
      expect.stringMatching(new RegExp(`^${businessDate(new Date())} \\d{2}:\\d{2}$`)),
    ]);
    await expect.poll(() => page.getByTestId('queue-status').textContent()).toContain('待上传 1');

    // Search by pinyin initials finds the person.
    await page.getByLabel('查询备案').fill('zs');
    await page.getByLabel('查询备案').press('Enter');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot('06-list-with-referral');
  }, TEST_TIMEOUT);

  it('refuses a wrong ID check digit with the Chinese message under 个人编号', async () => {
    await page.getByRole('button', { name: '新增备案' }).first().click();
    await focused('filing_insuranceType').waitFor();
    const kb = page.keyboard;
    await kb.press('Enter');
    await kb.press('Enter');
    await focused('filing_certType').waitFor();
    await kb.press('Enter');
    await kb.type(WRONG_CHECK_DIGIT_ID);
    await kb.press('Enter');
    await kb.type('李四');
    await kb.press('Control+S');

    const help = page.locator('#filing_certNo_help');
    await expect.poll(() => help.textContent()).toContain('身份证号校验位不正确，请核对第18位');
    expect(await page.locator('.ant-alert-error').textContent()).toContain('身份证号校验位不正确');
    await focused('filing_certNo').waitFor(); // the first field to fix has focus
    await shot('07-referral-bad-id');

    // Fixing the number takes the message away.
    await page.locator('#filing_certNo').fill(VALID_ID);
    await expect.poll(() => help.count()).toBe(0);
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByText('备案列表', { exact: true }).first().waitFor();
  }, TEST_TIMEOUT);

  it('does not offer 新增备案 to a reviewer', async () => {
    const admin = await desk.dispatch('auth.login', { username: 'admin', password: 'abc12345' }, null);
    if (!admin.ok) throw new Error(admin.message);
    const created = await desk.dispatch(
      'operator.create',
      { username: 'reviewer1', displayName: '李复核', role: 'reviewer', password: 'rev12345' },
      desk.sessions.get(admin.value.token),
    );
    expect(created.ok).toBe(true);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#login_username').fill('reviewer1');
    await page.locator('#login_password').fill('rev12345');
    await page.keyboard.press('Enter');
    await page.getByTestId('operator').getByText('复核员').waitFor();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: '新增备案' }).count()).toBe(0);
    expect(await page.getByText(BANNER).isVisible()).toBe(true);
    await shot('08-reviewer-list');
  }, TEST_TIMEOUT);
});
