// Import of an old system's export (CSV in GBK and UTF-8, XLSX) through the contract, then the seed 001
// clean-up as a dry-run report, applied and undone (001_60741e77fa0d4bdb.txt 二(一)7).
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from '../../shared/contract/areas/cutover';
import type { RequestOf, ResponseOf, Result } from '../../shared/contract';
import { auditFor } from '../../db/repositories/audit';
import { setUpDesk, type TestDesk } from '../helpers/desk';
import { BAD_ROWS, csvGbk, csvUtf8, exportRows, RULE_ROWS, xlsx } from './fixtures';

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

const ALL_ROWS = exportRows([...RULE_ROWS, ...BAD_ROWS.map((b) => b.row)]);

async function fileOf(format: 'gbk' | 'utf8' | 'xlsx', rows = ALL_ROWS): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = format === 'gbk' ? csvGbk(rows) : format === 'utf8' ? csvUtf8(rows) : await xlsx(rows);
  return { fileName: format === 'xlsx' ? '转诊信息.xlsx' : `转诊信息-${format}.csv`, contentBase64: bytes.toString('base64') };
}

async function importAll(desk: TestDesk, format: 'gbk' | 'utf8' | 'xlsx' = 'gbk'): Promise<ResponseOf<'cutover.import.commit'>> {
  const file = await fileOf(format);
  const preview = value(await desk.desk.dispatch('cutover.import.preview', file, desk.admin));
  return value(await desk.desk.dispatch('cutover.import.commit', { ...file, mapping: preview.mapping }, desk.admin));
}

describe('preview', () => {
  it.each([
    ['gbk', 'GB18030（GBK）'],
    ['utf8', 'UTF-8'],
    ['xlsx', null],
  ] as const)('reads a %s export: suggested mapping, sample rows and every bad row', async (format, encoding) => {
    t = await setUpDesk();
    const preview = value(await t.desk.dispatch('cutover.import.preview', await fileOf(format), t.admin));
    expect(preview.encoding).toBe(encoding);
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.rowCount).toBe(RULE_ROWS.length + BAD_ROWS.length);
    expect(preview.validCount).toBe(RULE_ROWS.length);
    expect(preview.sample.map((s) => s.oldId)).toEqual(RULE_ROWS.map((r) => r.id));
    expect(preview.sample[0]).toMatchObject({ personName: '甲一', filingDate: '2020-06-01', filingType: 'referral' });
    expect(preview.sample[0]!.certNoMasked).not.toContain(RULE_ROWS[0]!.cert.slice(6, 14));
    expect(preview.errors.map((e) => [e.rowNumber, e.field])).toEqual(BAD_ROWS.map((b, i) => [RULE_ROWS.length + 2 + i, b.field]));
  });

  it('stores nothing', async () => {
    t = await setUpDesk();
    value(await t.desk.dispatch('cutover.import.preview', await fileOf('utf8'), t.admin));
    expect(value(await t.desk.dispatch('filing.list', {}, t.admin)).total).toBe(0);
    expect(value(await t.desk.dispatch('cutover.import.batches', {}, t.admin))).toEqual([]);
  });

  it('reports a mapping that leaves a required field out instead of reading rows', async () => {
    t = await setUpDesk();
    const file = await fileOf('utf8');
    const suggested = value(await t.desk.dispatch('cutover.import.preview', file, t.admin)).mapping;
    const preview = value(await t.desk.dispatch('cutover.import.preview', { ...file, mapping: { ...suggested, filingDate: null } }, t.admin));
    expect(preview.mappingProblems).toEqual(['请为“备案日期”选择对应的列']);
    expect(preview.validCount).toBe(0);
  });

  it('refuses a file over the size limit with a message saying how to split it', async () => {
    t = await setUpDesk();
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 10, 0x41).toString('base64');
    const r = await t.desk.dispatch('cutover.import.preview', { fileName: 'big.csv', contentBase64: big }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(IMPORT_TOO_LARGE);
  });

  it.each([
    ['a .xls file', { fileName: '转诊.xls', contentBase64: 'QUJD' }, '只支持 .csv 和 .xlsx 文件'],
    ['an xlsx that is not a zip', { fileName: '转诊.xlsx', contentBase64: Buffer.from('姓名,身份证号').toString('base64') }, '内容不是 Excel 文件'],
    ['a CSV with an unclosed quote', { fileName: '转诊.csv', contentBase64: Buffer.from('编号,姓名\n"A1,张\n').toString('base64') }, 'CSV 文件格式有误'],
  ])('refuses %s with a Chinese message', async (_name, req, text) => {
    t = await setUpDesk();
    const r = await t.desk.dispatch('cutover.import.preview', req, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(text);
  });

  it('is for admins only', async () => {
    t = await setUpDesk();
    const operator = await t.addOperator('op1', 'operator');
    const r = await t.desk.dispatch('cutover.import.preview', await fileOf('utf8'), operator);
    expect(r.ok).toBe(false);
  });
});

describe('commit', () => {
  it.each(['gbk', 'utf8', 'xlsx'] as const)('imports the valid rows of a %s export as origin import, unqueued, each audited, and keeps the bad rows', async (format) => {
    t = await setUpDesk();
    const batch = await importAll(t, format);
    expect(batch).toMatchObject({ rowCount: RULE_ROWS.length + BAD_ROWS.length, importedCount: RULE_ROWS.length });
    expect(batch.errors.map((e) => e.field)).toEqual(BAD_ROWS.map((b) => b.field));
    const rows = t.desk.ctx.sqlite.prepare("SELECT id, origin, origin_ref, filing_date, start_date, upload_state FROM filings ORDER BY origin_ref").all() as {
      id: string;
      origin: string;
      origin_ref: string;
      filing_date: string;
      start_date: string;
      upload_state: string;
    }[];
    expect(rows.map((r) => r.origin_ref)).toEqual(RULE_ROWS.map((r) => r.id).sort());
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['import']));
    const a003 = rows.find((r) => r.origin_ref === 'A003')!;
    expect(a003).toMatchObject({ filing_date: '2021-04-01', start_date: '2021-04-01', upload_state: 'uploaded' });
    expect(value(await t.desk.dispatch('queue.stats', {}, t.admin)).pending).toBe(0);
    expect(auditFor(t.desk.ctx.db, 'filing', a003.id).map((a) => a.action)).toEqual(['filing.import']);
    expect(auditFor(t.desk.ctx.db, 'import_batch', batch.id).map((a) => a.action)).toEqual(['cutover.import']);
    expect(value(await t.desk.dispatch('cutover.import.batches', {}, t.admin)).map((b) => b.id)).toEqual([batch.id]);
  });

  it('refuses rows imported before when the same export is imported again', async () => {
    t = await setUpDesk();
    await importAll(t);
    const again = await importAll(t, 'xlsx');
    expect(again.importedCount).toBe(0);
    expect(again.errors.filter((e) => e.message.includes('已在此前导入')).length).toBe(RULE_ROWS.length);
  });
});

type Report = ResponseOf<'cutover.cleanup.plan'>;

function ruleOf(report: Report, oldId: string) {
  const item = report.items.find((i) => i.oldId === oldId);
  if (!item) throw new Error(`no item for ${oldId}`);
  return [item.action, item.rule, item.flagged] as const;
}

async function planned(desk: TestDesk): Promise<Report> {
  const req: RequestOf<'cutover.cleanup.plan'> = { asOf: '2021-11-30' };
  return value(await desk.desk.dispatch('cutover.cleanup.plan', req, desk.admin));
}

async function statusOf(desk: TestDesk, oldId: string): Promise<string> {
  const row = desk.desk.ctx.sqlite.prepare("SELECT status FROM filings WHERE origin = 'import' AND origin_ref = ?").get(oldId) as { status: string };
  return row.status;
}

describe('clean-up report (seed 001 二(一)7)', () => {
  it.each([
    ['A001', 'invalidate', 'before_cutoff', false],
    ['A002', 'invalidate', 'settled', false],
    ['A003', 'invalidate', 'uploaded_settled', false],
    ['A004', 'invalidate', 'same_county', false],
    ['A005', 'keep', 'keep_long_term', false],
    ['A006', 'keep', 'keep_cancer', false],
    ['A007', 'invalidate', 'duplicate_superseded', false],
    ['A008', 'keep', 'duplicate_kept', false],
    ['A009', 'invalidate', 'duplicate_superseded', true],
    ['A010', 'keep', 'duplicate_kept', true],
    ['A011', 'keep', 'no_duplicate', false],
    ['A012', 'keep', 'duplicate_kept', false],
    ['A013', 'invalidate', 'duplicate_superseded', false],
  ] as const)('decides %s: %s by %s (flagged %s), and the dry run changes nothing', async (oldId, action, rule, flagged) => {
    t = await setUpDesk();
    await importAll(t);
    const report = await planned(t);
    expect(ruleOf(report, oldId)).toEqual([action, rule, flagged]);
    expect(report.status).toBe('draft');
    expect(await statusOf(t, oldId)).toBe('active');
  });

  it('summarises the report from its decisions and names the kept record for superseded duplicates', async () => {
    t = await setUpDesk();
    await importAll(t);
    const report = await planned(t);
    expect(report.summary).toMatchObject({ total: 13, invalidate: 7, keep: 6, flagged: 2 });
    expect(report.items.find((i) => i.oldId === 'A007')?.keptOldId).toBe('A008');
    expect(report.items.find((i) => i.oldId === 'A009')?.specialPopulation).toBe('低保');
  });

  it('applies the invalidations except flagged ones, audited, then undoes them by report id', async () => {
    t = await setUpDesk();
    await importAll(t);
    const report = await planned(t);
    const applied = value(await t.desk.dispatch('cutover.cleanup.apply', { id: report.id }, t.admin));
    expect(applied.status).toBe('applied');
    expect(applied.appliedCount).toBe(6);
    for (const id of ['A001', 'A002', 'A003', 'A004', 'A007', 'A013']) expect(await statusOf(t, id)).toBe('voided');
    for (const id of ['A005', 'A006', 'A008', 'A009', 'A010', 'A011', 'A012']) expect(await statusOf(t, id)).toBe('active');
    const a001 = applied.items.find((i) => i.oldId === 'A001')!;
    const audit = auditFor(t.desk.ctx.db, 'filing', a001.filingId);
    expect(audit.map((a) => a.action)).toEqual(['filing.import', 'filing.void']);
    expect(audit[1]!.after).toMatchObject({ cleanupReportId: report.id, rule: 'before_cutoff' });

    const undone = value(await t.desk.dispatch('cutover.cleanup.undo', { id: report.id }, t.admin));
    expect(undone.status).toBe('undone');
    for (const id of ['A001', 'A002', 'A003', 'A004', 'A007', 'A013']) expect(await statusOf(t, id)).toBe('active');
    expect(auditFor(t.desk.ctx.db, 'filing', a001.filingId).map((a) => a.action)).toEqual(['filing.import', 'filing.void', 'filing.restore']);
    expect(auditFor(t.desk.ctx.db, 'cleanup_report', report.id).map((a) => a.action)).toEqual(['cutover.cleanup.plan', 'cutover.cleanup.apply', 'cutover.cleanup.undo']);
  });

  it('voids the flagged special-population duplicate only when the admin includes flagged items', async () => {
    t = await setUpDesk();
    await importAll(t);
    const report = await planned(t);
    const applied = value(await t.desk.dispatch('cutover.cleanup.apply', { id: report.id, includeFlagged: true }, t.admin));
    expect(applied.appliedCount).toBe(7);
    expect(await statusOf(t, 'A009')).toBe('voided');
    expect(await statusOf(t, 'A010')).toBe('active');
  });

  it('refuses to apply a report made before the imported data changed, and to apply twice', async () => {
    t = await setUpDesk();
    await importAll(t);
    const stale = await planned(t);
    const fresh = await planned(t);
    value(await t.desk.dispatch('cutover.cleanup.apply', { id: fresh.id }, t.admin));
    const twice = await t.desk.dispatch('cutover.cleanup.apply', { id: fresh.id }, t.admin);
    expect(twice.ok).toBe(false);
    const r = await t.desk.dispatch('cutover.cleanup.apply', { id: stale.id }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('请重新生成清理报告');
  });

  it('undoes reports newest first', async () => {
    t = await setUpDesk();
    await importAll(t);
    const first = await planned(t);
    value(await t.desk.dispatch('cutover.cleanup.apply', { id: first.id }, t.admin));
    const second = await planned(t);
    value(await t.desk.dispatch('cutover.cleanup.apply', { id: second.id, includeFlagged: true }, t.admin));
    const r = await t.desk.dispatch('cutover.cleanup.undo', { id: first.id }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('请先撤销较新的报告');
    value(await t.desk.dispatch('cutover.cleanup.undo', { id: second.id }, t.admin));
    expect(await statusOf(t, 'A009')).toBe('active');
    value(await t.desk.dispatch('cutover.cleanup.undo', { id: first.id }, t.admin));
    expect(await statusOf(t, 'A001')).toBe('active');
    expect(value(await t.desk.dispatch('cutover.cleanup.list', {}, t.admin)).map((r) => r.status)).toEqual(['undone', 'undone']);
  });
});
