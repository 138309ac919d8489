// Every outcome class, each produced by a real fault on a real socket (no mocks): what a caller can
// rely on when the platform is slow, gone, garbled or fronted by a gateway.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listExchanges } from '../../db/repositories/platformExchanges';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { MSGID_SCOPE } from '../../main/platform/msgid';
import { Harness, OPERATOR, PATIENT_PROFILE, person, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

async function setup(simOptions: Parameters<Harness['sim']>[0] = {}) {
  const sim = await h.sim(simOptions);
  const desk = await h.desk();
  const client = h.client(desk, sim);
  // Sign in while the platform is healthy, so a fault hits the transaction itself.
  expect((await client.ensureSignedIn(OPERATOR)).outcome).toBe('ok');
  return { sim, desk, client, log: () => listExchanges(drizzle(desk.sqlite, { schema })) };
}

const who = person('王演练');

describe('ok', () => {
  it('is a success with the value and the platform reply id', async () => {
    const { client } = await setup();
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'ok', infno: '2501', message: '交易成功' });
    expect(r.platformMsgid).toMatch(/^340000\d{24}$/);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('rejected', () => {
  it('carries the platform err_msg when the platform refuses the business', async () => {
    const { sim, client } = await setup({});
    sim.faults.set({ reject: { message: '该参保人存在未结清的住院记录，不能办理转院备案' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toBe('该参保人存在未结清的住院记录，不能办理转院备案');
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(0);
  });

  it('happens at the configured rate', async () => {
    const { sim, client } = await setup({ seed: 7 });
    sim.faults.set({ reject: { rate: 0.5, infnos: ['1201'] } });
    const outcomes = [];
    for (let i = 0; i < 20; i += 1) outcomes.push((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome);
    const rejected = outcomes.filter((o) => o === 'rejected').length;
    expect(rejected).toBeGreaterThan(2);
    expect(rejected).toBeLessThan(18);
    expect(outcomes.filter((o) => o === 'ok').length).toBe(20 - rejected);
  });
});

describe('not_sent', () => {
  it('when the platform refuses connections', async () => {
    const { sim, client, log } = await setup();
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const before = sim.inspect.stats().requests;
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('not_sent');
    expect(r.reason).toBe('ECONNREFUSED');
    expect(r.msgid).toMatch(/^H34010200001\d{18}$/);
    expect(sim.inspect.stats().requests).toBe(before);
    expect(log().at(-1)).toMatchObject({ msgid: r.msgid, outcome: 'not_sent', reason: 'ECONNREFUSED' });
  });

  it('when the host name does not resolve', async () => {
    const desk = await h.desk();
    const client = h.client(desk, { url: 'http://platform.invalid:9' });
    const r = await client.signIn(OPERATOR);
    expect(r.outcome).toBe('not_sent');
    expect(['ENOTFOUND', 'EAI_AGAIN', 'connect_timeout']).toContain(r.reason);
  });

  it('when nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const client = h.client(await h.desk(), { url: `http://127.0.0.1:${port}` });
    expect((await client.probe(OPERATOR)).outcome).toBe('not_sent');
  });

  it('for the transaction, without a msgid, when the sign-in before it could not be sent', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'not_sent', msgid: null, infno: '2501' });
    expect(r.message).toContain('本笔交易未发出');
  });

  it('when the day\'s msgid sequence is used up, instead of reusing one', async () => {
    const { sim, desk, client } = await setup();
    desk.sqlite.prepare('update daily_counters set value = 9999 where scope = ?').run(MSGID_SCOPE);
    const before = sim.inspect.stats().requests;
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'not_sent', msgid: null, reason: 'msgid_exhausted' });
    expect(r.message).toContain('9999');
    expect(sim.inspect.stats().requests).toBe(before);
  });
});

describe('unknown', () => {
  it('when the answer does not come before the timeout, although the platform then records the filing', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ slow: { delayMs: 2_500, infnos: ['2501'] } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toBe('timeout_after_send');
    expect(r.message).toContain('待核实');
    // The platform goes on and commits once its delay is over (bounded wait).
    for (let i = 0; i < 50 && sim.inspect.referrals(who.personNo).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.inspect.referrals(who.personNo)).toEqual([expect.objectContaining({ msgid: r.msgid })]);
  });

  it('when the connection is reset after the request was sent', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ down: { mode: 'reset' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toBe('ECONNRESET');
  });

  it('when the platform commits and the answer is lost', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ drop: { infnos: ['2501'] } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(['ECONNRESET', 'socket hang up']).toContain(r.reason);
    expect(sim.inspect.referrals(who.personNo)).toEqual([expect.objectContaining({ msgid: r.msgid, status: 'active' })]);
  });

  it('when the reply is truncated', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ malformed: { mode: 'truncated' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toBe('truncated_reply');
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(1);
  });

  it('when the reply is not JSON', async () => {
    const { sim, client, log } = await setup();
    sim.faults.set({ malformed: { mode: 'garbage' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toBe('malformed_reply');
    expect(log().at(-1)?.responseExcerpt).toContain('Service Unavailable');
  });

  it.each(['code_msg', 'code_type_message'] as const)('when a gateway answers with its own %s envelope', async (style) => {
    const { sim, client } = await setup();
    sim.faults.set({ gateway: { style, message: '后端服务超时' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toBe('gateway_envelope');
    expect(r.message).toContain('后端服务超时');
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(0);
  });

  it('when the gateway answers HTTP 502 before the platform saw it', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ httpError: { status: 502 } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'unknown', reason: 'http_502' });
  });

  it('when the gateway answers HTTP 504 after the platform committed', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ httpError: { status: 504, afterCommit: true } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'unknown', reason: 'http_504' });
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(1);
  });

  it('during a scheduled maintenance window, with the gateway\'s message', async () => {
    const { sim, client } = await setup();
    const now = Date.now();
    sim.faults.set({ maintenance: { from: new Date(now - 60_000).toISOString(), to: new Date(now + 3_600_000).toISOString(), message: '系统切换维护中' } });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'unknown', reason: 'http_503' });
    expect(r.message).toContain('系统切换维护中');
    sim.faults.set({ maintenance: { from: new Date(now - 7_200_000).toISOString(), to: new Date(now - 3_600_000).toISOString() } });
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('ok');
  });

  it('when a filing succeeds without trt_dcla_detl_sn, and 5304 then finds the filing', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ noSerial: {} });
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'unknown', reason: 'success_without_serial' });
    const found = await client.queryReferrals({ personNo: who.personNo, insuredRegion: '340100', from: '2020-01-01 00:00:00', to: '2099-12-31 23:59:59' }, OPERATOR);
    expect(found.value).toEqual([expect.objectContaining({ destinationInstitutionCode: 'H11010500001', serial: null })]);
  });

  it('when the capacity queue is full', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim, { profile: PATIENT_PROFILE });
    await client.ensureSignedIn(OPERATOR);
    sim.faults.set({ capacity: { maxConcurrent: 1, maxQueued: 0 }, slow: { delayMs: 1_500, infnos: ['1201'] } });
    const results = await Promise.all([1, 2].map(() => client.queryInstitutions({ name: '演练' }, OPERATOR)));
    expect(results.map((r) => r.outcome).sort()).toEqual(['ok', 'unknown']);
    expect(results.find((r) => r.outcome === 'unknown')?.message).toContain('系统繁忙');
  });
});

describe('auth', () => {
  it('renews an expired sign-in and sends again with a new msgid', async () => {
    const { sim, client, log } = await setup();
    sim.expireSignIns();
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.msgids).toHaveLength(2);
    expect(new Set(r.msgids).size).toBe(2);
    expect(r.msgid).toBe(r.msgids![1]);
    expect(log().map((e) => [e.infno, e.outcome])).toEqual([
      ['9001', 'ok'],
      ['2501', 'auth'],
      ['9001', 'ok'],
      ['2501', 'ok'],
    ]);
  });

  it('when the platform refuses the sign-in itself', async () => {
    const sim = await h.sim({ behaviour: { operators: ['registered-only'] } });
    const client = h.client(await h.desk(), sim);
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r).toMatchObject({ outcome: 'auth', msgid: null });
    expect(r.message).toContain('签到失败');
    expect(sim.inspect.referrals()).toHaveLength(0);
  });
});

describe('after an outage', () => {
  it('signs in again before the first transaction', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('not_sent');
    sim.faults.clear();
    await sim.settled();
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(sim.inspect.exchanges().slice(-2).map((e) => e.infno)).toEqual(['9001', '2501']);
  });

  it('probe succeeds once the platform is back and renews the sign-in', async () => {
    const { sim, client } = await setup();
    sim.faults.set({ down: { mode: 'refuse', durationMs: 2_000 } });
    await sim.settled();
    expect((await client.probe(OPERATOR)).outcome).toBe('not_sent');
    // The fault clears itself after its duration (bounded wait).
    for (let i = 0; i < 100 && !sim.inspect.stats().listening; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.settled();
    expect((await client.probe(OPERATOR)).outcome).toBe('ok');
    expect(sim.inspect.stats().signIns).toBe(2);
  });
});

describe('with an injected fetch instead of node:http', () => {
  it('classifies success, refused connections and lost answers the same way', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim, { fetchImpl: globalThis.fetch });
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('ok');
    sim.faults.set({ drop: { infnos: ['1201'] } });
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('unknown');
    sim.faults.set({ drop: null, down: { mode: 'refuse' } });
    await sim.settled();
    const refused = await client.probe(OPERATOR);
    expect(refused).toMatchObject({ outcome: 'not_sent', reason: 'ECONNREFUSED' });
  });
});
