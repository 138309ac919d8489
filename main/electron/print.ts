// The desk's printer port on Electron (architecture §6): each document is loaded into a hidden,
// sandboxed window with scripts off, printed or turned into a PDF, and the window is destroyed.
// The choices (window settings, print options, outcomes) live in main/shell/printing.ts.
import { BrowserWindow, type WebContents } from 'electron';
import type { DeskPrinter } from '../app/printer';
import { a4PrintOptions, documentUrl, PDF_OPTIONS, PRINT_WINDOW_OPTIONS, printOutcome, slipPrintOptions, toPrinterInfo } from '../shell/printing';

async function withDocument<T>(html: string, work: (contents: WebContents) => Promise<T>): Promise<T> {
  const url = documentUrl(html);
  const win = new BrowserWindow(PRINT_WINDOW_OPTIONS);
  try {
    await win.loadURL(url);
    return await work(win.webContents);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

function print(contents: WebContents, options: Parameters<WebContents['print']>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print(options, (success, failureReason) => {
      const failure = printOutcome(success, failureReason);
      if (failure) reject(failure);
      else resolve();
    });
  });
}

export function createElectronPrinter(): DeskPrinter {
  return {
    listPrinters: () => withDocument('<!doctype html><title>printers</title>', async (contents) => (await contents.getPrintersAsync()).map(toPrinterInfo)),
    printA4: (html, options) => withDocument(html, (contents) => print(contents, a4PrintOptions(options))),
    exportPdf: (html) => withDocument(html, async (contents) => new Uint8Array(await contents.printToPDF(PDF_OPTIONS))),
    printSlip: (html, options) => withDocument(html, (contents) => print(contents, slipPrintOptions(options))),
  };
}
