// npm run bench:print — the A4 备案表 to PDF in one Debian Chromium: build the print DTO, the QR
// code, the HTML document (React server render), load it and page.pdf it, N times per scenario.
// Prints median and p95 and their ratio to the 500 ms goal (issue 6), where the time goes (document,
// load, page.pdf) and the machine's load (/proc/loadavg) before and after: on the shared 2-core
// build machine the load changes the figures more than anything else. One browser and one warm page
// for all runs, as the desk's print tests do. Benchmarks report; they do not assert on time
// (architecture.md §7).
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { FilingDetail } from '../../shared/domain/filing';
import { buildPrintForm } from '../../shared/domain/print/form';
import { qrDataUrlFor } from '../../shared/domain/print/qr';
import type { PrintTemplateId } from '../../shared/domain/print/templates';
import { renderPrintDocument } from '../../renderer/src/print/renderDocument';
import { filingOf, printInputOf } from '../print/fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

const GOAL_MS = 500;
const N = Number(process.env.BENCH_N ?? 30);
const WARMUP = 3;
/**
 * BENCH_COMPARE=1 also measures, interleaved run by run with the current document, the document as it
 * was before the single-face rule (printStyles.ts: bold from its own face), so both figures share
 * the same machine load.
 */
const COMPARE = process.env.BENCH_COMPARE === '1';
const VARIANTS: { name: string; document: (html: string) => string }[] = [
  { name: 'current', document: (html) => html },
  ...(COMPARE ? [{ name: 'separate bold face (before)', document: (html: string) => html.replace(/@font-face \{[^}]*\}/, '') }] : []),
];

interface Scenario {
  name: string;
  template: PrintTemplateId;
  filing: FilingDetail;
}

const scenarios: Scenario[] = [
  { name: 'jiangxi · 转诊转院, long 病情摘要', template: 'jiangxi', filing: filingOf('referral') },
  { name: 'national · 异地安置退休, short', template: 'national', filing: filingOf('retired_resettled') },
  { name: 'hefei · 恶性肿瘤分疗程, long 病情摘要', template: 'hefei', filing: filingOf('cancer_multi_course') },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`bench:print needs Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk).`);
  process.exit(1);
}

const loadavg = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').trim() : 'n/a');
const loadBefore = loadavg();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  console.log(`print bench: A4 备案表 → PDF in Chromium ${browser.version()}, N=${N} per scenario after ${WARMUP} warm-up runs, goal < ${GOAL_MS} ms`);
  console.log(`  /proc/loadavg before: ${loadBefore}`);
  for (const s of scenarios) {
    const runs = VARIANTS.map(() => ({ total: [] as number[], render: [] as number[], load: [] as number[], pdf: [] as number[], pages: 0 }));
    for (let i = 0; i < WARMUP + N; i += 1) {
      for (const [v, variant] of VARIANTS.entries()) {
        const run = runs[v]!;
        const t0 = performance.now();
        const dto = buildPrintForm(printInputOf(s.filing, { printedAt: new Date() }));
        const html = variant.document(renderPrintDocument(dto, s.template, { qrDataUrl: await qrDataUrlFor(dto.qrText), training: false }));
        const t1 = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        const tl = performance.now();
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const t2 = performance.now();
        if (i >= WARMUP) {
          run.total.push(t2 - t0);
          run.render.push(t1 - t0);
          run.load.push(tl - t1);
          run.pdf.push(t2 - tl);
        }
        run.pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      }
    }
    for (const [v, run] of runs.entries()) {
      const [total, render, load, pdf] = [run.total, run.render, run.load, run.pdf].map((xs) => xs.sort((a, b) => a - b)) as [number[], number[], number[], number[]];
      const median = quantile(total, 0.5);
      const p95 = quantile(total, 0.95);
      console.log(
        `  ${s.name}${COMPARE ? ` [${VARIANTS[v]!.name}]` : ''} (${run.pages} pages): median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms` +
          ` — median/goal ${(median / GOAL_MS).toFixed(2)}, p95/goal ${(p95 / GOAL_MS).toFixed(2)}` +
          ` (medians: DTO+QR+HTML ${quantile(render, 0.5).toFixed(1)} ms, setContent ${quantile(load, 0.5).toFixed(0)} ms, page.pdf ${quantile(pdf, 0.5).toFixed(0)} ms)`,
      );
    }
  }
  console.log(`  /proc/loadavg after:  ${loadavg()}`);
} finally {
  await browser.close();
}
