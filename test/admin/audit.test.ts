// The audit viewer: filters (CST day range, operator, action, filing local number), paging,
// before/after in the rows, and the Excel export read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { seedDesk, type SeededDesk } from '../reports/seed';

let t: SeededDesk;

beforeAll(async () => {
  t = await seedDesk([
    { at: '2026-11-02T01:00:00Z', destination: '310000', by: 'clerk' },
    // CST 2026-11-03 00:30.
    { at: '2026-11-02T16:30:00Z', destination: '320100', by: 'admin', voided: true },
  ]);
  t.setNow('2026-11-04T01:00:00Z');
}, 60_000);
afterAll(() => t.close());

async function list(req: RequestOf<'audit.list'>): Promise<ResponseOf<'audit.list'>> {
  const r = await t.desk.dispatch('audit.list', req, t.admin);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('audit.list', () => {
  it('filters by CST day, newest first', async () => {
    const r = await list({ from: '2026-11-03', to: '2026-11-03' });
    expect(r.items.map((i) => i.action)).toEqual(['filing.void', 'upload.withdrawn', 'filing.create']);
    expect(r.items.every((i) => i.operatorName === '系统管理员')).toBe(true);
  });

  it('filters by operator and by action, with labels', async () => {
    const byClerk = await list({ operatorId: t.clerk.operatorId, action: 'filing.create' });
    expect(byClerk.total).toBe(1);
    expect(byClerk.items[0]).toMatchObject({ actionLabel: '新增备案', operatorName: 'clerk姓名', entityType: 'filing' });
  });

  it("finds a filing's rows by its local number and shows the number as the subject", async () => {
    const filing = await t.desk.dispatch('filing.get', { id: t.ids[1] ?? '' }, t.admin);
    if (!filing.ok) throw new Error(filing.message);
    const r = await list({ subject: filing.value.localNo });
    expect(r.items.map((i) => i.action)).toEqual(['filing.void', 'upload.withdrawn', 'filing.create']);
    expect(r.items.every((i) => i.subject === filing.value.localNo)).toBe(true);
    expect(r.items[0]?.after).toMatchObject({ status: 'voided' });
    expect(r.items[0]?.before).toMatchObject({ status: 'active' });
  });

  it('pages', async () => {
    const all = await list({ pageSize: 200 });
    const second = await list({ page: 2, pageSize: 3 });
    expect(second.total).toBe(all.total);
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
  });

  it('lists the actions present for the filter', async () => {
    const r = await t.desk.dispatch('audit.actions', {}, t.admin);
    expect(r.ok && r.value).toEqual(expect.arrayContaining([{ action: 'filing.void', label: '作废备案' }, { action: 'auth.login', label: '登录' }]));
  });

  it('is for admins only', async () => {
    expect(await t.desk.dispatch('audit.list', {}, t.clerk)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a range ending before it starts', async () => {
    const r = await t.desk.dispatch('audit.list', { from: '2026-11-05', to: '2026-11-01' }, t.admin);
    expect(r).toMatchObject({ ok: false, fields: { to: '结束日期不能早于开始日期' } });
  });
});

describe('audit.export', () => {
  it('writes the filtered rows with Chinese headers and CST times', async () => {
    const r = await t.desk.dispatch('audit.export', { from: '2026-11-03', to: '2026-11-03' }, t.admin);
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ fileName: '审计日志_20261104.xlsx', rows: 3 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.value.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '时间（北京时间）', '操作员', '操作', '对象类型', '对象', '修改前', '修改后']);
    expect(rows).toHaveLength(4);
    expect(rows[3]?.slice(1, 5)).toEqual(['2026-11-03 00:30:00', '系统管理员', '新增备案', 'filing']);
  });
});
