// The simulator checks what the real platform would, so passing against it means something. These
// tests send raw envelopes the adapter would never get wrong, and drive the admin API over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { checkIdCard } from '../../shared/domain/idcard';
import { businessDateTime, businessStamp } from '../../shared/domain/time';
import { SIM_PERSONS } from '../../main/platform/sim/seed';
import type { Simulator } from '../../main/platform/sim/server';
import { Harness, INSTITUTION, OPERATOR, PATIENT_PROFILE, person, rawPost, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

const ENDPOINT = '/fsi/api/rsfComIfsService/callService';
let sequence = 0;

/** A valid envelope, sign_no included, that a test then breaks in one place. */
async function valid(sim: Simulator, infno: string, input: Record<string, unknown>) {
  const client = h.client(await h.desk(), sim);
  const signIn = await client.ensureSignedIn(OPERATOR);
  const now = new Date();
  sequence += 1;
  return {
    infno,
    msgid: `${INSTITUTION.code}${businessStamp(now)}${String(5000 + sequence).padStart(4, '0')}`,
    mdtrtarea_admvs: '340100',
    insuplc_admdvs: '',
    recer_sys_code: 'YBXT',
    dev_no: '',
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: 'V1.0',
    opter_type: '1',
    opter: 'opzhang0001',
    opter_name: '张经办',
    inf_time: businessDateTime(now),
    fixmedins_code: INSTITUTION.code,
    fixmedins_name: INSTITUTION.name,
    sign_no: signIn.value!.signNo,
    input,
  } as Record<string, unknown>;
}

async function post(sim: Simulator, body: unknown) {
  const res = await rawPost(`${sim.url}${ENDPOINT}`, body);
  return { status: res.status, ...(JSON.parse(res.body) as { infcode?: number; err_msg?: string; code?: string; msg?: string }) };
}

const institutionQuery = { medinsinfo: { fixmedins_type: '1', fixmedins_code: '', fixmedins_name: '演练' } };

describe('the simulator\'s envelope checks', () => {
  it('accepts a well-formed envelope', async () => {
    const sim = await h.sim();
    expect(await post(sim, await valid(sim, '1201', institutionQuery))).toMatchObject({ status: 200, infcode: 0 });
  });

  it.each([
    ['a missing field', (e: Record<string, unknown>) => delete e.dev_no, '公共报文缺少字段：dev_no'],
    ['an empty required field', (e: Record<string, unknown>) => (e.opter = ''), 'opter不能为空'],
    ['an over-long field', (e: Record<string, unknown>) => (e.opter_name = '名'.repeat(51)), 'opter_name长度超过50'],
    ['an unknown transaction', (e: Record<string, unknown>) => (e.infno = '9999'), '交易编号[9999]不存在'],
    ['a malformed region', (e: Record<string, unknown>) => (e.mdtrtarea_admvs = '3401'), 'mdtrtarea_admvs应为6位数字'],
    ['a bad operator type', (e: Record<string, unknown>) => (e.opter_type = '9'), 'opter_type'],
    ['a bad inf_time', (e: Record<string, unknown>) => (e.inf_time = '2026/03/02 10:00:00'), 'inf_time格式'],
    ['a malformed institution code', (e: Record<string, unknown>) => (e.fixmedins_code = 'X123'), '格式不正确'],
    ['a short msgid', (e: Record<string, unknown>) => (e.msgid = String(e.msgid).slice(0, 29)), '长度应为30位'],
    ['a msgid of another institution', (e: Record<string, unknown>) => (e.msgid = `H99999999999${String(e.msgid).slice(12)}`), '前12位'],
    ['a msgid with an impossible time', (e: Record<string, unknown>) => (e.msgid = `${INSTITUTION.code}20261340250000${String(e.msgid).slice(26)}`), '有效时间'],
    ['a msgid with sequence 0000', (e: Record<string, unknown>) => (e.msgid = `${String(e.msgid).slice(0, 26)}0000`), '顺序号'],
    ['a msgid far from inf_time', (e: Record<string, unknown>) => (e.msgid = `${INSTITUTION.code}20200101000000${String(e.msgid).slice(26)}`), '不一致'],
    ['the wrong input node', (e: Record<string, unknown>) => (e.input = { data: institutionQuery.medinsinfo }), 'input.medinsinfo'],
    ['no sign_no', (e: Record<string, unknown>) => (e.sign_no = ''), '请先签到'],
    ['a sign_no of another operator', (e: Record<string, unknown>) => (e.opter = 'someone-else'), '签到信息无效'],
    ['a made-up sign_no', (e: Record<string, unknown>) => (e.sign_no = '202603020000000000000123456789'), '签到信息无效'],
  ])('rejects %s', async (_name, breakIt, message) => {
    const sim = await h.sim();
    const env = await valid(sim, '1201', institutionQuery);
    breakIt(env);
    const r = await post(sim, env);
    expect(r.infcode).toBe(-1);
    expect(r.err_msg).toContain(message);
  });

  it('requires insuplc_admdvs whenever the input carries psn_no', async () => {
    const sim = await h.sim();
    const env = await valid(sim, '5304', { data: { psn_no: person('王演练').personNo, begntime: '2026-01-01 00:00:00', endtime: '2026-12-31 00:00:00' } });
    const r = await post(sim, env);
    expect(r.err_msg).toContain('insuplc_admdvs不能为空');
  });

  it('rejects a body that is not JSON, and unknown paths as a gateway would', async () => {
    const sim = await h.sim();
    expect(await post(sim, '{"infno":')).toMatchObject({ infcode: -1, err_msg: expect.stringContaining('JSON对象') });
    const res = await rawPost(`${sim.url}/fsi/api/nothing`, {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: '404' });
  });

  it('serves the per-transaction style on …/hsa/hgs/<infno>', async () => {
    const sim = await h.sim();
    const env = await valid(sim, '1201', institutionQuery);
    const res = await rawPost(`${sim.url}/ebus/gdyb_inf/poc/hsa/hgs/1201`, env);
    expect(JSON.parse(res.body)).toMatchObject({ infcode: 0 });
  });
});

describe('the simulator\'s seed', () => {
  it('has valid GB 11643 ID numbers, the required insured regions, and a person with two insurance rows', () => {
    expect(SIM_PERSONS.every((p) => checkIdCard(p.certNo).ok)).toBe(true);
    const regions = new Set(SIM_PERSONS.flatMap((p) => p.insurances.map((i) => i.insuredRegion)));
    for (const r of ['340100', '360700', '350400', '370800']) expect(regions).toContain(r);
    expect(SIM_PERSONS.some((p) => p.insurances.length === 2)).toBe(true);
    expect(new Set(SIM_PERSONS.map((p) => p.personNo)).size).toBe(SIM_PERSONS.length);
    expect(SIM_PERSONS.every((p) => /^1380000\d{4}$/.test(p.phone))).toBe(true);
  });
});

describe('the admin API', () => {
  async function admin(sim: Simulator, method: string, path: string, body?: unknown) {
    const res = await fetch(`${sim.url}/__sim${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
  }

  it('sets, shows and clears faults at run time', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.ensureSignedIn(OPERATOR);
    expect((await admin(sim, 'PATCH', '/faults', { gateway: { style: 'code_msg' } })).body.gateway).toEqual({ style: 'code_msg' });
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('unknown');
    expect((await admin(sim, 'DELETE', '/faults')).body.gateway).toBeNull();
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('ok');
  });

  it('refuses an invalid fault with a 400', async () => {
    const sim = await h.sim();
    const r = await admin(sim, 'PATCH', '/faults', { slow: { delayMs: -5 } });
    expect(r.status).toBe(400);
    expect(sim.faults.state.slow).toBeNull();
  });

  it('lists filings per person so tests can count them', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    const a = person('王演练');
    await client.fileReferral(referralFor(a), OPERATOR);
    await client.fileReferral(referralFor(person('李训练')), OPERATOR);
    expect((await admin(sim, 'GET', `/referrals?personNo=${a.personNo}`)).body).toHaveLength(1);
    expect((await admin(sim, 'GET', '/referrals')).body).toHaveLength(2);
    const stats = (await admin(sim, 'GET', '/stats')).body;
    expect(stats).toMatchObject({ byInfno: { '9001': 1, '2501': 2 }, msgids: 3, signIns: 1 });
  });

  it('expires sign-ins, sets latency and resets state', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.ensureSignedIn(OPERATOR);
    expect((await admin(sim, 'POST', '/sign-ins/expire')).body).toEqual({ expired: 1 });
    expect((await admin(sim, 'PUT', '/latency', { latencyMs: 25 })).body).toEqual({ latencyMs: 25 });
    expect(sim.latency()).toBe(25);
    await admin(sim, 'POST', '/reset');
    expect(sim.inspect.stats()).toMatchObject({ requests: 0, msgids: 0, signIns: 0 });
  });

  it('keeps an admin port reachable while the platform port refuses connections', async () => {
    const sim = await h.sim({ adminPort: 0 });
    await fetch(`${sim.adminUrl}/__sim/faults`, { method: 'PATCH', body: JSON.stringify({ down: { mode: 'refuse' } }) });
    await sim.settled();
    await expect(fetch(`${sim.url}/__sim/health`)).rejects.toThrow();
    await fetch(`${sim.adminUrl}/__sim/faults`, { method: 'DELETE' });
    await sim.settled();
    expect((await fetch(`${sim.url}/__sim/health`)).status).toBe(200);
  });
});

describe('fault mechanics', () => {
  it('a fault with `remaining` fires that many times and then clears itself', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.ensureSignedIn(OPERATOR);
    sim.faults.set({ httpError: { status: 503, remaining: 2 } });
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome);
    // The first failure drops the sign-in, so the second call's sign-in takes the second 503.
    expect(outcomes).toEqual(['unknown', 'not_sent', 'ok']);
    expect(sim.faults.state.httpError).toBeNull();
  });

  it('a capacity limit queues requests beyond it instead of failing them', async () => {
    const sim = await h.sim({ latencyMs: 300 });
    const client = h.client(await h.desk(), sim, { profile: PATIENT_PROFILE });
    await client.ensureSignedIn(OPERATOR);
    sim.faults.set({ capacity: { maxConcurrent: 2 } });
    const results = await Promise.all(Array.from({ length: 6 }, () => client.queryInstitutions({ name: '演练' }, OPERATOR)));
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(sim.inspect.stats()).toMatchObject({ peakConcurrent: 2 });
    expect(sim.inspect.stats().peakQueued).toBeGreaterThanOrEqual(1);
  });

  it('without a capacity limit the same load runs side by side', async () => {
    const sim = await h.sim({ latencyMs: 600 });
    const client = h.client(await h.desk(), sim, { profile: PATIENT_PROFILE });
    await client.ensureSignedIn(OPERATOR);
    await Promise.all(Array.from({ length: 6 }, () => client.queryInstitutions({ name: '演练' }, OPERATOR)));
    expect(sim.inspect.stats().peakConcurrent).toBeGreaterThan(2);
  });
});
