// npm run bench:print — the A4 备案表 to PDF in one Debian Chromium: build the print DTO, the QR
// code, the HTML document (React server render), load it and page.pdf it, N times per scenario.
// Prints median and p95 and their ratio to the 500 ms goal (issue 6). Benchmarks report; they do
// not assert on time (architecture.md §7).
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { FilingDetail } from '../../shared/domain/filing';
import { buildPrintForm } from '../../shared/domain/print/form';
import { qrDataUrlFor } from '../../shared/domain/print/qr';
import type { PrintTemplateId } from '../../shared/domain/print/templates';
import { renderPrintDocument } from '../../renderer/src/print/renderDocument';
import { filingOf, printInputOf } from '../print/fixtures';

const GOAL_MS = 500;
const N = Number(process.env.BENCH_N ?? 30);
const WARMUP = 3;
const CHROMIUM = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium';

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

if (!existsSync(CHROMIUM)) {
  console.error(`bench:print needs Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk).`);
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  console.log(`print bench: A4 备案表 → PDF in Chromium ${browser.version()}, N=${N} per scenario after ${WARMUP} warm-up runs, goal < ${GOAL_MS} ms`);
  for (const s of scenarios) {
    const total: number[] = [];
    const render: number[] = [];
    let pages = 0;
    for (let i = 0; i < WARMUP + N; i += 1) {
      const t0 = performance.now();
      const dto = buildPrintForm(printInputOf(s.filing, { printedAt: new Date() }));
      const html = renderPrintDocument(dto, s.template, { qrDataUrl: await qrDataUrlFor(dto.qrText), training: false });
      const t1 = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const t2 = performance.now();
      if (i >= WARMUP) {
        total.push(t2 - t0);
        render.push(t1 - t0);
      }
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    total.sort((a, b) => a - b);
    render.sort((a, b) => a - b);
    const median = quantile(total, 0.5);
    const p95 = quantile(total, 0.95);
    console.log(
      `  ${s.name} (${pages} pages): median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms` +
        ` — median/goal ${(median / GOAL_MS).toFixed(2)}, p95/goal ${(p95 / GOAL_MS).toFixed(2)}` +
        ` (of which DTO+QR+HTML median ${quantile(render, 0.5).toFixed(1)} ms)`,
    );
  }
} finally {
  await browser.close();
}
