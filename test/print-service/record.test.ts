// print.record: browser mode prints with the browser's dialog and reports it. Every print and
// reprint leaves a filing.print audit row saying who, when and what was on paper.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUploadState } from '../../db/repositories/filings';
import { personIdNumber, referral, setUpDesk, type TestDesk } from '../helpers/desk';
import { allPrintAudits, printAudits, valueOf } from './helpers';

const NOW = new Date('2026-11-23T02:30:00.000Z');
let t: TestDesk;
let filingId: string;
let localNo: string;

beforeEach(async () => {
  t = await setUpDesk({ clock: () => NOW });
  const filing = valueOf(await t.desk.dispatch('filing.create', referral(), t.admin));
  filingId = filing.id;
  localNo = filing.localNo;
});
afterEach(() => t.close());

describe('print.record', () => {
  it('audits a first print with who, when, the template and what the paper said', async () => {
    const operator = await t.addOperator('jingban1', 'operator');
    const r = valueOf(await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, operator));
    expect(r).toEqual({ printed: true, reprint: false });
    const [row, ...rest] = printAudits(t.desk, filingId);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ at: NOW.toISOString(), operatorId: operator.operatorId, action: 'filing.print', entityType: 'filing', entityId: filingId });
    expect(row!.after).toEqual({
      kind: 'a4',
      template: 'hefei',
      via: 'browser',
      reprint: false,
      serial: null,
      localNo,
      uploadState: 'pending',
      status: 'active',
      operatorName: 'jingban1姓名',
    });
  });

  it('marks every later print of the same filing as a reprint, whatever was printed before', async () => {
    await t.desk.dispatch('print.record', { filingId, kind: 'slip' }, t.admin);
    const pdf = valueOf(await t.desk.dispatch('print.record', { filingId, kind: 'pdf', template: 'national' }, t.admin));
    const paper = valueOf(await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'national' }, t.admin));
    expect([pdf.reprint, paper.reprint]).toEqual([true, true]);
    expect(printAudits(t.desk, filingId).map((r) => (r.after as { reprint: boolean }).reprint)).toEqual([false, true, true]);
  });

  it("does not count another filing's prints", async () => {
    const other = valueOf(await t.desk.dispatch('filing.create', referral({ personName: '李四', certNo: personIdNumber(1) }), t.admin));
    await t.desk.dispatch('print.record', { filingId: other.id, kind: 'a4', template: 'hefei' }, t.admin);
    const r = valueOf(await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, t.admin));
    expect(r.reprint).toBe(false);
  });

  it('records the serial and upload state at the time of a reprint after upload', async () => {
    await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, t.admin);
    setUploadState(t.desk.db.db, filingId, 'uploaded', NOW.toISOString(), 'J3401002026112300000001');
    await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, t.admin);
    const [, reprint] = printAudits(t.desk, filingId);
    expect(reprint!.after).toMatchObject({ reprint: true, serial: 'J3401002026112300000001', localNo, uploadState: 'uploaded' });
  });

  it('keeps no template for a slip', async () => {
    await t.desk.dispatch('print.record', { filingId, kind: 'slip', template: 'jiangxi' }, t.admin);
    expect(printAudits(t.desk, filingId)[0]!.after).toMatchObject({ kind: 'slip', template: null });
  });

  it('needs the template of a printed form, in Chinese, and audits nothing', async () => {
    const r = await t.desk.dispatch('print.record', { filingId, kind: 'a4' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { template: '打印备案表时请选择备案表样式' } });
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('refuses an unknown filing and audits nothing', async () => {
    const r = await t.desk.dispatch('print.record', { filingId: 'no-such-filing', kind: 'a4', template: 'hefei' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(allPrintAudits(t.desk)).toBe(0);
  });

  it('lets a reviewer record a print, and nobody who is not logged in', async () => {
    const reviewer = await t.addOperator('fuhe1', 'reviewer');
    expect(await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, reviewer)).toMatchObject({ ok: true });
    expect(await t.desk.dispatch('print.record', { filingId, kind: 'a4', template: 'hefei' }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(allPrintAudits(t.desk)).toBe(1);
  });
});
