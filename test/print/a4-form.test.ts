// The A4 备案表 printed by Debian's Chromium (page.pdf, the printToPDF path Electron uses) and read
// back with poppler: every template × every filing type is A4, has two copies each starting on its
// own page, carries every DTO value, the tick boxes, the serial or the 待上传平台 mark, embedded
// fonts, and nothing overflows the page. PDFs, text and first-page PNGs go to test-artifacts/print/.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FILING_TYPES, type FilingDetail, type FilingType } from '../../shared/domain/filing';
import { buildPrintForm, printedFieldValues, UPLOAD_MARK, type PrintFormDto } from '../../shared/domain/print/form';
import { qrDataUrlFor } from '../../shared/domain/print/qr';
import { JIANGXI_NOTICE, PRINT_TEMPLATE_IDS, PRINT_TEMPLATES, type PrintTemplateId } from '../../shared/domain/print/templates';
import { renderPrintDocument } from '../../renderer/src/print/renderDocument';
import { PAGE_MARGIN_MM } from '../../renderer/src/print/printStyles';
import {
  ARTIFACTS,
  containsValue,
  launchChromium,
  pdfFonts,
  pdfPagePng,
  pdfPageSizes,
  pdfPagesRaw,
  pdfTextLayout,
  SKIP_REASON,
  squash,
} from './chromium';
import { filingOf, LONG_SUMMARY, printInputOf } from './fixtures';
import { PWN_NAME } from './hostile';
import type { PageImage, PageWindow } from './pageDom';

const A4 = { width: 595.28, height: 841.89 };
const MM_PX = 96 / 25.4;
/** The printable width: what the browser lays the form out in when it prints. */
const CONTENT_WIDTH_PX = Math.floor((210 - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right) * MM_PX);

interface Printed {
  pdf: string;
  pages: string[];
  dto: PrintFormDto;
}

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

async function printForm(name: string, template: PrintTemplateId, filing: FilingDetail, training = false): Promise<Printed> {
  const dto = buildPrintForm(printInputOf(filing));
  const html = renderPrintDocument(dto, template, { qrDataUrl: await qrDataUrlFor(dto.qrText), training });
  await page.setContent(html, { waitUntil: 'load', timeout: 10_000 });
  const pdf = `${ARTIFACTS}/${name}.pdf`;
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  writeFileSync(`${ARTIFACTS}/${name}.txt`, await pdfTextLayout(pdf));
  return { pdf, pages: await pdfPagesRaw(pdf), dto };
}

/** Layout checks in print media at the printable width: no element wider than the paper, nothing clipped. */
async function layoutProblems(): Promise<string[]> {
  return page.evaluate((contentWidth) => {
    const w = globalThis as unknown as PageWindow;
    const document = w.document;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > contentWidth + 1) {
      problems.push(`document is ${document.documentElement.scrollWidth}px wide, paper has ${contentWidth}px`);
    }
    for (const el of Array.from(document.querySelectorAll('.yb-copy *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > contentWidth + 1) problems.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)}px`);
      const style = w.getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
        problems.push(`${el.tagName}.${el.className} clips its content`);
      }
    }
    return problems;
  }, CONTENT_WIDTH_PX);
}

function copyHalves(pages: string[]): [string, string] {
  const half = pages.length / 2;
  return [pages.slice(0, half).join('\n'), pages.slice(half).join('\n')];
}

describe.skipIf(SKIP_REASON !== null)(`A4 备案表 in Chromium${SKIP_REASON ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: CONTENT_WIDTH_PX, height: 1100 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.emulateMedia({ media: 'print' });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  const matrix = PRINT_TEMPLATE_IDS.flatMap((template) => FILING_TYPES.map((type) => [template, type] as [PrintTemplateId, FilingType]));

  it.each(matrix)('%s form, %s filing: A4, two copies, every value, nothing cut', async (template, type) => {
    const { pdf, pages, dto } = await printForm(`${template}-${type}`, template, filingOf(type));
    await pdfPagePng(pdf, 1, `${ARTIFACTS}/${template}-${type}-p1`, 60);

    // A4 on every page, fonts embedded.
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.length).toBe(pages.length);
    for (const s of sizes) {
      expect(Math.abs(s.width - A4.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(s.height - A4.height)).toBeLessThanOrEqual(1);
    }
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded).map((f) => f.line)).toEqual([]);

    // Two copies, each starting on a fresh page, the same length.
    expect(pages.length % 2).toBe(0);
    const [first, second] = copyHalves(pages);
    expect(pages[0]).toContain('参保人留存联');
    expect(first).not.toContain('医院留存联');
    expect(pages[pages.length / 2]).toContain('医院留存联');
    expect(second).not.toContain('参保人留存联');

    for (const copy of [first, second]) {
      expect(squash(copy)).toContain(squash(PRINT_TEMPLATES[template].title));
      // Every value of the DTO, in each copy.
      for (const f of printedFieldValues(dto)) {
        expect(containsValue(copy, f.value), `${f.label} "${f.value.slice(0, 40)}" on the ${template} form`).toBe(true);
      }
      // Tick boxes as the DTO says.
      for (const box of [...dto.ticks[template].filingType, ...dto.ticks[template].insuranceType]) {
        const printed = `${box.checked ? '☑' : '☐'}${box.label}${box.note ? `（${box.note}）` : ''}`;
        expect(squash(copy)).toContain(squash(printed));
      }
      // Signature, date and stamp areas.
      expect(copy).toContain('签字');
      expect(squash(copy)).toContain(squash(PRINT_TEMPLATES[template].stampLabel));
      expect(squash(copy)).toMatch(/日期：年月日/);
      // Serial, or the 待上传平台 mark with the local number.
      expect(squash(copy)).toContain(squash(`${dto.serial.label}${dto.serial.value}`));
      if (dto.uploadMark) expect(squash(copy)).toContain(UPLOAD_MARK);
      else expect(squash(copy)).not.toContain(UPLOAD_MARK);
      if (template === 'jiangxi') for (const item of JIANGXI_NOTICE) expect(squash(copy)).toContain(squash(item));
    }
    expect(pages.join('')).not.toMatch(/undefined|null|NaN|\[object/);

    // Nothing wider than the paper, nothing clipped; the QR code of each copy loaded.
    expect(await layoutProblems()).toEqual([]);
    const qr = await page.$$eval('.yb-qr img', (imgs) => imgs.map((i) => (i as unknown as PageImage).naturalWidth));
    expect(qr).toHaveLength(2);
    expect(qr.every((w) => w > 0)).toBe(true);
  }, 30_000);

  it('lets a very long 病情摘要 continue on the next page of the same copy', async () => {
    const { pages } = await printForm('national-referral-long', 'national', filingOf('referral', { details: { ...filingOf('referral').details, caseSummary: LONG_SUMMARY + LONG_SUMMARY } }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const [first, second] = copyHalves(pages);
    expect(containsValue(first, LONG_SUMMARY + LONG_SUMMARY)).toBe(true);
    expect(containsValue(second, LONG_SUMMARY + LONG_SUMMARY)).toBe(true);
    // The copy's signature block comes after the whole summary, on its last page.
    expect(pages[pages.length / 2 - 1]).toContain('签字');
    expect(await layoutProblems()).toEqual([]);
  }, 30_000);

  it.each(PRINT_TEMPLATE_IDS)('%s: a reprint after upload carries the serial instead of 待上传平台', async (template) => {
    const serialBlocks = () => page.$$eval('.yb-qr', (els) => els.map((e) => e.textContent));
    const pending = await printForm(`${template}-reprint-before`, template, filingOf('referral', { uploadState: 'pending', platformSerial: null }));
    const localNo = filingOf('referral').localNo;
    expect(await serialBlocks()).toEqual([`本地编号${localNo}`, `本地编号${localNo}`]);
    const uploaded = await printForm(
      `${template}-reprint-after`,
      template,
      filingOf('referral', { uploadState: 'uploaded', platformSerial: 'J3401002026112400000042' }),
    );
    const before = squash(pending.pages.join(''));
    const after = squash(uploaded.pages.join(''));
    expect(before.split(UPLOAD_MARK).length - 1).toBe(2);
    expect(before.split(`本地编号${localNo}`).length - 1).toBe(2);
    expect(after).not.toContain(UPLOAD_MARK);
    expect(after.split('备案流水号J3401002026112400000042').length - 1).toBe(2);
    expect(await serialBlocks()).toEqual(['备案流水号J3401002026112400000042', '备案流水号J3401002026112400000042']);
    expect(await page.$eval('.yb-qr img', (i) => (i as unknown as PageImage).src)).toBe(await qrDataUrlFor('J3401002026112400000042'));
  }, 30_000);

  it('prints 演练 on every page in training mode and nowhere otherwise', async () => {
    const training = await printForm('national-referral-training', 'national', filingOf('referral'), true);
    expect(training.pages.length).toBeGreaterThanOrEqual(2);
    for (const p of training.pages) expect(p).toContain('演练');
    await pdfPagePng(training.pdf, 1, `${ARTIFACTS}/national-referral-training-p1`, 60);
    const live = await printForm('national-referral-live', 'national', filingOf('referral'), false);
    for (const p of live.pages) expect(p).not.toContain('演练');
    expect(await layoutProblems()).toEqual([]);
  }, 30_000);

  it('marks a voided filing 已作废 on both copies', async () => {
    const { pages } = await printForm('hefei-voided', 'hefei', filingOf('referral', { status: 'voided' }));
    const [first, second] = copyHalves(pages);
    expect(first).toContain('已作废');
    expect(second).toContain('已作废');
  }, 30_000);

  it.each(PRINT_TEMPLATE_IDS)('%s: a filing with empty details prints blank lines on two A4 copies', async (template) => {
    const { pdf, pages } = await printForm(`${template}-empty-details`, template, filingOf('emergency', { details: {}, destinationRegion: null }));
    expect(pages.length).toBe(2);
    expect((await pdfPageSizes(pdf)).every((s) => Math.abs(s.height - A4.height) <= 1)).toBe(true);
    expect(pages.join('')).not.toMatch(/undefined|null|NaN|\[object/);
  }, 30_000);

  it.each(PRINT_TEMPLATE_IDS)('%s: a name containing markup prints as text and never runs', async (template) => {
    const before = dialogs.length;
    const { pages } = await printForm(`${template}-markup-name`, template, filingOf('referral', { personName: PWN_NAME }));
    const dom = await page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      return {
        scripts: w.document.querySelectorAll('script').length,
        imgs: Array.from(w.document.querySelectorAll('img')).map((i) => i.getAttribute('src')?.slice(0, 26)),
        pwned: w.__pwned ?? null,
        name: w.document.querySelector('[data-field="personName"]')?.textContent ?? null,
      };
    });
    expect(dom.scripts).toBe(0);
    expect(dom.imgs).toEqual(['data:image/svg+xml;base64,', 'data:image/svg+xml;base64,']);
    expect(dom.pwned).toBeNull();
    expect(dom.name).toBe(PWN_NAME);
    expect(dialogs.length).toBe(before);
    const [first, second] = copyHalves(pages);
    expect(squash(first)).toContain(squash(PWN_NAME));
    expect(squash(second)).toContain(squash(PWN_NAME));
  }, 30_000);
});
