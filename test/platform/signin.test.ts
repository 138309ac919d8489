// 9001 sign-in: per operator per CST day, cached (memory and database), shared by concurrent calls,
// renewed on request, on a sign-in error, and after an outage.
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, OPERATOR, OTHER_OPERATOR, PATIENT_PROFILE, person, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

function movableClock(iso: string) {
  let now = new Date(iso);
  return { clock: () => new Date(now), set: (next: string) => (now = new Date(next)) };
}

describe('sign-in', () => {
  it('happens once per operator per day however many calls follow', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    for (let i = 0; i < 3; i += 1) expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('ok');
    expect(sim.inspect.exchanges({ infno: '9001' })).toHaveLength(1);
  });

  it('is separate for each operator, who appears as opter in the envelope', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    const a = await client.ensureSignedIn(OPERATOR);
    const b = await client.ensureSignedIn(OTHER_OPERATOR);
    expect(a.value?.signNo).not.toBe(b.value?.signNo);
    await client.queryInstitutions({ name: '演练' }, OTHER_OPERATOR);
    const env = sim.inspect.exchanges({ infno: '1201' }).at(-1)!.envelope!;
    expect(env).toMatchObject({ opter: 'opwang0002', opter_name: '王经办', sign_no: b.value?.signNo });
  });

  it('is shared by concurrent calls of the same operator', async () => {
    const sim = await h.sim({ latencyMs: 50 });
    const client = h.client(await h.desk(), sim, { profile: PATIENT_PROFILE });
    const results = await Promise.all([1, 2, 3, 4].map(() => client.queryInstitutions({ name: '演练' }, OPERATOR)));
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(sim.inspect.exchanges({ infno: '9001' })).toHaveLength(1);
  });

  it('survives a desk restart on the same day', async () => {
    const sim = await h.sim();
    const dir = h.tempDir();
    const first = await h.desk(dir);
    await h.client(first, sim).ensureSignedIn(OPERATOR);
    first.close();
    const again = h.client(await h.desk(dir), sim);
    expect((await again.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('ok');
    expect(sim.inspect.exchanges({ infno: '9001' })).toHaveLength(1);
  });

  it('is renewed on the next CST day', async () => {
    const time = movableClock('2026-03-02T15:00:00Z');
    const sim = await h.sim({ clock: time.clock });
    const client = h.client(await h.desk(), sim, { clock: time.clock });
    const first = await client.ensureSignedIn(OPERATOR);
    time.set('2026-03-02T16:00:01Z'); // 00:00:01 CST on 3 March; still 2 March in Los Angeles
    const second = await client.ensureSignedIn(OPERATOR);
    expect(first.value?.day).toBe('2026-03-02');
    expect(second.value?.day).toBe('2026-03-03');
    expect(second.value?.signNo).not.toBe(first.value?.signNo);
  });

  it('is renewed when invalidated', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.ensureSignedIn(OPERATOR);
    client.invalidateSignIn();
    await client.ensureSignedIn(OPERATOR);
    expect(sim.inspect.exchanges({ infno: '9001' })).toHaveLength(2);
  });

  it('is renewed when the platform no longer accepts the sign_no, and the call goes through', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    const old = await client.ensureSignedIn(OPERATOR);
    sim.expireSignIns();
    const r = await client.fileReferral(referralFor(person('李训练')), OPERATOR);
    expect(r.outcome).toBe('ok');
    const renewed = await client.ensureSignedIn(OPERATOR);
    expect(renewed.value?.signNo).not.toBe(old.value?.signNo);
    expect(sim.inspect.exchanges().map((e) => [e.infno, e.infcode])).toEqual([
      ['9001', 0],
      ['2501', -1],
      ['9001', 0],
      ['2501', 0],
    ]);
  });

  it('is dropped after a transport failure, so the call after an outage signs in first', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.ensureSignedIn(OPERATOR);
    sim.faults.set({ drop: { remaining: 1, infnos: ['1201'] } });
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('unknown');
    expect((await client.queryInstitutions({ name: '演练' }, OPERATOR)).outcome).toBe('ok');
    expect(sim.inspect.exchanges().map((e) => e.infno)).toEqual(['9001', '1201', '9001', '1201']);
  });
});
