// Debian's Chromium and poppler-utils for the print tests: launch, and read PDFs back.
// Missing tools skip the browser tests with the reason; under CI a missing tool is a failure.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

export { CHROMIUM_PATH };
export const ARTIFACTS = 'test-artifacts/print';
const POPPLER = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm'] as const;
const INSTALL = 'apt-get install -y chromium fonts-noto-cjk poppler-utils';

function missingTools(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} not found`;
  for (const tool of POPPLER) {
    const r = spawnSync(tool, ['-v'], { timeout: 5_000 });
    if (r.error) return `${tool} (poppler-utils) not found`;
  }
  return null;
}

const missing = missingTools();
if (missing && process.env.CI) {
  throw new Error(`Print tests cannot run under CI: ${missing}. Install with: ${INSTALL}`);
}
if (missing) console.warn(`test/print: browser tests skipped — ${missing}. Install with: ${INSTALL}`);

/** Why the browser tests are skipped, or null when they run. */
export const SKIP_REASON = missing;

export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 20_000,
    args: [...CHROMIUM_ARGS],
  });
}

const run = promisify(execFile);

async function tool(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await run(cmd, args, { timeout: 15_000, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** Text of each page, in content-stream order (`pdftotext -raw`): a value is never split by layout columns. */
export async function pdfPagesRaw(pdf: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  return text.split('\f').slice(0, -1);
}

/** `pdftotext -layout`, as a person would read it (kept beside the PDF as an artifact). */
export async function pdfTextLayout(pdf: string): Promise<string> {
  return tool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
}

export interface PageSize {
  width: number;
  height: number;
}

/** Every page's size in points, from `pdfinfo -f 1 -l N`. */
export async function pdfPageSizes(pdf: string): Promise<PageSize[]> {
  const info = await tool('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Every font of the PDF with whether it is embedded (`pdffonts`; a type may contain spaces, e.g. "Type 3"). */
export async function pdfFonts(pdf: string): Promise<{ line: string; embedded: boolean }[]> {
  const out = await tool('pdffonts', [pdf]);
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      return { line, embedded: m?.[1] === 'yes' };
    });
}

/** A PNG of one page for a person to look at. */
export async function pdfPagePng(pdf: string, page: number, pngBase: string, dpi: number): Promise<string> {
  await tool('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, pngBase]);
  return `${pngBase}.png`;
}

/** Removes all whitespace: layout line breaks and cell padding are not part of a value. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Whether `value` is on the page text in order. A long value (a 病情摘要 that continues on the next
 * page) may be interrupted where the page breaks by the printed matter of the cell beside it
 * (e.g. Jiangxi's "转出定点医院医保科室负责人意见：…年月日"): up to `maxBreaks` interruptions of
 * at most `maxGap` characters each. Short values must appear whole.
 */
export function containsValue(text: string, value: string, maxGap = 80, maxBreaks = 4): boolean {
  const t = squash(text);
  const v = squash(value);
  if (v.length <= 100) return t.includes(v);
  const probe = v.slice(0, 12);
  for (let start = t.indexOf(probe); start !== -1; start = t.indexOf(probe, start + 1)) {
    let i = 0;
    let j = start;
    let breaks = 0;
    while (i < v.length) {
      if (t[j] === v[i]) {
        i += 1;
        j += 1;
        continue;
      }
      const next = t.slice(j, j + maxGap + 12).indexOf(v.slice(i, i + 12));
      if (next <= 0 || breaks >= maxBreaks) break;
      breaks += 1;
      j += next;
    }
    if (i === v.length) return true;
  }
  return false;
}
