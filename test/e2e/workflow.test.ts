// Issue 5's workflow screens end to end, in Debian's Chromium against the real renderer build. The
// desk runs in-process with the upload queue filing to the platform simulator (as training mode).
// Filings are saved through the contract as their filer (the new-filing form has its own e2e); every
// workflow step after that is done on screen:
// 1. A review round trip under sanming (审核人员复核通过): the reviewer returns the filing with a
//    reason, the filer sees it in the list and the detail, edits and saves (back to 待复核), the
//    reviewer approves, and it is queued and uploaded; the timeline tells every step with who and when.
// 2. 作废 of the uploaded filing from its detail: the reason is required, a 备案撤销 goes to the
//    platform, and the timeline shows the void and the cancel's attempt with its msgid.
// 3. A filing the platform refuses (a diagnosis code outside its catalogue) is fixed from the queue
//    screen's 被退回 dialog in the editor; saving resubmits it and it is uploaded exactly once.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { Desk } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import type { Simulator } from '../../main/platform/sim/server';
import { queueStats } from '../../db/repositories/outbox';
import { SIM_SETUP, simReferral } from '../sync/sim';
import { browserLogin, prepareRenderer, sessionOf, shot as pageShot, shotOnFailure, startStation, valueOf, type Station } from './harness';

const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 120_000;
const QUEUE_TIMEOUT = 40_000;

const FILER = { username: 'filer1', password: 'filer12345', displayName: '王经办' };
const REVIEWER = { username: 'reviewer1', password: 'rev12345', displayName: '李复核' };
const RETURN_REASON = '转诊理由过于笼统，请写明本院缺少的诊疗条件';
const FIXED_REASON = '本院无直线加速器，需转上级医院放疗';
const VOID_REASON = '患者改在本地治疗，取消转诊';
const WRONG_DIAGNOSIS = 'X99.999';

let station: Station;
let sim: Simulator;
let desk: Desk;
let page: Page;
let admin: Session;
let filer: Session;

type ReferralRequest = Extract<RequestOf<'filing.create'>, { type: 'referral' }>;
const referral = (n: number) => simReferral(n) as ReferralRequest;

const shot = (name: string) => pageShot(page, name, { spinners: true, timeout: STEP_TIMEOUT });

async function login(username: string, password: string): Promise<void> {
  const logout = page.getByRole('button', { name: '退出登录' });
  const loggedIn = (await logout.count()) > 0;
  if (loggedIn) await logout.click();
  await browserLogin(page, username, password, loggedIn ? undefined : station.host.url);
}

const nav = (label: string) => page.getByRole('button', { name: label, exact: true }).click();
const drawer = () => page.locator('.ant-drawer', { hasText: '备案详情' });
const modal = (title: string) => page.locator('.ant-modal:visible').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const timelineText = async () => (await drawer().getByTestId('filing-timeline').textContent()) ?? '';

/** The detail scrolled to its 办理记录, for the screenshot. */
async function timelineShot(name: string): Promise<void> {
  await drawer().getByTestId('filing-timeline').scrollIntoViewIfNeeded();
  await shot(name);
}

async function closeDrawer(): Promise<void> {
  await drawer().locator('.ant-drawer-close').click();
  await expect.poll(() => drawer().isVisible(), { timeout: STEP_TIMEOUT }).toBe(false);
}

/** Opens a filing's detail from 备案列表 by its number. */
async function openFromList(localNo: string): Promise<void> {
  await nav('备案列表');
  const row = page.locator('tr.ant-table-row', { hasText: localNo });
  await row.getByTestId('row-open').click();
  await drawer().getByTestId('filing-detail').waitFor();
}

beforeAll(async () => {
  prepareRenderer();
  station = await startStation({
    name: 'workflow',
    setup: SIM_SETUP,
    simulator: { port: 0, latencyMs: 50 },
    browser: { viewport: { width: 1440, height: 900 }, timezoneId: 'America/Los_Angeles' },
    stepTimeout: STEP_TIMEOUT,
  });
  ({ desk, page } = station);
  sim = station.sim!;
  admin = station.admin!;
  for (const [who, role] of [
    [FILER, 'operator'],
    [REVIEWER, 'reviewer'],
  ] as const) {
    valueOf(await desk.dispatch('operator.create', { username: who.username, displayName: who.displayName, role, password: who.password }, admin));
  }
  filer = await sessionOf(desk, FILER.username, FILER.password);
});

afterEach((ctx) => shotOnFailure(ctx, page, 'workflow'));

afterAll(() => station?.close());

describe('review, edit, void and resubmit in the browser', () => {
  let reviewed: { id: string; localNo: string; personNo: string; target: string };

  it('takes a filing through 复核: returned with a reason, fixed by its filer, approved and uploaded', async () => {
    valueOf(await desk.dispatch('settings.policy.set', { profileId: 'sanming' }, admin));
    const request = referral(0);
    const saved = valueOf(await desk.dispatch('filing.create', request, filer));
    reviewed = { id: saved.id, localNo: saved.localNo, personNo: request.details.personNo!, target: request.details.destinationInstitutionCode! };
    expect(saved.reviewStatus).toBe('pending_review');

    // The reviewer returns it with a reason (required).
    await login(REVIEWER.username, REVIEWER.password);
    await nav('复核');
    const row = page.getByTestId('review-list').locator('tr.ant-table-row', { hasText: saved.localNo });
    await row.getByRole('button', { name: '复核' }).click();
    await drawer().getByTestId('filing-detail').waitFor();
    expect(await drawer().textContent()).toContain('待复核：复核通过后才排队上传到医保平台');
    await shot('workflow-01-review-open');
    await drawer().getByRole('button', { name: '退回', exact: true }).click();
    const back = modal('复核退回');
    await back.getByRole('button', { name: '确认退回' }).click();
    await back.getByText('请填写退回原因，写明需要经办人修改什么').waitFor();
    await back.getByLabel('退回原因').fill(RETURN_REASON);
    await back.getByRole('button', { name: '确认退回' }).click();
    await expect.poll(() => back.isVisible(), { timeout: STEP_TIMEOUT }).toBe(false);
    await closeDrawer();
    await expect.poll(() => page.getByTestId('review-list').locator('tr.ant-table-row', { hasText: saved.localNo }).count(), { timeout: STEP_TIMEOUT }).toBe(0);

    // The filer sees 复核退回 in the list and the reason in the detail, edits and resubmits.
    await login(FILER.username, FILER.password);
    const listed = page.locator('tr.ant-table-row', { hasText: saved.localNo });
    await expect.poll(() => listed.textContent(), { timeout: STEP_TIMEOUT }).toContain('复核退回');
    await openFromList(saved.localNo);
    expect(await drawer().getByTestId('return-reason').textContent()).toContain(RETURN_REASON);
    await shot('workflow-02-returned-seen-by-filer');
    await drawer().getByRole('button', { name: '修改', exact: true }).click();
    const edit = modal('修改备案');
    await edit.getByTestId('edit-effect').waitFor();
    expect(await edit.getByTestId('edit-effect').textContent()).toContain('备案重新进入待复核');
    const reason = page.locator('#filing_details_referralReason');
    await reason.waitFor();
    expect(await reason.inputValue()).toBe(request.details.referralReason);
    await reason.fill(FIXED_REASON);
    await shot('workflow-03-edit-returned');
    await edit.getByRole('button', { name: /保存/ }).click();
    await page.getByText(`备案 ${saved.localNo} 已修改，已重新提交复核`).waitFor();
    await expect.poll(() => drawer().textContent(), { timeout: STEP_TIMEOUT }).toContain('待复核：复核通过后才排队上传到医保平台');
    await expect.poll(timelineText, { timeout: STEP_TIMEOUT }).toContain('修改备案');
    expect(await timelineText()).toContain(`异地转诊理由：${request.details.referralReason} → ${FIXED_REASON}`);
    await closeDrawer();

    // The reviewer approves: queued and uploaded.
    await login(REVIEWER.username, REVIEWER.password);
    await nav('复核');
    await page.getByTestId('review-list').locator('tr.ant-table-row', { hasText: saved.localNo }).getByRole('button', { name: '复核' }).click();
    await drawer().getByTestId('filing-detail').waitFor();
    await drawer().getByRole('button', { name: '复核通过' }).click();
    await page.getByText(`备案 ${saved.localNo} 复核通过，已排队上传`).waitFor();
    await expect.poll(() => drawer().getByTestId('platform-serial').count(), { timeout: QUEUE_TIMEOUT }).toBe(1);
    const serial = (await drawer().getByTestId('platform-serial').textContent()) ?? '';
    const timeline = await timelineText();
    for (const step of ['新建备案', `复核退回`, RETURN_REASON, '修改备案', '复核通过', '备案上传：上传成功', `平台流水号 ${serial}`]) expect(timeline).toContain(step);
    expect(timeline).toContain(FILER.displayName);
    expect(timeline).toContain(REVIEWER.displayName);
    expect(timeline).toMatch(/msgid H\d{25}/);
    await timelineShot('workflow-04-approved-uploaded');
    const onPlatform = sim.inspect.referrals(reviewed.personNo).filter((f) => f.target === reviewed.target);
    expect(onPlatform.map((f) => f.serial)).toEqual([serial]);
    await closeDrawer();
  }, TEST_TIMEOUT);

  it('voids the uploaded filing with a required reason and cancels it on the platform', async () => {
    await login(FILER.username, FILER.password);
    await openFromList(reviewed.localNo);
    expect(await drawer().getByTestId('edit-path').textContent()).toContain('平台不支持直接修改');
    expect(await drawer().getByRole('button', { name: '修改', exact: true }).isDisabled()).toBe(true);
    await drawer().getByRole('button', { name: '作废后重新备案' }).click();
    const dialog = modal('作废备案');
    await dialog.getByText('该备案已上传到医保平台：作废后将自动向平台提交备案撤销。').waitFor();
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await dialog.getByText('请填写作废原因').waitFor();
    await dialog.getByLabel('作废原因').fill(VOID_REASON);
    await shot('workflow-05-void-reason');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    // 作废后重新备案: the new-filing screen opens for the corrected filing.
    await page.getByText(`备案 ${reviewed.localNo} 已作废`).waitFor();
    await expect.poll(() => drawer().isVisible(), { timeout: STEP_TIMEOUT }).toBe(false);
    await expect.poll(() => sim.inspect.referrals(reviewed.personNo).filter((f) => f.target === reviewed.target && f.status === 'active').length, { timeout: QUEUE_TIMEOUT }).toBe(0);

    await openFromList(reviewed.localNo);
    await expect.poll(timelineText, { timeout: QUEUE_TIMEOUT }).toContain('备案撤销：撤销成功');
    const timeline = await timelineText();
    expect(timeline).toContain('作废备案');
    expect(timeline).toContain(`${VOID_REASON}；已排队向平台提交备案撤销`);
    expect(await drawer().textContent()).toContain('该备案已作废');
    expect(await drawer().getByRole('button', { name: '作废' }).count()).toBe(0);
    await timelineShot('workflow-06-voided-timeline');
    await closeDrawer();
  }, TEST_TIMEOUT);

  it('fixes a filing the platform refused from the queue screen, and saving resubmits it', async () => {
    valueOf(await desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, admin));
    const good = referral(1);
    const wrong: ReferralRequest = { ...good, details: { ...good.details, diagnosisCode: WRONG_DIAGNOSIS } };
    const saved = valueOf(await desk.dispatch('filing.create', wrong, filer));
    await expect.poll(() => queueStats(desk.db.db).rejected, { timeout: QUEUE_TIMEOUT }).toBe(1);

    await login(FILER.username, FILER.password);
    await nav('上传队列');
    await page.locator('.ant-segmented-item', { hasText: '被退回' }).first().click();
    const row = page.getByTestId('queue-entries').locator('tr.ant-table-row', { hasText: saved.localNo });
    await row.getByRole('button', { name: '退回处理' }).click();
    const dialog = modal('被退回的备案');
    expect(await dialog.getByTestId('rejected-reason').textContent()).toContain(`诊断代码[${WRONG_DIAGNOSIS}]不在医保疾病诊断目录中`);
    await shot('workflow-07-rejected-dialog');
    await dialog.getByRole('button', { name: '修改备案' }).click();
    const edit = modal('修改备案');
    expect(await edit.textContent()).toContain(`诊断代码[${WRONG_DIAGNOSIS}]不在医保疾病诊断目录中`);
    expect(await edit.getByTestId('edit-effect').textContent()).toContain('即重新提交');
    const code = page.locator('#filing_details_diagnosisCode');
    await code.waitFor();
    expect(await code.inputValue()).toBe(WRONG_DIAGNOSIS);
    await code.fill(good.details.diagnosisCode!);
    await shot('workflow-08-fix-rejected');
    await edit.getByRole('button', { name: /保存/ }).click();
    await page.getByText(`备案 ${saved.localNo} 已修改并重新提交，将按新内容上传`).waitFor();

    await expect.poll(() => queueStats(desk.db.db).rejected, { timeout: QUEUE_TIMEOUT }).toBe(0);
    await page.locator('.ant-segmented-item', { hasText: '已上传' }).first().click();
    const done = page.getByTestId('queue-entries').locator('tr.ant-table-row', { hasText: saved.localNo });
    await expect.poll(() => done.textContent(), { timeout: QUEUE_TIMEOUT }).toContain('已上传');
    const onPlatform = sim.inspect.referrals(good.details.personNo!).filter((f) => f.target === good.details.destinationInstitutionCode);
    expect(onPlatform).toHaveLength(1);
    await shot('workflow-09-resubmitted-uploaded');

    await openFromList(saved.localNo);
    const timeline = await timelineText();
    const order = ['备案上传：平台退回', '修改备案', '备案上传：修改后重新提交', '备案上传：上传成功'].map((t) => timeline.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(timeline).toContain(`诊断编码：${WRONG_DIAGNOSIS} → ${good.details.diagnosisCode}`);
    await timelineShot('workflow-10-resubmitted-timeline');
  }, TEST_TIMEOUT);
});
