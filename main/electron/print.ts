// The desk's printer port on Electron (architecture §6): each A4 document is loaded into a hidden,
// sandboxed window with scripts off, printed or turned into a PDF, and the window is destroyed.
// Slips go through electron-pos-printer, one at a time, announced to the ContentsGuard so that its
// Node-enabled window is the only one admitted. The choices live in main/shell/printing*.ts.
import { BrowserWindow, type WebContents } from 'electron';
import { createRequire } from 'node:module';
import type { PosPrinter } from 'electron-pos-printer';
import type { DeskPrinter } from '../app/printer';
import { a4PrintOptions, documentUrl, PDF_OPTIONS, PRINT_WINDOW_OPTIONS, printOutcome, toPrinterInfo } from '../shell/printing';
import { POS_PRINT_TIMEOUT_MS, posPrintOptions, type ContentsGuard } from '../shell/printing-pos';

const requireHere = createRequire(import.meta.url);
export const POS_LIBRARY_ENTRY = requireHere.resolve('electron-pos-printer');

async function withDocument<T>(guard: ContentsGuard, html: string, work: (contents: WebContents) => Promise<T>): Promise<T> {
  const url = documentUrl(html);
  const undo = guard.declareNext({ kind: 'print-window', webPreferences: PRINT_WINDOW_OPTIONS.webPreferences });
  let win: BrowserWindow;
  try {
    win = new BrowserWindow(PRINT_WINDOW_OPTIONS);
  } finally {
    undo();
  }
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

type PosPrinterClass = typeof PosPrinter;
const loadPosPrinter = (): PosPrinterClass => (requireHere('electron-pos-printer') as { PosPrinter: PosPrinterClass }).PosPrinter;

/** `posPrinter` is for tests; the desk loads the library on the first slip. */
export function createElectronPrinter(guard: ContentsGuard, posPrinter: () => PosPrinterClass = loadPosPrinter): DeskPrinter {
  // The library answers its page through global ipcMain.once replies: two jobs at once would cross.
  let slipQueue: Promise<unknown> = Promise.resolve();
  const posJob: DeskPrinter['printSlip'] = async (lines, options) => {
    const library = posPrinter();
    const undo = guard.declareNext({ kind: 'pos-printer' });
    let timer: NodeJS.Timeout | undefined;
    try {
      const job = library.print([...lines], posPrintOptions(options));
      undo();
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('print failed: slip printer timed out')), POS_PRINT_TIMEOUT_MS)));
      await Promise.race([job, timeout]);
    } catch (error) {
      throw error instanceof Error ? error : new Error(`print failed: ${String(error)}`);
    } finally {
      undo();
      clearTimeout(timer);
      for (const win of BrowserWindow.getAllWindows()) if (guard.verdictOf(win.webContents.id) === 'pos-printer' && !win.isDestroyed()) win.destroy();
    }
  };
  return {
    listPrinters: () => withDocument(guard, '<!doctype html><title>printers</title>', async (contents) => (await contents.getPrintersAsync()).map(toPrinterInfo)),
    printA4: (html, options) => withDocument(guard, html, (contents) => print(contents, a4PrintOptions(options))),
    exportPdf: (html) => withDocument(guard, html, async (contents) => new Uint8Array(await contents.printToPDF(PDF_OPTIONS))),
    printSlip: (lines, options) => {
      const next = slipQueue.then(() => posJob(lines, options));
      slipQueue = next.catch(() => undefined);
      return next;
    },
  };
}
