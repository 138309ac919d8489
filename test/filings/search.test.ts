// filing.list at scale (issue 5): the query is classified and runs as one indexed condition, with the
// filters (type, status, filing date range in CST business dates, operator); newest first by filing
// date; totals counted up to a cap.
import { afterEach, describe, expect, it } from 'vitest';
import { classifyFilingQuery, explainListFilings, LIST_TOTAL_CAP, type FilingFilter } from '../../db/repositories/filings';
import { createMany } from '../../main/services/filings';
import { personIdNumber, referral, setUpDesk, type TestDesk } from '../helpers/desk';

const NOW = new Date('2026-11-23T02:00:00Z');

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

async function desk(): Promise<TestDesk> {
  t = await setUpDesk({ clock: () => NOW });
  const r = await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
  expect(r.ok).toBe(true);
  return t;
}

/** Filings of distinct persons through createMany (the real create path), with their filing dates. */
function file(d: TestDesk, people: { n: number; name: string; date: string; type?: 'referral' | 'long_term_residence' }[], session = d.admin): string[] {
  const outcomes = createMany(
    d.desk.ctx,
    people.map((p) => ({
      request:
        p.type === 'long_term_residence'
          ? { ...referral({ certNo: personIdNumber(p.n), personName: p.name, startDate: p.date }), type: 'long_term_residence', details: { destinationRegion: '310000', address: '上海市浦东新区世纪大道100号', reason: '随子女居住', phone: '13800000000' } }
          : referral({ certNo: personIdNumber(p.n), personName: p.name, startDate: p.date }),
      origin: 'import' as const,
      originalFilingDate: p.date,
    })),
    session,
  );
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(o.message);
    return o.filing.id;
  });
}

async function names(d: TestDesk, req: Record<string, unknown>, session = d.admin): Promise<string[] | string> {
  const r = await d.desk.dispatch('filing.list', req, session);
  return r.ok ? r.value.items.map((i) => i.personName) : `${r.code}: ${r.message}`;
}

describe('classifying the search box', () => {
  it.each([
    ['20261123-0001', 'local_no'],
    ['20261123-', 'local_no'],
    ['11010519491231002X', 'id_or_serial'],
    ['11010519491231002x', 'id_or_serial'],
    ['110105', 'id_or_serial'],
    ['3400000000123456789012', 'serial'],
    ['张三', 'name'],
    ['张s', 'name'],
    ['zsf', 'initials'],
    ['ZSF', 'initials'],
    ['H12345678', 'cert_or_serial'],
  ])('%s is searched as %s', (query, kind) => {
    expect(classifyFilingQuery(query)).toBe(kind);
  });
});

describe('filing.list', () => {
  it('finds by ID number or prefix, name prefix, pinyin initials, local number and platform serial', async () => {
    const d = await desk();
    const [zhang, li] = file(d, [
      { n: 1, name: '张三丰', date: '2026-11-01' },
      { n: 2, name: '李四', date: '2026-11-02' },
      { n: 3, name: '张无忌', date: '2026-11-03' },
    ]);
    d.desk.db.sqlite.prepare("update filings set platform_serial = '3401000000000123456' where id = ?").run(li);
    const local = (d.desk.db.sqlite.prepare('select local_no from filings where id = ?').get(zhang) as { local_no: string }).local_no;
    expect(await names(d, { query: personIdNumber(1) })).toEqual(['张三丰']);
    expect(await names(d, { query: personIdNumber(1).slice(0, 10) })).toEqual(['张无忌', '李四', '张三丰']);
    expect(await names(d, { query: '张' })).toEqual(['张无忌', '张三丰']);
    expect(await names(d, { query: 'zsf' })).toEqual(['张三丰']);
    expect(await names(d, { query: 'ZS' })).toEqual(['张三丰']);
    expect(await names(d, { query: local })).toEqual(['张三丰']);
    expect(await names(d, { query: '3401000000000123456' })).toEqual(['李四']);
    expect(await names(d, { query: '王' })).toEqual([]);
  });

  it('lists a filing matching both an ID prefix and a whole serial once, and counts it once', async () => {
    const d = await desk();
    const [id] = file(d, [
      { n: 1, name: '张三丰', date: '2026-11-01' },
      { n: 2, name: '李四', date: '2026-11-02' },
    ]);
    d.desk.db.sqlite.prepare("update filings set platform_serial = '110105' where id = ?").run(id);
    const r = await d.desk.dispatch('filing.list', { query: '110105' }, d.admin);
    expect(r.ok && [r.value.total, r.value.items.map((i) => i.personName)]).toEqual([2, ['李四', '张三丰']]);
  });

  it('filters by filing date range (CST business dates, both ends included), operator, type and status', async () => {
    const d = await desk();
    const clerk = await d.addOperator('clerk', 'operator');
    file(d, [
      { n: 1, name: '一号', date: '2026-10-31' },
      { n: 2, name: '二号', date: '2026-11-01' },
      { n: 3, name: '三号', date: '2026-11-15', type: 'long_term_residence' },
    ]);
    file(d, [{ n: 4, name: '四号', date: '2026-11-20' }], clerk);
    expect(await names(d, { filedFrom: '2026-11-01', filedTo: '2026-11-15' })).toEqual(['三号', '二号']);
    expect(await names(d, { filedFrom: '2026-11-01' })).toEqual(['四号', '三号', '二号']);
    expect(await names(d, { filedTo: '2026-10-31' })).toEqual(['一号']);
    expect(await names(d, { operatorId: clerk.operatorId })).toEqual(['四号']);
    expect(await names(d, { type: 'long_term_residence' })).toEqual(['三号']);
    expect(await names(d, { query: 'eh', filedFrom: '2026-11-01' })).toEqual(['二号']);
    const voided = await d.desk.dispatch('filing.list', { query: '一号' }, d.admin);
    if (!voided.ok) throw new Error(voided.message);
    await d.desk.dispatch('filing.void', { id: voided.value.items[0]!.id, reason: '录入错误' }, d.admin);
    expect(await names(d, { status: 'voided' })).toEqual(['一号']);
    expect(await names(d, { status: 'active', filedTo: '2026-11-01' })).toEqual(['二号']);
  });

  it('a desk filing saved at 00:30 in Shanghai counts on that CST day', async () => {
    t = await setUpDesk({ clock: () => new Date('2026-11-23T16:30:00Z') });
    await t.desk.dispatch('filing.create', referral({ startDate: '2026-11-24' }), t.admin);
    expect(await names(t, { filedFrom: '2026-11-24', filedTo: '2026-11-24' })).toEqual(['张三丰']);
    expect(await names(t, { filedTo: '2026-11-23' })).toEqual([]);
  });

  it('refuses a range that ends before it starts, saying which field to fix', async () => {
    const d = await desk();
    const r = await d.desk.dispatch('filing.list', { filedFrom: '2026-11-10', filedTo: '2026-11-01' }, d.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', message: '备案日期（止）2026-11-01早于备案日期（起）2026-11-10，请调整日期范围' });
    expect(await d.desk.dispatch('filing.list', { filedFrom: '2026-02-30' }, d.admin)).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('counts up to the cap and says when there are more; pages stay in order', async () => {
    const d = await desk();
    const insert = d.desk.db.sqlite.prepare(
      `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, start_date, details, created_by, created_at, updated_at, filing_date)
       values (?, ?, 'referral', 'employee', 'id_card', ?, ?, ?, '2026-01-01', '{}', 'op', ?, ?, ?)`,
    );
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    d.desk.db.sqlite.transaction(() => {
      for (let i = 0; i < LIST_TOTAL_CAP + 3; i += 1) insert.run(`f${i}`, `L${i}`, personIdNumber(i), `张${i}`, 'z', `${day(i)}T02:00:00.000Z`, `${day(i)}T02:00:00.000Z`, day(i));
      for (let i = 0; i < 3; i += 1) insert.run(`g${i}`, `M${i}`, personIdNumber(5000 + i), `李${i}`, 'l', '2020-01-01T02:00:00.000Z', '2020-01-01T02:00:00.000Z', '2020-01-01');
    })();
    const many = await d.desk.dispatch('filing.list', { query: 'z', pageSize: 2, page: 2 }, d.admin);
    expect(many).toMatchObject({ ok: true, value: { total: LIST_TOTAL_CAP, totalCapped: true } });
    expect(many.ok && many.value.items.map((i) => i.personName)).toEqual([`张${LIST_TOTAL_CAP}`, `张${LIST_TOTAL_CAP - 1}`]);
    expect(await d.desk.dispatch('filing.list', { query: 'l' }, d.admin)).toMatchObject({ ok: true, value: { total: 3, totalCapped: false } });
  });
});

describe('every search kind uses an index', () => {
  const page = { page: 1, pageSize: 20 };
  const kinds: [string, FilingFilter][] = [
    ['ID number', { ...page, query: personIdNumber(1) }],
    ['ID prefix', { ...page, query: personIdNumber(1).slice(0, 10) }],
    ['name', { ...page, query: '张三丰' }],
    ['pinyin initials', { ...page, query: 'zsf' }],
    ['local number', { ...page, query: '20261123-0001' }],
    ['platform serial', { ...page, query: '3401000000000123456789' }],
    ['type + status + filing date range', { ...page, type: 'referral', status: 'active', filedFrom: '2026-11-01', filedTo: '2026-11-30' }],
    ['operator', { ...page, operatorId: 'op-1' }],
    ['operator + filing date range', { ...page, operatorId: 'op-1', filedFrom: '2026-11-01', filedTo: '2026-11-30' }],
    ['status', { ...page, status: 'voided' }],
    ['upload state', { ...page, uploadState: 'rejected' }],
    ['no filter', page],
  ];

  it.each(kinds)('%s: no full scan of filings', async (_kind, filter) => {
    const d = await desk();
    d.desk.db.sqlite.exec('analyze');
    const plan = explainListFilings(d.desk.db.sqlite, filter);
    const onFilings = plan.filter((line) => /\bfilings\b/.test(line));
    expect(onFilings.length).toBeGreaterThan(0);
    for (const line of onFilings) expect(line).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/);
  });

  // A prefix (ID, name, initials) sorts its matches from the covering index alone; filters page in index order.
  it.each(kinds.filter(([k]) => ['type + status + filing date range', 'operator', 'operator + filing date range', 'status', 'upload state', 'no filter'].includes(k)))(
    '%s: the page comes in index order, without a sort',
    async (_kind, filter) => {
      const d = await desk();
      expect(explainListFilings(d.desk.db.sqlite, filter).join('\n')).not.toContain('TEMP B-TREE');
    },
  );
});
