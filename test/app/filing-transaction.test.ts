import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personIdNumber, referral, setUpDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await setUpDesk({ clock: () => new Date('2026-11-23T16:05:00Z') });
});
afterEach(() => t.close());

const rows = (sql: string) => t.desk.db.sqlite.prepare(sql).all() as Record<string, unknown>[];

describe('saving a referral filing', () => {
  // The test desk is in 340100, so it follows hefei-2019: a referral's end date stays empty until
  // discharge (seed 000, 3(3)).
  it('writes the filing, its audit row and its outbox row together', async () => {
    const r = await t.desk.dispatch('filing.create', referral(), t.admin);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The desk's default profile (national-2022) gives a referral six months (issue 5; Hefei's profile leaves it empty).
    expect(r.value).toMatchObject({ type: 'referral', uploadState: 'pending', endDate: null, status: 'active', certNo: '11010519491231002X' });
    expect(rows('select id from filings')).toEqual([{ id: r.value.id }]);
    expect(rows("select action, entity_id from audit_events where entity_type='filing'")).toEqual([{ action: 'filing.create', entity_id: r.value.id }]);
    expect(rows('select kind, order_key, status, attempts_started from outbox')).toEqual([
      { kind: 'filing.create', order_key: r.value.id, status: 'pending', attempts_started: 0 },
    ]);
  });

  it('numbers filings per CST day (16:05 UTC is already the 24th in Shanghai)', async () => {
    const a = await t.desk.dispatch('filing.create', referral(), t.admin);
    const b = await t.desk.dispatch('filing.create', referral({ personName: '李四', certNo: personIdNumber(1) }), t.admin);
    expect(a.ok && a.value.localNo).toBe('20261124-0001');
    expect(b.ok && b.value.localNo).toBe('20261124-0002');
  });

  it('writes none of the three when any one fails', async () => {
    t.desk.db.sqlite.exec("create trigger outbox_fails before insert on outbox begin select raise(abort, 'disk full'); end");
    const r = await t.desk.dispatch('filing.create', referral(), t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(rows('select * from filings')).toEqual([]);
    expect(rows("select * from audit_events where entity_type='filing'")).toEqual([]);
    expect(rows('select * from outbox')).toEqual([]);
    expect(rows("select * from daily_counters where scope='filing.local_no'")).toEqual([]);
  });

  it('announces the new filing and the queue change', async () => {
    const seen: string[] = [];
    t.desk.events.subscribe((e) => seen.push(e.name));
    await t.desk.dispatch('filing.create', referral(), t.admin);
    expect(seen).toEqual(['filing.changed', 'queue.changed']);
  });

  it('shows the filing in the list, searchable by ID prefix, name and pinyin initials', async () => {
    await t.desk.dispatch('filing.create', referral(), t.admin);
    await t.desk.dispatch('filing.create', referral({ personName: '李四', certNo: '440524188001010014' }), t.admin);
    const by = async (query: string) => {
      const r = await t.desk.dispatch('filing.list', { query }, t.admin);
      return r.ok ? r.value.items.map((i) => i.personName) : r.message;
    };
    expect(await by('110105')).toEqual(['张三丰']);
    expect(await by('张三')).toEqual(['张三丰']);
    expect(await by('ls')).toEqual(['李四']);
    expect(await by('11010519491231002x')).toEqual(['张三丰']);
    const all = await t.desk.dispatch('filing.list', {}, t.admin);
    expect(all.ok && all.value.items.map((i) => [i.personName, i.uploadState, i.certNoMasked])).toEqual([
      ['李四', 'pending', '4405**********0014'],
      ['张三丰', 'pending', '1101**********002X'],
    ]);
  });

  it('reports the queue', async () => {
    await t.desk.dispatch('filing.create', referral(), t.admin);
    const stats = await t.desk.dispatch('queue.stats', {}, t.admin);
    expect(stats).toMatchObject({ ok: true, value: { pending: 1, done: 0, oldestPendingAt: '2026-11-23T16:05:00.000Z' } });
  });
});
