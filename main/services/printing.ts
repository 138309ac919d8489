// Printing (issue 6): this desk's print settings, the machine's printers, and the audit row of
// every print and reprint. Electron prints through the printer port (ctx.printer); browser mode
// has none, prints with the browser's dialog and reports the print with print.record.
import { z } from 'zod';
import type { ParsedRequestOf, PRINT_KINDS, PrintSettingsDto, ResponseOf } from '../../shared/contract';
import type { FilingDetail } from '../../shared/domain/filing';
import { buildSlip, SLIP_WIDTHS } from '../../shared/domain/print/slip';
import { posSlipData } from '../shell/printing-pos';
import { defaultPrintTemplate, PRINT_TEMPLATE_IDS, type PrintTemplateId } from '../../shared/domain/print/templates';
import { appendAudit, auditFor } from '../../db/repositories/audit';
import { getFiling } from '../../db/repositories/filings';
import { getInstitution, getSetting, putSetting } from '../../db/repositories/institution';
import { DeskError } from '../app/errors';
import { PrintCancelledError, type DeskPrinter } from '../app/printer';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

/** The audit action of every print, reprint, PDF export and slip. */
export const FILING_PRINT = 'filing.print';
export const PRINT_SETTINGS_KEY = 'print.settings';

const storedSettings = z.object({
  a4PrinterName: z.string().nullable(),
  slipPrinterName: z.string().nullable(),
  slipWidth: z.enum(SLIP_WIDTHS),
  defaultTemplate: z.enum(PRINT_TEMPLATE_IDS).nullable(),
});
type StoredSettings = z.infer<typeof storedSettings>;

const DEFAULT_SETTINGS: StoredSettings = { a4PrinterName: null, slipPrinterName: null, slipWidth: '80mm', defaultTemplate: null };

export const NO_PRINTER_MESSAGE = '当前为浏览器模式，工作台不能直接连接打印机。请在打印预览中点击“打印”，用浏览器的打印对话框打印（导出PDF时选择“另存为PDF”）';

/** A stored value that no longer parses (hand-edited, older version) falls back to the defaults. */
function readSettings(ctx: ServiceContext): StoredSettings {
  const parsed = storedSettings.safeParse(getSetting(ctx.db, PRINT_SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

function settingsDto(ctx: ServiceContext, stored: StoredSettings): PrintSettingsDto {
  const regionTemplate = defaultPrintTemplate(getInstitution(ctx.db)?.regionCode ?? '');
  return { ...stored, effectiveTemplate: stored.defaultTemplate ?? regionTemplate };
}

function printerOf(ctx: ServiceContext): DeskPrinter {
  if (!ctx.printer) throw new DeskError('UNAVAILABLE', NO_PRINTER_MESSAGE);
  return ctx.printer;
}

function filingOr404(ctx: ServiceContext, id: string): FilingDetail {
  const filing = getFiling(ctx.db, id);
  if (!filing) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
  return filing;
}

/** What the printer reported, for the operator: never more than a line. */
function printFailure(error: unknown): DeskError {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 120);
  return new DeskError('UNAVAILABLE', `打印未完成：请检查打印机是否开机、联机并装好纸张，然后重试。打印机返回：${detail}`);
}

export interface PrintEvent {
  kind: (typeof PRINT_KINDS)[number];
  template: PrintTemplateId | null;
  /** 'browser': the renderer printed with the browser's dialog; 'desk': through the printer port. */
  via: 'browser' | 'desk';
  printerName?: string | null;
  slipWidth?: string;
}

/**
 * The audit row of one print. A reprint is a print of a filing that already has one. The row keeps
 * what was on paper: the serial (or the local number before upload) and the upload state then.
 */
function auditPrint(ctx: ServiceContext, session: Session, filingId: string, event: PrintEvent): { reprint: boolean } {
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    const filing = filingOr404(ctx, filingId);
    const reprint = auditFor(ctx.db, 'filing', filing.id).some((e) => e.action === FILING_PRINT);
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: FILING_PRINT,
      entityType: 'filing',
      entityId: filing.id,
      after: {
        ...event,
        reprint,
        serial: filing.platformSerial,
        localNo: filing.localNo,
        uploadState: filing.uploadState,
        status: filing.status,
        operatorName: session.displayName,
      },
    });
    return { reprint };
  });
}

export async function printers(ctx: ServiceContext): Promise<ResponseOf<'print.printers'>> {
  if (!ctx.printer) return { available: false, printers: [] };
  try {
    return { available: true, printers: await ctx.printer.listPrinters() };
  } catch (error) {
    throw new DeskError('UNAVAILABLE', `无法读取本机打印机列表，请确认打印服务正在运行后重试（${String(error instanceof Error ? error.message : error).slice(0, 80)}）`);
  }
}

export function getSettings(ctx: ServiceContext): ResponseOf<'print.settings.get'> {
  return settingsDto(ctx, readSettings(ctx));
}

/** Printer names are checked against the machine's list when the desk has printers to ask. */
export async function setSettings(ctx: ServiceContext, req: ParsedRequestOf<'print.settings.set'>, session: Session): Promise<ResponseOf<'print.settings.set'>> {
  if (ctx.printer && (req.a4PrinterName !== null || req.slipPrinterName !== null)) {
    const known = new Set((await printers(ctx)).printers.map((p) => p.name));
    const fields: Record<string, string> = {};
    for (const key of ['a4PrinterName', 'slipPrinterName'] as const) {
      const name = req[key];
      if (name !== null && !known.has(name)) fields[key] = `本机没有名为“${name}”的打印机，请刷新列表后重新选择`;
    }
    if (Object.keys(fields).length > 0) throw new DeskError('INVALID_REQUEST', Object.values(fields)[0]!, fields);
  }
  const next: StoredSettings = { a4PrinterName: req.a4PrinterName, slipPrinterName: req.slipPrinterName, slipWidth: req.slipWidth, defaultTemplate: req.defaultTemplate };
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    const before = readSettings(ctx);
    putSetting(ctx.db, PRINT_SETTINGS_KEY, next, at);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'print.settings.set', entityType: 'settings', entityId: PRINT_SETTINGS_KEY, before, after: next });
  });
  return settingsDto(ctx, next);
}

/** Browser mode: the renderer printed with the browser's dialog and says so. */
export function record(ctx: ServiceContext, req: ParsedRequestOf<'print.record'>, session: Session): ResponseOf<'print.record'> {
  const template = req.kind === 'slip' ? null : (req.template ?? null);
  const { reprint } = auditPrint(ctx, session, req.filingId, { kind: req.kind, template, via: 'browser' });
  return { printed: true, reprint };
}

/**
 * The renderer's own document must be for this filing: it carries the filing's local number or
 * platform serial. A preview left open on another filing is refused rather than audited wrongly.
 */
function assertDocumentOf(filing: FilingDetail, html: string): void {
  if (html.includes(filing.localNo) || (filing.platformSerial !== null && html.includes(filing.platformSerial))) return;
  throw new DeskError('CONFLICT', '打印内容与所选备案不一致（其中没有该备案的编号），请关闭预览后重新打开再打印');
}

/**
 * Electron: prints the 备案表 the renderer rendered (renderPrintDocument) on the A4 printer, or
 * exports it as PDF. The document is loaded in a hidden sandboxed window with scripts off, so its
 * HTML is used as given; what the desk trusts is the filing id it audits against.
 */
export async function printA4(ctx: ServiceContext, req: ParsedRequestOf<'print.a4'>, session: Session): Promise<ResponseOf<'print.a4'>> {
  const printer = printerOf(ctx);
  assertDocumentOf(filingOr404(ctx, req.filingId), req.html);
  const settings = readSettings(ctx);
  let pdf: Uint8Array | null = null;
  try {
    if (req.target === 'pdf') pdf = await printer.exportPdf(req.html);
    // A remembered printer prints straight away; without one the system's dialog lets the operator choose.
    else await printer.printA4(req.html, { ...(settings.a4PrinterName ? { printerName: settings.a4PrinterName } : {}), silent: settings.a4PrinterName !== null });
  } catch (error) {
    if (error instanceof PrintCancelledError) return { printed: false, reprint: false };
    throw printFailure(error);
  }
  const kind = req.target === 'pdf' ? 'pdf' : 'a4';
  const printerName = kind === 'a4' ? settings.a4PrinterName : null;
  const { reprint } = auditPrint(ctx, session, req.filingId, { kind, template: req.template, via: 'desk', printerName });
  return pdf ? { printed: true, reprint, pdfBase64: Buffer.from(pdf).toString('base64') } : { printed: true, reprint };
}

/**
 * Electron: the desk slip, built here from the stored filing (never from renderer HTML) as
 * electron-pos-printer lines whose every text value is escaped (posSlipData), and printed without a
 * dialog. The library's Node-enabled window and how it is contained: docs/printing.md "Slips".
 */
export async function printSlip(ctx: ServiceContext, req: ParsedRequestOf<'print.slip'>, session: Session): Promise<ResponseOf<'print.slip'>> {
  const printer = printerOf(ctx);
  const filing = filingOr404(ctx, req.filingId);
  const institution = getInstitution(ctx.db);
  if (!institution) throw new DeskError('BUSINESS_RULE', '工作台尚未完成初始设置，不能打印小票');
  const slip = buildSlip({ filing, institution, operator: { displayName: session.displayName }, printedAt: ctx.clock() });
  const settings = readSettings(ctx);
  const lines = posSlipData(slip, { training: ctx.mode === 'training' });
  try {
    await printer.printSlip(lines, { ...(settings.slipPrinterName ? { printerName: settings.slipPrinterName } : {}), width: settings.slipWidth });
  } catch (error) {
    if (error instanceof PrintCancelledError) return { printed: false, reprint: false };
    throw printFailure(error);
  }
  const { reprint } = auditPrint(ctx, session, req.filingId, { kind: 'slip', template: null, via: 'desk', printerName: settings.slipPrinterName, slipWidth: settings.slipWidth });
  return { printed: true, reprint };
}
