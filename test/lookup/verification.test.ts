// Persons typed in by hand while the platform was down are verified against 1101 once it is back.
import { describe, expect, it } from 'vitest';
import { auditFor } from '../../db/repositories/audit';
import type { Simulator } from '../../main/platform/sim/server';
import { lookupRuntime } from '../../main/services/lookupPlatform';
import { lookupDesk, type LookupDesk, referralOf, simPerson, simulatorPerFile } from './helpers';

let sim: Simulator;
let t: LookupDesk;

simulatorPerFile((started) => (sim = started), () => t);

/** A desk whose verification job runs only when the test says so. */
async function desk(): Promise<LookupDesk> {
  const d = await lookupDesk(sim);
  lookupRuntime(d.desk.ctx).verifier!.stop();
  return d;
}

async function file(input: ReturnType<typeof referralOf>): Promise<string> {
  const r = await t.desk.dispatch('filing.create', input, t.operator);
  if (!r.ok) throw new Error(r.message);
  return r.value.id;
}

async function down(): Promise<void> {
  sim.faults.set({ down: { mode: 'refuse' } });
  await sim.settled();
}

async function up(): Promise<void> {
  sim.faults.clear();
  await sim.settled();
}

const verifier = () => lookupRuntime(t.desk.ctx).verifier!;

function entryOf(filingId: string): { status: string; last_error: string | null } | undefined {
  return t.desk.db.sqlite.prepare("select status, last_error from outbox where order_key = ? and kind = 'filing.create'").get(filingId) as
    | { status: string; last_error: string | null }
    | undefined;
}

describe('verification of hand-entered persons', () => {
  it('waits while the platform is down, then finds a typed name that differs from the platform and says which field', async () => {
    t = await desk();
    await down();
    const p = simPerson('王演练');
    const id = await file(referralOf(p, { name: '王演炼' }));
    const offline = await verifier().runOnce();
    expect(offline).toMatchObject({ queued: 1, mismatch: 0, failed: 1 });
    const waiting = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(waiting.ok && waiting.value).toMatchObject({ state: 'pending', lastError: expect.any(String) });

    await up();
    // The failed attempt set a backoff; the platform coming back is what the job waits for.
    t.desk.db.sqlite.prepare('update person_verifications set next_attempt_at = null').run();
    const back = await verifier().runOnce();
    expect(back).toMatchObject({ mismatch: 1 });
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value).toMatchObject({
      state: 'mismatch',
      stateLabel: expect.stringContaining('不一致'),
      mismatches: [{ field: 'personName', label: '姓名', entered: '王演炼', platform: '王演练' }],
      checkedAt: expect.any(String),
    });
    const audit = auditFor(t.desk.db.db, 'filing', id).filter((a) => a.action.startsWith('person.'));
    expect(audit.map((a) => [a.action, (a.after as { fields?: string[] }).fields])).toEqual([['person.mismatch', ['personName']]]);
  });

  it('marks a person whose details match as verified, and keeps the platform person number', async () => {
    t = await desk();
    const p = simPerson('李训练');
    const id = await file(referralOf(p));
    expect(await verifier().runOnce()).toMatchObject({ queued: 1, verified: 1 });
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value).toMatchObject({ state: 'verified', mismatches: [] });
    const row = t.desk.db.sqlite.prepare('select person_no, insured_region from person_verifications where filing_id = ?').get(id);
    expect(row).toEqual({ person_no: p.personNo, insured_region: '340100' });
    expect(auditFor(t.desk.db.db, 'filing', id).some((a) => a.action === 'person.verified')).toBe(true);
  });

  it('completes a verified filing with the platform person number and lets the refused upload go', async () => {
    t = await desk();
    await down();
    const p = simPerson('王演练');
    const id = await file(referralOf(p));
    await up();
    // The queue refuses the upload at once: the person number only the lookup gives is missing.
    await until(async () => entryOf(id)?.status === 'rejected');
    expect(entryOf(id)?.last_error).toContain('人员编号');

    expect(await verifier().runOnce()).toMatchObject({ verified: 1 });
    await until(async () => entryOf(id)?.status === 'done').catch((e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(entryOf(id))} ${JSON.stringify(t.desk.sync!.status())}`);
    });
    expect(sim.inspect.referrals(p.personNo)).toHaveLength(1);
    const filing = await t.desk.dispatch('filing.get', { id }, t.operator);
    expect(filing.ok && filing.value).toMatchObject({ uploadState: 'uploaded', details: { personNo: p.personNo, insuredRegion: '340100' } });
  });

  it('leaves a mismatching filing as it is: the operator decides', async () => {
    t = await desk();
    const id = await file(referralOf(simPerson('王演练'), { name: '王演炼' }));
    await until(async () => entryOf(id)?.status === 'rejected');
    await verifier().runOnce();
    expect(entryOf(id)?.status).toBe('rejected');
    const filing = await t.desk.dispatch('filing.get', { id }, t.operator);
    expect(filing.ok && filing.value.details.personNo).toBeUndefined();
  });

  it('reports the insurance type and status the platform holds when they differ from what was typed', async () => {
    t = await desk();
    const id = await file({ ...referralOf(simPerson('李训练')), insuranceType: 'employee' });
    await verifier().runOnce();
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value.mismatches).toEqual([{ field: 'insuranceType', label: '险种', entered: '职工医保', platform: '城乡居民基本医疗保险' }]);
  });

  it('says not found when the platform does not know the ID number', async () => {
    t = await desk();
    const stranger = { ...referralOf(simPerson('王演练')), certNo: '11010519491231002X', personName: '张三丰' };
    const id = await file(stranger);
    expect(await verifier().runOnce()).toMatchObject({ notFound: 1 });
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value).toMatchObject({ state: 'not_found', lastError: expect.stringContaining('未查询到') });
  });

  it('does not verify a person who came from the platform lookup', async () => {
    t = await desk();
    const id = await file(referralOf(simPerson('刘测试'), { looked: true }));
    expect(await verifier().runOnce()).toMatchObject({ scanned: 1, queued: 0 });
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value.state).toBe('not_needed');
    expect(sim.inspect.exchanges({ infno: '1101' })).toHaveLength(0);
  });

  it('runs by itself when the platform comes back online', async () => {
    t = await lookupDesk(sim);
    await down();
    const id = await file(referralOf(simPerson('陈模拟'), { name: '陈模似' }));
    await verifier().runOnce();
    t.desk.db.sqlite.prepare('update person_verifications set next_attempt_at = null').run();
    await up();
    t.desk.events.emit('platform.state', { state: 'online' });
    await until(async () => {
      const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
      return r.ok && r.value.state === 'mismatch';
    });
  });

  it('does not ask about a person typed in by social-security card number, and says why', async () => {
    t = await desk();
    const p = simPerson('孔示例');
    const id = await file({ ...referralOf(p), certType: 'social_security_card', certNo: p.socialCardNo });
    expect(await verifier().runOnce()).toMatchObject({ scanned: 1, queued: 0 });
    const r = await t.desk.dispatch('person.verification', { filingId: id }, t.operator);
    expect(r.ok && r.value).toMatchObject({ state: 'pending', lastError: expect.stringContaining('卡识别码') });
    expect(sim.inspect.exchanges({ infno: '1101' })).toHaveLength(0);
  });

  it('says NOT_FOUND for a filing that does not exist', async () => {
    t = await desk();
    const r = await t.desk.dispatch('person.verification', { filingId: 'nope' }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
