// A printer port that records what the desk asked of it, and readers for the print audit rows.
import type { Result } from '../../shared/contract';
import { auditFor, type AuditEntry } from '../../db/repositories/audit';
import type { A4PrintOptions, DeskPrinter, PrinterInfo, SlipPrintOptions } from '../../main/app/printer';
import type { Desk } from '../../main/app/desk';
import type { PosPrintData } from '../../shared/domain/print/slip';

export type PrinterCall =
  | { method: 'printA4'; html: string; options: A4PrintOptions }
  | { method: 'exportPdf'; html: string }
  | { method: 'printSlip'; lines: readonly PosPrintData[]; options: SlipPrintOptions }
  | { method: 'listPrinters' };

export class RecordingPrinter implements DeskPrinter {
  readonly calls: PrinterCall[] = [];
  printers: PrinterInfo[] = [
    { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404', isDefault: false },
    { name: 'XP-80C', displayName: '芯烨 XP-80C', isDefault: false },
  ];
  /** Thrown by the next print (then cleared). */
  failNext: Error | null = null;
  pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7

  private take(): void {
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
  }
  async listPrinters() {
    this.calls.push({ method: 'listPrinters' });
    return this.printers;
  }
  async printA4(html: string, options: A4PrintOptions) {
    this.calls.push({ method: 'printA4', html, options });
    this.take();
  }
  async exportPdf(html: string) {
    this.calls.push({ method: 'exportPdf', html });
    this.take();
    return this.pdf;
  }
  async printSlip(lines: readonly PosPrintData[], options: SlipPrintOptions) {
    this.calls.push({ method: 'printSlip', lines, options });
    this.take();
  }
}

/** The filing.print audit rows of a filing, oldest first. */
export function printAudits(desk: Desk, filingId: string): AuditEntry[] {
  return auditFor(desk.db.db, 'filing', filingId).filter((e) => e.action === 'filing.print');
}

export function allPrintAudits(desk: Desk): number {
  return (desk.db.sqlite.prepare("select count(*) as n from audit_events where action = 'filing.print'").get() as { n: number }).n;
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** A document the way the renderer would send it: it names the filing by its local number. */
export function documentFor(localNo: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><h1>合肥市基本医疗保险异地就医备案表</h1><p>本地编号 ${localNo}</p></body></html>`;
}

/** The 'text' values of the slip lines the port was given, one per line. */
export function slipText(lines: readonly PosPrintData[]): string {
  return lines.filter((l) => l.type === 'text').map((l) => l.value).join('\n');
}
