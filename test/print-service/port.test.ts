// print.a4 and print.slip: the Electron path through the printer port, here a recording fake.
// Without a port (browser mode) both say so in Chinese and audit nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { PrintCancelledError } from '../../main/app/printer';
import { referral, setUpDesk, type TestDesk } from '../helpers/desk';
import { allPrintAudits, documentFor, printAudits, RecordingPrinter, slipText, valueOf } from './helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';
let t: TestDesk;
afterEach(() => t?.close());

async function deskWith(printer: RecordingPrinter | undefined, extra: Parameters<typeof setUpDesk>[0] = {}) {
  t = await setUpDesk({ clock: () => new Date('2026-11-23T02:30:00.000Z'), ...(printer ? { printer } : {}), ...extra });
  const filing = valueOf(await t.desk.dispatch('filing.create', referral(), t.admin));
  return filing;
}

describe('print.a4 through the printer port', () => {
  it('hands the port the document exactly as rendered, with the system dialog when no printer is remembered', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    const html = documentFor(filing.localNo);
    const r = valueOf(await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'hefei', html, target: 'printer' }, t.admin));
    expect(r).toEqual({ printed: true, reprint: false });
    expect(printer.calls).toEqual([{ method: 'printA4', html, options: { silent: false } }]);
    expect(printAudits(t.desk, filing.id).map((a) => a.after)).toEqual([
      expect.objectContaining({ kind: 'a4', template: 'hefei', via: 'desk', reprint: false, printerName: null, localNo: filing.localNo, uploadState: 'pending' }),
    ]);
  });

  it('prints straight to the remembered A4 printer', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    valueOf(await t.desk.dispatch('print.settings.set', { a4PrinterName: 'HP_LaserJet_M404', slipPrinterName: null, slipWidth: '80mm', defaultTemplate: null }, t.admin));
    await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'national', html: documentFor(filing.localNo), target: 'printer' }, t.admin);
    expect(printer.calls.at(-1)).toMatchObject({ method: 'printA4', options: { silent: true, printerName: 'HP_LaserJet_M404' } });
    expect(printAudits(t.desk, filing.id)[0]!.after).toMatchObject({ printerName: 'HP_LaserJet_M404' });
  });

  it('exports a PDF as base64 and audits it as kind pdf; a later print is a reprint', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    const html = documentFor(filing.localNo);
    const pdf = valueOf(await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'jiangxi', html, target: 'pdf' }, t.admin));
    expect(Buffer.from(pdf.pdfBase64!, 'base64').toString()).toBe('%PDF-1.7');
    expect(pdf.reprint).toBe(false);
    const paper = valueOf(await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'jiangxi', html, target: 'printer' }, t.admin));
    expect(paper).toEqual({ printed: true, reprint: true });
    expect(printAudits(t.desk, filing.id).map((a) => (a.after as { kind: string }).kind)).toEqual(['pdf', 'a4']);
  });

  it('refuses a document that is not of this filing, before printing anything', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    const r = await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'hefei', html: documentFor('20250101-0099'), target: 'printer' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(printer.calls).toEqual([]);
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('audits nothing when the operator closes the print dialog', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    printer.failNext = new PrintCancelledError();
    const r = valueOf(await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'hefei', html: documentFor(filing.localNo), target: 'printer' }, t.admin));
    expect(r).toEqual({ printed: false, reprint: false });
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('tells the operator in Chinese when the printer fails, and audits nothing', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    printer.failNext = new Error('print failed: Printer is out of paper');
    const r = await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'hefei', html: documentFor(filing.localNo), target: 'printer' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(!r.ok && r.message).toMatch(/^打印未完成：请检查打印机/);
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('refuses an unknown filing without calling the printer', async () => {
    const printer = new RecordingPrinter();
    await deskWith(printer);
    const r = await t.desk.dispatch('print.a4', { filingId: 'nope', template: 'hefei', html: documentFor('x'), target: 'printer' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(printer.calls).toEqual([]);
  });
});

describe('without a printer port (browser mode)', () => {
  it('answers print.a4 and print.slip with UNAVAILABLE, pointing to the browser dialog, and audits nothing', async () => {
    const filing = await deskWith(undefined);
    const a4 = await t.desk.dispatch('print.a4', { filingId: filing.id, template: 'hefei', html: documentFor(filing.localNo), target: 'pdf' }, t.admin);
    const slip = await t.desk.dispatch('print.slip', { filingId: filing.id }, t.admin);
    for (const r of [a4, slip]) {
      expect(r).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
      expect(!r.ok && r.message).toContain('浏览器的打印对话框');
    }
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('lists no printers and says none are available', async () => {
    await deskWith(undefined);
    expect(valueOf(await t.desk.dispatch('print.printers', {}, t.admin))).toEqual({ available: false, printers: [] });
  });
});

describe('print.slip', () => {
  it('builds the slip from the stored filing and hands the port escaped electron-pos-printer lines only', async () => {
    const printer = new RecordingPrinter();
    t = await setUpDesk({ printer });
    // The institution's name is printed unmasked on the slip: make it hostile too.
    t.desk.db.sqlite.prepare('update institution set name = ?').run(`演练医院${HOSTILE}`);
    const clerk = valueOf(await t.desk.dispatch('operator.create', { username: 'clerk1', displayName: `王${HOSTILE}`, role: 'operator', password: 'pass12345' }, t.admin));
    const session = await t.login(clerk.username, 'pass12345');
    const filing = valueOf(await t.desk.dispatch('filing.create', referral({ personName: HOSTILE }), session));

    const r = valueOf(await t.desk.dispatch('print.slip', { filingId: filing.id }, session));
    expect(r).toEqual({ printed: true, reprint: false });
    const call = printer.calls.find((c) => c.method === 'printSlip');
    if (call?.method !== 'printSlip') throw new Error('the port got no slip');
    expect(call.options).toEqual({ width: '80mm' });
    expect(call.lines.map((l) => l.type).every((type) => type === 'text' || type === 'qrCode')).toBe(true);
    const text = slipText(call.lines);
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('演练医院&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('经办人：王&lt;img src=x onerror=alert(1)&gt;');
    // The name is masked on the slip, and what is left of it is escaped too.
    expect(text).toMatch(/姓名：&lt;\*+&gt;/);
    // The QR line carries the raw local number (the library draws it on a canvas, never as markup).
    expect(call.lines.filter((l) => l.type === 'qrCode')).toEqual([expect.objectContaining({ value: filing.localNo })]);
    expect(text).toContain('待上传平台');
  });

  it('uses the remembered slip printer and width, marks training slips, and audits each print', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer);
    valueOf(await t.desk.dispatch('print.settings.set', { a4PrinterName: null, slipPrinterName: 'XP-80C', slipWidth: '58mm', defaultTemplate: null }, t.admin));
    await t.desk.dispatch('print.slip', { filingId: filing.id }, t.admin);
    const again = valueOf(await t.desk.dispatch('print.slip', { filingId: filing.id }, t.admin));
    expect(again.reprint).toBe(true);
    const call = printer.calls.find((c) => c.method === 'printSlip');
    expect(call).toMatchObject({ options: { printerName: 'XP-80C', width: '58mm' } });
    expect(call?.method === 'printSlip' && slipText(call.lines)).toContain('演练 演练 演练');
    expect(printAudits(t.desk, filing.id).map((a) => a.after)).toEqual([
      expect.objectContaining({ kind: 'slip', template: null, via: 'desk', printerName: 'XP-80C', slipWidth: '58mm', reprint: false }),
      expect.objectContaining({ kind: 'slip', reprint: true }),
    ]);
  });

  it('prints no training mark on a live desk', async () => {
    const printer = new RecordingPrinter();
    const filing = await deskWith(printer, { mode: 'live' });
    await t.desk.dispatch('print.slip', { filingId: filing.id }, t.admin);
    const call = printer.calls.find((c) => c.method === 'printSlip');
    expect(call?.method === 'printSlip' && slipText(call.lines)).not.toContain('演练 演练 演练');
  });
});
