// The printer port: what the desk needs from the machine's printers. The Electron shell provides it
// (main/electron/print.ts); browser mode has none, and the renderer prints the same document with
// the browser's own dialog (window.print) and reports it with print.record.
import type { PosPrintData, SlipWidth } from '../../shared/domain/print/slip';

export interface PrinterInfo {
  /** The system's name for the printer (what printing is addressed to). */
  name: string;
  /** The name operators see. */
  displayName: string;
  /** False when the system does not say (Electron 45 no longer reports the default printer). */
  isDefault: boolean;
}

export interface A4PrintOptions {
  /** The remembered A4 printer; without it the system's default printer. */
  printerName?: string;
  /** True prints straight to the printer; false shows the system's print dialog first. */
  silent: boolean;
}

export interface SlipPrintOptions {
  printerName?: string;
  /** The paper the slip document was laid out for. */
  width: SlipWidth;
}

export interface DeskPrinter {
  listPrinters(): Promise<PrinterInfo[]>;
  /** Prints a complete HTML document (the two copies are already two pages of it). */
  printA4(html: string, options: A4PrintOptions): Promise<void>;
  /** The same document as an A4 PDF. */
  exportPdf(html: string): Promise<Uint8Array>;
  /**
   * Prints the desk slip on the thermal printer, without a dialog, through electron-pos-printer:
   * `lines` is posSlipData (main/shell/printing-pos.ts), built by the main side from the stored
   * filing, every text value escaped.
   */
  printSlip(lines: readonly PosPrintData[], options: SlipPrintOptions): Promise<void>;
}

/** The operator closed the system's print dialog without printing: not a failure, and not a print. */
export class PrintCancelledError extends Error {
  constructor() {
    super('print cancelled by the operator');
    this.name = 'PrintCancelledError';
  }
}
