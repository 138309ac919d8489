// What the Electron shell hands Chromium when it prints (main/electron/print.ts): the hidden
// window's settings, the document URL and the print options. No electron import, so each choice is
// unit-tested in plain Node; print.ts only passes these values on.
import { PrintCancelledError, type A4PrintOptions, type PrinterInfo } from '../app/printer';

/**
 * The hidden window a document is printed from: never shown, sandboxed, no Node, no preload and
 * scripts off (the 备案表 and the slip are static documents; a value that slipped past escaping
 * still cannot run).
 */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    devTools: false,
  },
} as const;

/** Chromium refuses URLs longer than 2 MB (url::kMaxURLChars). */
export const MAX_DOCUMENT_URL = 2 * 1024 * 1024;
const DATA_PREFIX = 'data:text/html;charset=utf-8,';

/** The document as a data: URL (the session lets data: through; no temp file to clean up). */
export function documentUrl(html: string): string {
  const url = DATA_PREFIX + encodeURIComponent(html);
  if (url.length > MAX_DOCUMENT_URL) throw new Error(`print document too large for a data: URL (${url.length} characters)`);
  return url;
}

/** A4: the two copies are already two pages of the document, so one copy is printed. */
export function a4PrintOptions(options: A4PrintOptions) {
  return {
    silent: options.silent,
    ...(options.printerName ? { deviceName: options.printerName } : {}),
    pageSize: 'A4',
    printBackground: true,
    copies: 1,
  } as const;
}

/** The PDF export honours the stylesheet's @page (A4, 12 mm / 13 mm margins). */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/** webContents.print's callback as an outcome: nothing, a cancelled dialog, or a failure. */
export function printOutcome(success: boolean, failureReason: string): Error | null {
  if (success) return null;
  if (failureReason === 'cancelled') return new PrintCancelledError();
  return new Error(`print failed: ${failureReason || 'unknown reason'}`);
}

/**
 * Electron's PrinterInfo as the desk lists it. Electron 45 no longer says which printer is the
 * system default (PrinterInfo.isDefault was removed), so every entry says false.
 */
export function toPrinterInfo(printer: { name: string; displayName?: string }): PrinterInfo {
  return { name: printer.name, displayName: printer.displayName || printer.name, isDefault: false };
}
