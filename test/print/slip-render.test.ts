// The desk slip printed by Chromium at 80 mm and 58 mm, and the escaping proof: markup in the
// patient's name (and in every other value) prints as text, creates no element and runs nothing —
// both in the slip HTML and in the electron-pos-printer lines, replayed the way that library
// renders them (innerHTML of a new div).
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { maskIdNumber } from '../../shared/domain/idcard';
import { qrDataUrlFor } from '../../shared/domain/print/qr';
import { buildSlip, renderSlipHtml, slipLines, slipToPosPrinterData, SLIP_WIDTHS, type SlipDto, type SlipWidth } from '../../shared/domain/print/slip';
import { ARTIFACTS, launchChromium, pdfPagePng, pdfPageSizes, pdfPagesRaw, SKIP_REASON, squash } from './chromium';
import { filingOf, printInputOf } from './fixtures';
import { hostileSlip, PWN_NAME } from './hostile';
import type { PageImage, PageWindow } from './pageDom';

const MM_PT = 72 / 25.4;

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

/** The paper width in CSS px: the viewport is set to it, so anything wider shows as overflow. */
const WIDTH_PX: Record<SlipWidth, number> = { '80mm': Math.round((80 * 96) / 25.4), '58mm': Math.round((58 * 96) / 25.4) };

async function printSlip(name: string, slip: SlipDto, width: SlipWidth, training = false) {
  await page.setViewportSize({ width: WIDTH_PX[width], height: 800 });
  await page.setContent(renderSlipHtml(slip, { width, qrDataUrl: await qrDataUrlFor(slip.qrText), training }), { timeout: 10_000 });
  const size = await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const box = w.document.querySelector('.slip')!.getBoundingClientRect();
    return { height: Math.ceil(box.height), overflow: w.document.documentElement.scrollWidth - w.innerWidth };
  });
  const pdf = `${ARTIFACTS}/${name}.pdf`;
  const zero = { top: '0', right: '0', bottom: '0', left: '0' };
  writeFileSync(pdf, await page.pdf({ width, height: `${size.height}px`, margin: zero, printBackground: true }));
  return { pdf, pages: await pdfPagesRaw(pdf), overflow: size.overflow };
}

async function domState() {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    return {
      scripts: w.document.querySelectorAll('script').length,
      strayImgs: w.document.querySelectorAll('img:not(.qr)').length,
      pwned: w.__pwned ?? null,
    };
  });
}

describe.skipIf(SKIP_REASON !== null)(`desk slip in Chromium${SKIP_REASON ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(SLIP_WIDTHS)('prints on %s paper with every line, masked, on one page', async (width) => {
    const filing = filingOf('referral');
    const slip = buildSlip(printInputOf(filing));
    const { pdf, pages, overflow } = await printSlip(`slip-${width}`, slip, width);
    await pdfPagePng(pdf, 1, `${ARTIFACTS}/slip-${width}`, 150);

    const [size] = await pdfPageSizes(pdf);
    expect(pages).toHaveLength(1);
    expect(Math.abs(size!.width - Number.parseInt(width, 10) * MM_PT)).toBeLessThanOrEqual(1);
    expect(overflow).toBeLessThanOrEqual(0);

    const text = squash(pages[0]!);
    for (const line of slipLines(slip)) expect(text).toContain(squash(`${line.label}：${line.value}`));
    expect(text).toContain(squash(slip.title));
    expect(text).toContain(squash(slip.institutionName));
    expect(text).toContain('待上传平台');
    expect(text).toContain('张*丰');
    expect(text).toContain(maskIdNumber(filing.certNo));
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain(filing.certNo);
    expect(await page.$eval('img.qr', (i) => (i as unknown as PageImage).naturalWidth)).toBeGreaterThan(0);
  }, 30_000);

  it('prints the platform serial on a slip after upload', async () => {
    const slip = buildSlip(printInputOf(filingOf('cancer_multi_course')));
    const { pages } = await printSlip('slip-80mm-uploaded', slip, '80mm');
    const text = squash(pages[0]!);
    expect(text).toContain(`备案流水号：${slip.serial}`);
    expect(text).not.toContain('待上传');
  }, 30_000);

  it.each(SLIP_WIDTHS)('shows 演练 on a %s training slip without widening it', async (width) => {
    const { pdf, pages, overflow } = await printSlip(`slip-${width}-training`, buildSlip(printInputOf(filingOf('referral'))), width, true);
    expect(pages[0]).toContain('演练');
    expect(overflow).toBeLessThanOrEqual(0);
    await pdfPagePng(pdf, 1, `${ARTIFACTS}/slip-${width}-training`, 150);
  }, 30_000);

  it('prints a name with markup as literal text and never creates an element or runs it', async () => {
    const before = dialogs.length;
    const slip = { ...buildSlip(printInputOf(filingOf('referral'))), personNameMasked: PWN_NAME, institutionName: PWN_NAME, operatorName: PWN_NAME };
    const { pages } = await printSlip('slip-80mm-markup', slip, '80mm');
    expect(await domState()).toEqual({ scripts: 0, strayImgs: 0, pwned: null });
    expect(await page.$eval('.inst', (el) => el.textContent)).toBe(PWN_NAME);
    expect(dialogs.length).toBe(before);
    expect(squash(pages[0]!)).toContain(squash(`姓名：${PWN_NAME}`));
    expect(squash(pages[0]!)).toContain(squash(`经办人：${PWN_NAME}`));
  }, 30_000);

  it('keeps every value of a hostile slip as text in the slip HTML', async () => {
    const before = dialogs.length;
    const slip = hostileSlip();
    await printSlip('slip-58mm-hostile', slip, '58mm');
    expect(await domState()).toEqual({ scripts: 0, strayImgs: 0, pwned: null });
    const shown = await page.$$eval('.line .value', (els) => els.map((e) => e.textContent));
    expect(shown).toEqual(slipLines(slip).map((l) => l.value));
    expect(dialogs.length).toBe(before);
  }, 30_000);

  it('keeps the electron-pos-printer lines as text when rendered the way that library does (innerHTML)', async () => {
    const before = dialogs.length;
    const slip = { ...hostileSlip(), personNameMasked: PWN_NAME };
    const lines = slipToPosPrinterData(slip, { training: true });
    await page.setContent('<!doctype html><html><body><div id="main"></div></body></html>');
    const rendered = await page.evaluate(async (data) => {
      const w = globalThis as unknown as PageWindow;
      const main = w.document.getElementById('main')!;
      for (const line of data) {
        if (line.type !== 'text') continue;
        const div = w.document.createElement('div');
        div.innerHTML = line.value;
        main.appendChild(div);
      }
      await new Promise((r) => setTimeout(r, 200)); // let any injected onerror fire
      return {
        elements: main.querySelectorAll('*').length,
        texts: Array.from(main.children).map((d) => d.textContent),
        pwned: w.__pwned ?? null,
      };
    }, lines);
    const textLines = lines.filter((l) => l.type === 'text');
    expect(rendered.elements).toBe(textLines.length); // only the divs the library itself creates
    expect(rendered.pwned).toBeNull();
    expect(rendered.texts).toContain(`姓名：${PWN_NAME}`);
    expect(rendered.texts).toContain(`经办人：${slip.operatorName}`);
    expect(dialogs.length).toBe(before);
  }, 30_000);
});
