// Printing end to end in Debian's Chromium against the real renderer build, desks in-process:
// - browser mode (no printer port): the preview from the list and after a save, template choice,
//   both copies, 待上传平台 and 演练, 打印 / Ctrl+P / 导出PDF / 打印小票 through the browser's dialog
//   (window.print is stubbed in every frame so nothing blocks) and the filing.print audit rows;
//   打印设置 for an administrator.
// - a desk with a printer port (a recording stand-in, as the Electron shell provides): the same
//   screen sends the rendered document through print.a4 and downloads the exported PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { Desk } from '../../main/app/desk';
import { printAudits, RecordingPrinter, valueOf } from '../print-service/helpers';
import { browserLogin, prepareRenderer, sessionOf, shot as pageShot, startStation, type Station } from './harness';

const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 90_000;

const SETUP: RequestOf<'setup.initialize'> = {
  institutionCode: 'H34010100001',
  institutionName: '合肥市第一人民医院',
  regionCode: '340100',
  adminUsername: 'admin',
  adminDisplayName: '王管理',
  adminPassword: 'abc12345',
};
const REFERRAL: RequestOf<'filing.create'> = {
  type: 'referral',
  insuranceType: 'employee',
  certType: 'id_card',
  certNo: '11010519491231002X',
  personName: '张三丰',
  startDate: '2026-11-23',
  details: { destinationRegion: '310000', diagnosisName: '肺恶性肿瘤', diagnosisCode: 'C34.9', referralKind: '1', referralReason: '本院无放疗条件', phone: '13800138000' },
};

/**
 * window.print in the page and in every frame (the previews are sandboxed srcdoc frames, same
 * origin) records what it would have printed instead of opening a dialog.
 */
const STUB_PRINT = `
window.print = function () {
  var form = document.querySelector('.yb-print');
  var what = form ? 'form:' + form.getAttribute('data-template') : document.querySelector('.slip') ? 'slip' : 'page';
  var top = window.top || window;
  (top.__printed = top.__printed || []).push(what);
};`;

const station = (printer?: RecordingPrinter): Promise<Station> =>
  startStation({ name: 'print', setup: SETUP, desk: printer ? { printer } : {}, browser: { acceptDownloads: true }, initScript: STUB_PRINT, stepTimeout: STEP_TIMEOUT });

const close = (s: Station | undefined) => s?.close();

const login = (page: Page, url: string) => browserLogin(page, SETUP.adminUsername, SETUP.adminPassword, url);

const adminSession = (desk: Desk) => sessionOf(desk, SETUP.adminUsername, SETUP.adminPassword);

const printed = (page: Page) => page.evaluate(() => (globalThis as unknown as { __printed?: string[] }).__printed ?? []);
const preview = (page: Page): FrameLocator => page.frameLocator('[data-testid="print-preview"]');
/**
 * The dialog's 打印 button, by its text: while antd's loading icon fades out after a print, the
 * icon (aria-label "loading") is still in the button and in its accessible name.
 */
const printButton = (page: Page) => page.getByTestId('print-screen').locator('button', { hasText: /^打印$/ });

const shot = (page: Page, name: string) => pageShot(page, name, { fullPage: false });

/** Waits for antd's message toast with this text, then lets it go. */
async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

beforeAll(() => prepareRenderer());

describe('printing in browser mode (no printer port)', () => {
  let s: Station;
  let filingId: string;
  let localNo: string;

  beforeAll(async () => {
    s = await station();
    const filing = valueOf(await s.desk.dispatch('filing.create', REFERRAL, await adminSession(s.desk)));
    filingId = filing.id;
    localNo = filing.localNo;
    await login(s.page, s.host.url);
  });
  afterAll(() => close(s));

  it('opens the preview from the list in the region template, with both copies, 待上传平台 and 演练', async () => {
    const { page } = s;
    const row = page.locator('tr', { hasText: localNo });
    await row.getByRole('button', { name: '打印' }).click();
    await page.getByTestId('print-screen').waitFor();
    // 340100 is Hefei: the Hefei form is the default.
    await expect.poll(() => page.locator('.ant-segmented-item-selected').textContent()).toBe('合肥市备案表');
    const doc = preview(page);
    await doc.locator('.yb-print[data-template="hefei"]').waitFor();
    const copies = doc.locator('.yb-copy');
    expect(await copies.count()).toBe(2);
    expect([await copies.nth(0).getAttribute('data-copy'), await copies.nth(1).getAttribute('data-copy')]).toEqual(['参保人留存联', '医院留存联']);
    expect(await doc.locator('body').textContent()).toContain('合肥市基本医疗保险异地就医备案表');
    expect(await doc.locator('.yb-copy', { hasText: '待上传平台' }).count()).toBe(2);
    expect(await doc.locator('.yb-watermark').textContent()).toBe('演练');
    expect(await doc.locator('body').textContent()).toContain(localNo);
    expect(await page.getByTestId('print-summary').textContent()).toContain('尚未上传平台');
  }, TEST_TIMEOUT);

  it('switches to the Jiangxi form and prints it with the browser dialog; the print is audited', async () => {
    const { page, desk } = s;
    await page.getByText('江西省备案表（附件1）').click();
    const doc = preview(page);
    await doc.locator('.yb-print[data-template="jiangxi"]').waitFor();
    expect(await doc.locator('.yb-copy').count()).toBe(2);
    expect(await doc.locator('body').textContent()).toContain('江西省医疗保险异地备案表');
    await shot(page, 'print-preview-jiangxi');

    await printButton(page).click();
    await toast(page, '已打印备案表，已记录打印日志');
    expect(await printed(page)).toEqual(['form:jiangxi']);
    const [row] = printAudits(desk, filingId);
    expect(row).toMatchObject({ action: 'filing.print', entityType: 'filing', entityId: filingId });
    expect(row!.after).toMatchObject({ kind: 'a4', template: 'jiangxi', via: 'browser', reprint: false, serial: null, localNo, uploadState: 'pending', operatorName: '王管理' });
  }, TEST_TIMEOUT);

  it('reprints with Ctrl+P and exports a PDF through the same dialog, each audited as a reprint', async () => {
    const { page, desk } = s;
    await page.keyboard.press('Control+P');
    await toast(page, '已补打备案表，已记录打印日志');
    await page.getByRole('button', { name: '导出PDF' }).click();
    await toast(page, '已导出备案表PDF（补打），已记录打印日志');
    expect(await printed(page)).toEqual(['form:jiangxi', 'form:jiangxi', 'form:jiangxi']);
    expect(printAudits(desk, filingId).map((r) => r.after)).toEqual([
      expect.objectContaining({ kind: 'a4', reprint: false }),
      expect.objectContaining({ kind: 'a4', reprint: true }),
      expect.objectContaining({ kind: 'pdf', template: 'jiangxi', reprint: true }),
    ]);
  }, TEST_TIMEOUT);

  it('previews the desk slip, masked, and prints it with the browser dialog', async () => {
    const { page, desk } = s;
    await page.getByTestId('print-screen').getByRole('button', { name: '打印小票' }).click();
    const slip = page.frameLocator('[data-testid="slip-preview"]');
    await slip.locator('.slip').waitFor();
    const text = (await slip.locator('body').textContent()) ?? '';
    expect(text).toContain('张*丰');
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('待上传平台');
    await shot(page, 'print-slip');
    await page.locator('.ant-modal', { hasText: '小票预览' }).getByRole('button', { name: '打印小票' }).click();
    await toast(page, '已补打小票，已记录打印日志');
    expect((await printed(page)).at(-1)).toBe('slip');
    expect(printAudits(desk, filingId).at(-1)!.after).toMatchObject({ kind: 'slip', template: null, via: 'browser', reprint: true });
  }, TEST_TIMEOUT);

  it('lets the administrator choose the default template and slip width; the next preview uses them', async () => {
    const { page, desk } = s;
    await page.getByRole('button', { name: '打印设置' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '默认备案表样式' });
    await dialog.getByText('浏览器模式下由浏览器的打印对话框选择打印机').waitFor();
    expect(await dialog.locator('#print_settings_a4PrinterName').isDisabled()).toBe(true);
    await dialog.getByText('58mm').click();
    await dialog.locator('#print_settings_defaultTemplate').click();
    await page.locator('.ant-select-item-option', { hasText: '全国通用备案表' }).click();
    await shot(page, 'print-settings');
    await dialog.getByRole('button', { name: '保存设置' }).click();
    await toast(page, '打印设置已保存');
    expect(valueOf(await desk.dispatch('print.settings.get', {}, await adminSession(desk)))).toMatchObject({ slipWidth: '58mm', defaultTemplate: 'national', effectiveTemplate: 'national' });

    await page.keyboard.press('Escape');
    await page.getByTestId('print-screen').waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: localNo }).getByRole('button', { name: '打印' }).click();
    await preview(page).locator('.yb-print[data-template="national"]').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('print-screen').waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: localNo }).getByRole('button', { name: '打印' }).hover();
    await page.getByRole('tooltip', { name: '打印' }).waitFor();
    await shot(page, 'print-list-row');
  }, TEST_TIMEOUT);

  it('offers 打印备案表 right after a referral is saved, and the main page itself is never printed', async () => {
    const { page, desk } = s;
    await page.getByRole('button', { name: '新增备案' }).first().click();
    const kb = page.keyboard;
    await page.locator('#filing_insuranceType:focus').waitFor();
    await kb.press('Enter');
    await kb.press('Enter');
    await page.locator('#filing_certType:focus').waitFor();
    await kb.press('Enter');
    await page.locator('#filing_certNo:focus').waitFor();
    await kb.type('340104198001010020'); // another person: the desk refuses overlapping filings of one person
    await kb.press('Enter');
    await page.locator('#filing_personName:focus').waitFor();
    await kb.type('李四');
    await kb.press('Enter');
    await page.locator('#filing_startDate:focus').waitFor();
    await kb.press('Enter');
    await page.locator('#filing_details_destinationRegion:focus').waitFor();
    await kb.type('上海');
    await kb.press('Enter');
    await page.locator('#filing_details_diagnosisName:focus').waitFor();
    await kb.type('肺恶性肿瘤');
    await kb.press('Enter');
    await kb.type('C34.9');
    await kb.press('Enter');
    await page.locator('#filing_details_referralKind:focus').waitFor();
    await kb.press('Enter');
    await kb.press('Enter');
    await page.locator('#filing_details_referralReason:focus').waitFor();
    await kb.type('本院无放疗条件');
    await kb.press('Enter');
    await page.locator('#filing_details_phone:focus').waitFor();
    await kb.type('13800138000');
    await kb.press('Enter');
    await page.getByText('备案已保存').waitFor();
    const saved = /\d{8}-\d{4}/.exec((await page.getByTestId('saved-local-no').textContent()) ?? '')![0];

    await page.getByRole('button', { name: '打印备案表' }).click();
    const doc = preview(page);
    await doc.locator('.yb-print[data-template="national"]').waitFor();
    expect(await doc.locator('body').textContent()).toContain(saved);
    expect(await doc.locator('.yb-copy', { hasText: '李四' }).count()).toBe(2);
    await shot(page, 'print-after-save');
    await page.keyboard.press('Control+P');
    await toast(page, '已打印备案表，已记录打印日志');
    const savedId = valueOf(await desk.dispatch('filing.list', { query: saved }, await adminSession(desk))).items[0]!.id;
    expect(printAudits(desk, savedId).map((r) => r.after)).toEqual([expect.objectContaining({ kind: 'a4', template: 'national', reprint: false, localNo: saved })]);
    expect(await printed(page)).not.toContain('page');
  }, TEST_TIMEOUT);
});

describe('printing on a desk with a printer port (the Electron path, minus IPC)', () => {
  let s: Station;
  const printer = new RecordingPrinter();
  let filingId: string;
  let localNo: string;

  beforeAll(async () => {
    s = await station(printer);
    const filing = valueOf(await s.desk.dispatch('filing.create', REFERRAL, await adminSession(s.desk)));
    filingId = filing.id;
    localNo = filing.localNo;
    await login(s.page, s.host.url);
    await s.page.locator('tr', { hasText: localNo }).getByRole('button', { name: '打印' }).click();
    await preview(s.page).locator('.yb-print[data-template="hefei"]').waitFor();
  });
  afterAll(() => close(s));

  it('sends the previewed document to the printer port through print.a4 and opens no browser dialog', async () => {
    const { page, desk } = s;
    await printButton(page).click();
    await toast(page, '已打印备案表，已记录打印日志');
    const call = printer.calls.find((c) => c.method === 'printA4');
    if (call?.method !== 'printA4') throw new Error('the port printed nothing');
    expect(call.options).toEqual({ silent: false });
    // The very document the preview shows: same template, both copies, the mark, the watermark.
    expect(call.html).toBe(await page.locator('[data-testid="print-preview"]').getAttribute('srcdoc'));
    expect(call.html).toContain('data-template="hefei"');
    expect(call.html.match(/class="yb-copy"/g)).toHaveLength(2);
    expect(call.html).toContain('待上传平台');
    expect(call.html).toContain('class="yb-watermark"');
    expect(call.html).toContain(localNo);
    expect(await printed(page)).toEqual([]);
    expect(printAudits(desk, filingId)[0]!.after).toMatchObject({ kind: 'a4', template: 'hefei', via: 'desk' });
  }, TEST_TIMEOUT);

  it('downloads the exported PDF the port made', async () => {
    const { page } = s;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`备案表-${localNo}.pdf`);
    const path = join(s.tempDir('desk-e2e-pdf-'), 'out.pdf');
    await file.saveAs(path);
    expect(readFileSync(path).toString()).toBe('%PDF-1.7');
    await toast(page, '已导出备案表PDF（补打），已记录打印日志');
  }, TEST_TIMEOUT);

  it('prints the slip through print.slip without a preview, and lists the machine printers in 打印设置', async () => {
    const { page } = s;
    await page.getByTestId('print-screen').getByRole('button', { name: '打印小票' }).click();
    await toast(page, '已补打小票，已记录打印日志');
    expect(printer.calls.some((c) => c.method === 'printSlip')).toBe(true);
    expect(await page.locator('[data-testid="slip-preview"]').count()).toBe(0);

    await page.getByRole('button', { name: '打印设置' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '默认备案表样式' });
    await dialog.locator('#print_settings_a4PrinterName').click();
    await page.locator('.ant-select-item-option', { hasText: 'HP LaserJet M404（HP_LaserJet_M404）' }).click();
    await dialog.getByRole('button', { name: '保存设置' }).click();
    await toast(page, '打印设置已保存');
    await printButton(page).click();
    await expect.poll(() => printer.calls.filter((c) => c.method === 'printA4').length).toBe(2);
    expect(printer.calls.filter((c) => c.method === 'printA4').at(-1)).toMatchObject({ options: { silent: true, printerName: 'HP_LaserJet_M404' } });
  }, TEST_TIMEOUT);
});
