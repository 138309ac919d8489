// electron-pos-printer under containment (main/shell/printing-pos.ts), in plain Node: the data the
// desk hands the library, the library's options, and the guard that decides which webContents may
// exist and what each may load. The bundle-level proof (the real library driven by a stand-in
// Electron) is test/electron/main-bundle.test.ts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../main/shell/protocol';
import { ContentsGuard, judgeContents, posPageUrls, posPrintOptions, posSlipData, reachesNode } from '../../main/shell/printing-pos';
import { buildSlip, type PosPrintData } from '../../shared/domain/print/slip';
import { filingOf, printInputOf } from './fixtures';
import { hostileSlip, PAYLOADS } from './hostile';

const LIBRARY = createRequire(import.meta.url).resolve('electron-pos-printer');
const PAGE_DIR = join(dirname(LIBRARY), 'renderer');
const fileUrl = (name: string) => pathToFileURL(join(PAGE_DIR, name)).href;
const SANDBOXED = { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webviewTag: false };

/** What the library's page does with a 'text' line's value (div.innerHTML = value), read back as text. */
function asInnerHtmlText(value: string): { text: string; elements: number } {
  const elements = (value.match(/<[a-z!/]/gi) ?? []).length;
  const text = value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return { text, elements };
}

const texts = (lines: PosPrintData[]) => lines.filter((l) => l.type === 'text').map((l) => l.value);

describe('posSlipData: the lines handed to PosPrinter.print', () => {
  it('prints a markup patient name as text: no element, the masked characters as typed', () => {
    const name = '<img src=x onerror=alert(1)>';
    const slip = buildSlip(printInputOf(filingOf('referral', { personName: name })));
    const line = texts(posSlipData(slip, { training: false })).find((v) => v.startsWith('姓名：'))!;
    expect(line).not.toMatch(/[<>]/);
    expect(asInnerHtmlText(line)).toEqual({ text: `姓名：${slip.personNameMasked}`, elements: 0 });
    expect(slip.personNameMasked.startsWith('<')).toBe(true);
  });

  it('prints every unmasked value (institution, operator, destination …) that carries markup as text', () => {
    const lines = posSlipData(hostileSlip(), { training: true });
    for (const value of texts(lines)) expect(asInnerHtmlText(value).elements).toBe(0);
    const printed = texts(lines).map((v) => asInnerHtmlText(v).text).join('\n');
    for (const payload of PAYLOADS) expect(printed).toContain(payload);
  });

  it('gives the library only text and QR lines, never an image, table or barcode it would read from disk or the network', () => {
    const lines = posSlipData(buildSlip(printInputOf(filingOf('long_term_residence'))), { training: true });
    expect(new Set(lines.map((l) => l.type))).toEqual(new Set(['text', 'qrCode']));
    expect(lines.some((l) => 'path' in l || 'url' in l)).toBe(false);
  });

  it('hands the QR line the raw serial: the library draws it on a canvas, never as markup', () => {
    const slip = buildSlip(printInputOf(filingOf('referral')));
    expect(posSlipData(slip, { training: false }).filter((l) => l.type === 'qrCode').map((l) => l.value)).toEqual([slip.qrText]);
  });
});

describe('posPrintOptions', () => {
  it('prints silently to the slip printer at the slip width, without preview and never with a page of our own', () => {
    const options = posPrintOptions({ printerName: 'XP-58', width: '58mm' });
    expect(options).toEqual({ preview: false, silent: true, printerName: 'XP-58', pageSize: '58mm', margin: '0 0 0 0', copies: 1, timeOutPerLine: 400 });
    expect(options).not.toHaveProperty('pathTemplate');
    expect(posPrintOptions({ width: '80mm' })).not.toHaveProperty('printerName');
  });
});

describe('judgeContents: which webContents may exist', () => {
  it('admits a declared window only when it is fully sandboxed', () => {
    expect(judgeContents({ kind: 'app-window', webPreferences: SANDBOXED })).toBe('sandboxed');
    expect(judgeContents({ kind: 'print-window', webPreferences: SANDBOXED })).toBe('sandboxed');
    const { sandbox: _omitted, ...withoutSandbox } = SANDBOXED;
    const unsafe = [withoutSandbox, { ...SANDBOXED, sandbox: false }, { ...SANDBOXED, nodeIntegration: true }, { ...SANDBOXED, contextIsolation: false }, { ...SANDBOXED, nodeIntegrationInWorker: true }, { ...SANDBOXED, nodeIntegrationInSubFrames: true }, { ...SANDBOXED, webviewTag: true }];
    for (const prefs of unsafe) {
      expect(reachesNode(prefs)).toBe(true);
      expect(judgeContents({ kind: 'app-window', webPreferences: prefs })).toBe('refuse');
    }
  });

  it('refuses a webContents nobody declared, and admits the POS printer window only when announced', () => {
    expect(judgeContents(null)).toBe('refuse');
    expect(judgeContents({ kind: 'pos-printer' })).toBe('pos-printer');
  });
});

describe('ContentsGuard', () => {
  const guard = () => new ContentsGuard(posPageUrls(LIBRARY));

  it('gives the announcement to the next webContents only, then refuses the following one', () => {
    const g = guard();
    g.declareNext({ kind: 'pos-printer' });
    expect(g.admit(1)).toBe('pos-printer');
    expect(g.admit(2)).toBe('refuse');
    expect(g.verdictOf(1)).toBe('pos-printer');
  });

  it('drops an announcement that was undone before any window came', () => {
    const g = guard();
    const undo = g.declareNext({ kind: 'pos-printer' });
    undo();
    expect(g.admit(3)).toBe('refuse');
  });

  it('refuses a second announcement while one is pending', () => {
    const g = guard();
    g.declareNext({ kind: 'pos-printer' });
    expect(() => g.declareNext({ kind: 'pos-printer' })).toThrow('already announced');
  });

  it('lets the POS window load the library page, its script and stylesheet, and nothing else', () => {
    const g = guard();
    g.declareNext({ kind: 'pos-printer' });
    g.admit(7);
    for (const name of ['index.html', 'renderer.js', 'renderer.min.css']) expect(g.allowsRequest(fileUrl(name), 7)).toBe(true);
    for (const url of ['file:///etc/passwd', pathToFileURL(LIBRARY).href, fileUrl('../index.js'), 'https://evil.example/a.js', 'data:text/html,x', 'app://desk/index.html', 'blob:app://desk/1'])
      expect(g.allowsRequest(url, 7)).toBe(false);
  });

  it('keeps file:// away from every other webContents, and loads nothing for a refused or forgotten one', () => {
    const g = guard();
    g.declareNext({ kind: 'app-window', webPreferences: SANDBOXED });
    g.admit(1);
    expect(g.allowsRequest('app://desk/index.html', 1)).toBe(true);
    expect(g.allowsRequest(fileUrl('index.html'), 1)).toBe(false);
    expect(g.allowsRequest(fileUrl('index.html'), undefined)).toBe(false);
    g.admit(2);
    expect(g.allowsRequest('app://desk/index.html', 2)).toBe(false);
    expect(g.allowsRequest('app://desk/index.html', 99)).toBe(false);
    g.forget(1);
    expect(g.allowsRequest('app://desk/index.html', 1)).toBe(false);
  });

  it('never lets the POS window navigate, and lets sandboxed windows navigate only within app://desk', () => {
    const g = guard();
    g.declareNext({ kind: 'pos-printer' });
    g.admit(1);
    g.declareNext({ kind: 'app-window', webPreferences: SANDBOXED });
    g.admit(2);
    expect(g.allowsNavigation(1, fileUrl('index.html'), isAppUrl)).toBe(false);
    expect(g.allowsNavigation(1, 'app://desk/index.html', isAppUrl)).toBe(false);
    expect(g.allowsNavigation(2, 'app://desk/index.html', isAppUrl)).toBe(true);
    expect(g.allowsNavigation(2, 'https://evil.example/', isAppUrl)).toBe(false);
  });
});
