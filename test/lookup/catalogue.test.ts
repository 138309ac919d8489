// institution.search (1201 cached) and diagnosis.search (the downloaded catalogue), online and offline.
import { describe, expect, it } from 'vitest';
import { auditFor } from '../../db/repositories/audit';
import type { Simulator } from '../../main/platform/sim/server';
import { SIM_DIAGNOSES } from '../../main/platform/sim/seed';
import { lookupDesk, type LookupDesk, simulatorPerFile } from './helpers';

let sim: Simulator;
let t: LookupDesk;

simulatorPerFile((started) => (sim = started), () => t);

async function down(): Promise<void> {
  sim.faults.set({ down: { mode: 'refuse' } });
  await sim.settled();
}

describe('institution.search', () => {
  it('asks 1201 by name when online and caches what it returned, with the time', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('institution.search', { query: '北京' }, t.operator);
    expect(r.ok && r.value.source).toBe('platform');
    expect(r.ok && r.value.items.map((i) => i.code).sort()).toEqual(['H11010200003', 'H11010500001']);
    expect(r.ok && r.value.items[0]).toMatchObject({ regionCode: '110102', level: '三级甲等' });
    const cached = t.desk.db.sqlite.prepare("select codes, fetched_at from lookup_institution_queries where query_key = 'name:北京'").get() as { codes: string; fetched_at: string };
    expect(JSON.parse(cached.codes)).toHaveLength(2);
    expect(Date.parse(cached.fetched_at)).not.toBeNaN();
  });

  it('answers from the cache by pinyin initials, code prefix and name while the platform is down', async () => {
    t = await lookupDesk(sim);
    await t.desk.dispatch('institution.search', { query: '演练' }, t.operator);
    await down();
    const byInitials = await t.desk.dispatch('institution.search', { query: 'BJYLZL' }, t.operator);
    expect(byInitials.ok && byInitials.value.items.map((i) => i.name)).toEqual(['北京演练肿瘤医院']);
    const byCode = await t.desk.dispatch('institution.search', { query: 'h3101' }, t.operator);
    expect(byCode.ok && byCode.value.items.map((i) => i.code)).toEqual(['H31010400001']);
    const byName = await t.desk.dispatch('institution.search', { query: '胸科' }, t.operator);
    expect(byName.ok && byName.value).toMatchObject({ source: 'cache', warning: expect.stringContaining('本机缓存'), items: [{ code: 'H31010400001' }] });
  });

  it('filters by region: a province code covers its cities', async () => {
    t = await lookupDesk(sim);
    await t.desk.dispatch('institution.search', { query: '演练' }, t.operator);
    const r = await t.desk.dispatch('institution.search', { query: '', regionCode: '110000', limit: 50 }, t.operator);
    expect(r.ok && r.value.items.map((i) => i.code).sort()).toEqual(['H11010200003', 'H11010500001']);
  });

  it('does not cache pharmacies as destinations', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('institution.search', { query: '大药房' }, t.operator);
    expect(r.ok && r.value.items).toEqual([]);
  });

  it('refuses a malformed region code with a message naming the field', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('institution.search', { query: '北京', regionCode: '11x' }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', message: expect.stringContaining('区划代码') });
  });
});

describe('diagnosis.search and the catalogue', () => {
  it('downloads the catalogue on first use and searches it by code prefix, name and pinyin initials', async () => {
    t = await lookupDesk(sim);
    const byCode = await t.desk.dispatch('diagnosis.search', { query: 'c34' }, t.operator);
    expect(byCode.ok && byCode.value).toEqual([{ code: 'C34.900', name: '肺恶性肿瘤' }]);
    const byName = await t.desk.dispatch('diagnosis.search', { query: '恶性肿瘤' }, t.operator);
    expect(byName.ok && byName.value.map((d) => d.code)).toEqual(['C16.900', 'C34.900', 'C50.900']);
    const byInitials = await t.desk.dispatch('diagnosis.search', { query: 'jxxj' }, t.operator);
    expect(byInitials.ok && byInitials.value).toEqual([{ code: 'I21.900', name: '急性心肌梗死' }]);
    const status = await t.desk.dispatch('catalogue.status', {}, t.operator);
    expect(status.ok && status.value.diagnoses.count).toBe(SIM_DIAGNOSES.length);
    expect(status.ok && status.value.diagnoses.refreshedAt).not.toBeNull();
  });

  it('answers empty while the platform is down and downloads once it can be asked (retried after a minute)', async () => {
    let offset = 0;
    t = await lookupDesk(sim, { clock: () => new Date(Date.now() + offset) });
    await down();
    const offline = await t.desk.dispatch('diagnosis.search', { query: '肺' }, t.operator);
    expect(offline.ok && offline.value).toEqual([]);
    sim.faults.clear();
    await sim.settled();
    const tooSoon = await t.desk.dispatch('diagnosis.search', { query: '肺' }, t.operator);
    expect(tooSoon.ok && tooSoon.value).toEqual([]);
    offset += 61_000;
    const online = await t.desk.dispatch('diagnosis.search', { query: '肺' }, t.operator);
    expect(online.ok && online.value.map((d) => d.code)).toEqual(['C34.900', 'J18.900']);
  });

  it('downloads page by page until the platform says it has sent everything', async () => {
    t = await lookupDesk(sim, { profile: { diagnosisCatalogue: { infno: '1307', pageSize: 5 } } });
    const r = await t.desk.dispatch('catalogue.refresh', {}, t.admin);
    expect(r.ok && r.value.diagnoses.count).toBe(SIM_DIAGNOSES.length);
    expect(sim.inspect.exchanges({ infno: '1307' }).length).toBe(Math.ceil(SIM_DIAGNOSES.length / 5));
  });

  it('keeps answering from the stored catalogue while the platform is down', async () => {
    t = await lookupDesk(sim);
    await t.desk.dispatch('catalogue.refresh', {}, t.admin);
    await down();
    const r = await t.desk.dispatch('diagnosis.search', { query: '肺' }, t.operator);
    expect(r.ok && r.value.map((d) => d.code)).toEqual(['C34.900', 'J18.900']);
  });

  it('refresh is for admins, audited, and says PLATFORM_UNAVAILABLE when the platform is down', async () => {
    t = await lookupDesk(sim);
    const forbidden = await t.desk.dispatch('catalogue.refresh', {}, t.operator);
    expect(forbidden).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const ok = await t.desk.dispatch('catalogue.refresh', {}, t.admin);
    expect(ok.ok).toBe(true);
    expect(auditFor(t.desk.db.db, 'catalogue', 'diagnoses').map((a) => [a.action, a.operatorId])).toEqual([['catalogue.refreshed', t.admin.operatorId]]);
    await down();
    const offline = await t.desk.dispatch('catalogue.refresh', {}, t.admin);
    expect(offline).toMatchObject({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: expect.stringContaining('目录未更新') });
    const status = await t.desk.dispatch('catalogue.status', {}, t.admin);
    expect(status.ok && status.value.diagnoses.count).toBe(SIM_DIAGNOSES.length);
  });

  it('a profile without a catalogue transaction leaves the catalogue empty and free text to the form', async () => {
    t = await lookupDesk(sim, { profile: { diagnosisCatalogue: null } });
    const r = await t.desk.dispatch('diagnosis.search', { query: '肺' }, t.operator);
    expect(r.ok && r.value).toEqual([]);
    const refresh = await t.desk.dispatch('catalogue.refresh', {}, t.admin);
    expect(refresh).toMatchObject({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: expect.stringContaining('诊断目录下载交易') });
  });
});
