// print.settings.get / .set: remembered per desk in the settings table, audited, admin only; and
// print.printers on a desk with a printer port.
import { afterEach, describe, expect, it } from 'vitest';
import { putSetting } from '../../db/repositories/institution';
import { auditFor } from '../../db/repositories/audit';
import { createDesk } from '../../main/app/desk';
import { setUpDesk, SETUP, type TestDesk } from '../helpers/desk';
import { RecordingPrinter, valueOf } from './helpers';

let t: TestDesk;
afterEach(() => t?.close());

const CHOICE = { a4PrinterName: 'HP_LaserJet_M404', slipPrinterName: 'XP-80C', slipWidth: '58mm', defaultTemplate: 'national' } as const;

describe('print settings', () => {
  it("start from no printers, 80 mm slips and the institution region's template (合肥 for 340100)", async () => {
    t = await setUpDesk();
    const operator = await t.addOperator('jingban1', 'operator');
    expect(valueOf(await t.desk.dispatch('print.settings.get', {}, operator))).toEqual({
      a4PrinterName: null,
      slipPrinterName: null,
      slipWidth: '80mm',
      defaultTemplate: null,
      effectiveTemplate: 'hefei',
    });
  });

  it('are remembered across a restart of the desk, and the change is audited with before and after', async () => {
    const printer = new RecordingPrinter();
    t = await setUpDesk({ printer });
    const saved = valueOf(await t.desk.dispatch('print.settings.set', CHOICE, t.admin));
    expect(saved).toEqual({ ...CHOICE, effectiveTemplate: 'national' });

    t.desk.close();
    const reopened = await createDesk({ dataDir: t.dir, mode: 'training', printer });
    try {
      const session = valueOf(await reopened.dispatch('auth.login', { username: SETUP.adminUsername, password: SETUP.adminPassword }, null));
      expect(valueOf(await reopened.dispatch('print.settings.get', {}, reopened.sessions.get(session.token)))).toEqual({ ...CHOICE, effectiveTemplate: 'national' });
      const [row] = auditFor(reopened.db.db, 'settings', 'print.settings');
      expect(row).toMatchObject({ action: 'print.settings.set', operatorId: t.admin.operatorId, before: { a4PrinterName: null, slipWidth: '80mm' }, after: CHOICE });
    } finally {
      reopened.close();
      t.desk = { close: () => {} } as never;
    }
  });

  it('follow the region again when the template choice is cleared; blank printer names mean none', async () => {
    t = await setUpDesk();
    await t.desk.dispatch('print.settings.set', CHOICE, t.admin);
    const cleared = valueOf(await t.desk.dispatch('print.settings.set', { a4PrinterName: '  ', slipPrinterName: '', slipWidth: '80mm', defaultTemplate: null }, t.admin));
    expect(cleared).toEqual({ a4PrinterName: null, slipPrinterName: null, slipWidth: '80mm', defaultTemplate: null, effectiveTemplate: 'hefei' });
  });

  it('may be changed by an administrator only', async () => {
    t = await setUpDesk();
    for (const role of ['operator', 'reviewer'] as const) {
      const session = await t.addOperator(`${role}1`, role);
      const r = await t.desk.dispatch('print.settings.set', CHOICE, session);
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(!r.ok && r.message).toContain('管理员');
    }
    expect(auditFor(t.desk.db.db, 'settings', 'print.settings')).toEqual([]);
    expect(valueOf(await t.desk.dispatch('print.settings.get', {}, t.admin)).a4PrinterName).toBeNull();
  });

  it('refuse a printer this machine does not have, naming the field', async () => {
    t = await setUpDesk({ printer: new RecordingPrinter() });
    const r = await t.desk.dispatch('print.settings.set', { ...CHOICE, slipPrinterName: 'Gone-Printer' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { slipPrinterName: '本机没有名为“Gone-Printer”的打印机，请刷新列表后重新选择' } });
  });

  it('refuse a slip width the printers do not take, in Chinese', async () => {
    t = await setUpDesk();
    const r = await t.desk.dispatch('print.settings.set', { ...CHOICE, slipWidth: '76mm' as never }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { slipWidth: '请选择小票宽度（80mm 或 58mm）' } });
  });

  it('fall back to the defaults when the stored value cannot be read', async () => {
    t = await setUpDesk();
    putSetting(t.desk.db.db, 'print.settings', { slipWidth: '999mm' }, new Date().toISOString());
    expect(valueOf(await t.desk.dispatch('print.settings.get', {}, t.admin))).toMatchObject({ slipWidth: '80mm', a4PrinterName: null });
  });
});

describe('print.printers', () => {
  it("lists the machine's printers when the desk has a printer port", async () => {
    const printer = new RecordingPrinter();
    t = await setUpDesk({ printer });
    const reviewer = await t.addOperator('fuhe1', 'reviewer');
    expect(valueOf(await t.desk.dispatch('print.printers', {}, reviewer))).toEqual({ available: true, printers: printer.printers });
  });
});
