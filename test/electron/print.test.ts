// The Electron printer port (main/electron/print.ts) with a stand-in 'electron' module: what each
// hidden window is given, that it always goes away, and how Chromium's print outcomes read. The
// built bundle's wiring of the same port is checked in main-bundle.test.ts (FAKE_PRINT_SCENARIO).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PrintCancelledError } from '../../main/app/printer';
import { documentUrl, MAX_DOCUMENT_URL, printOutcome, toPrinterInfo } from '../../main/shell/printing';

interface FakeWindow {
  options: { show?: boolean; webPreferences?: Record<string, unknown> };
  url: string | null;
  destroyed: boolean;
}

const stand = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  loadFails: false,
  printResult: [true, ''] as [boolean, string],
  printOptions: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    private readonly record: FakeWindow;
    readonly webContents = {
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        stand.printOptions.push(options);
        setTimeout(() => callback(...stand.printResult), 1);
      },
      printToPDF: async () => Buffer.from('%PDF-1.7'),
      getPrintersAsync: async () => [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', description: '', options: {} }],
    };
    constructor(options: FakeWindow['options']) {
      this.record = { options, url: null, destroyed: false };
      stand.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
      if (stand.loadFails) throw new Error('ERR_ABORTED');
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

const { createElectronPrinter: createPrinter, POS_LIBRARY_ENTRY } = await import('../../main/electron/print');
const { ContentsGuard, posPageUrls } = await import('../../main/shell/printing-pos');
const guard = new ContentsGuard(posPageUrls(POS_LIBRARY_ENTRY));
const posJobs: { lines: unknown[]; options: unknown }[] = [];
const FakePosPrinter = { print: async (lines: unknown[], options: unknown) => void posJobs.push({ lines, options }) } as unknown as Parameters<typeof createPrinter>[1] extends (() => infer P) | undefined ? P : never;
const createElectronPrinter = () => createPrinter(guard, () => FakePosPrinter);
const HTML = '<!doctype html><html lang="zh-CN"><body><h1>基本医疗保险异地就医登记备案表</h1><p>20261123-0001 &amp; 张三</p></body></html>';

beforeEach(() => {
  stand.windows.length = 0;
  stand.printOptions.length = 0;
  stand.loadFails = false;
  stand.printResult = [true, ''];
});

describe('the hidden print window', () => {
  it('is never shown, sandboxed, isolated, without Node, preload or scripts', async () => {
    await createElectronPrinter().printA4(HTML, { silent: false });
    expect(stand.windows).toHaveLength(1);
    const { options } = stand.windows[0]!;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, javascript: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('loads exactly the document it was given, as a UTF-8 data: URL', async () => {
    await createElectronPrinter().printA4(HTML, { silent: false });
    const url = stand.windows[0]!.url!;
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(HTML);
  });

  it('is destroyed after printing, after a failed load and after a failed print', async () => {
    const printer = createElectronPrinter();
    await printer.printA4(HTML, { silent: true, printerName: 'HP' });
    stand.loadFails = true;
    await expect(printer.exportPdf(HTML)).rejects.toThrow('ERR_ABORTED');
    stand.loadFails = false;
    stand.printResult = [false, 'failed'];
    await expect(printer.printA4(HTML, { silent: true })).rejects.toThrow('print failed: failed');
    expect(stand.windows.map((w) => w.destroyed)).toEqual([true, true, true]);
  });

  it('opens no window for a document too large for a data: URL', async () => {
    const huge = `<p>${'备'.repeat(MAX_DOCUMENT_URL / 9 + 10)}</p>`;
    await expect(createElectronPrinter().printA4(huge, { silent: false })).rejects.toThrow('too large');
    expect(stand.windows).toHaveLength(0);
  });
});

describe('print calls', () => {
  it('prints A4 with the system dialog when no printer is remembered', async () => {
    await createElectronPrinter().printA4(HTML, { silent: false });
    expect(stand.printOptions).toEqual([{ silent: false, pageSize: 'A4', printBackground: true, copies: 1 }]);
  });

  it('reads a closed print dialog as cancelled, not as a failure', async () => {
    stand.printResult = [false, 'cancelled'];
    await expect(createElectronPrinter().printA4(HTML, { silent: false })).rejects.toBeInstanceOf(PrintCancelledError);
  });

  it('returns the PDF bytes', async () => {
    const pdf = await createElectronPrinter().exportPdf(HTML);
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
  });

  it('prints the slip through electron-pos-printer: the lines as given, silently, at the slip width, no window of its own', async () => {
    posJobs.length = 0;
    const lines = [{ type: 'text', value: '姓名：&lt;img&gt;' }, { type: 'qrCode', value: '20261123-0001', width: '160', height: '160', position: 'center' }] as const;
    await createElectronPrinter().printSlip(lines, { printerName: 'EPSON_TM_T82', width: '58mm' });
    expect(posJobs).toEqual([{ lines, options: { preview: false, silent: true, printerName: 'EPSON_TM_T82', pageSize: '58mm', margin: '0 0 0 0', copies: 1, timeOutPerLine: 400 } }]);
    expect(stand.windows).toHaveLength(0);
    expect(stand.printOptions).toEqual([]);
  });

  it('lists the printers with their display names', async () => {
    expect(await createElectronPrinter().listPrinters()).toEqual([{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', isDefault: false }]);
    expect(stand.windows[0]!.destroyed).toBe(true);
  });
});

describe('plain-Node print helpers (main/shell/printing.ts)', () => {
  it('keeps a document that fits and refuses one that does not', () => {
    expect(documentUrl('<p>x</p>')).toBe('data:text/html;charset=utf-8,%3Cp%3Ex%3C%2Fp%3E');
    expect(() => documentUrl('x'.repeat(MAX_DOCUMENT_URL))).toThrow('too large');
  });

  it('maps the print callback: success, cancelled, any other reason', () => {
    expect(printOutcome(true, '')).toBeNull();
    expect(printOutcome(false, 'cancelled')).toBeInstanceOf(PrintCancelledError);
    expect(printOutcome(false, '')?.message).toBe('print failed: unknown reason');
  });

  it('falls back to the system name when a printer has no display name', () => {
    expect(toPrinterInfo({ name: 'XP-58', displayName: '' })).toEqual({ name: 'XP-58', displayName: 'XP-58', isDefault: false });
  });
});
