// Back-entry (补录) of paper filings issued while the platform was down (seed 001 二(二)4): the paper's
// number and date are kept, the filing is marked back-entered, and the uploads replay in paper order
// once the maintenance window ends — ahead of filings typed at the desk in the meantime.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf, Result } from '../../shared/contract';
import { addDays, businessDate } from '../../shared/domain/time';
import { auditFor } from '../../db/repositories/audit';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { drained, openSimDesk, simReferral, type SimDesk } from '../sync/sim';
import { referral, setUpDesk, type TestDesk } from '../helpers/desk';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

function paper(n: number, paperNo: string, originalDate: string): RequestOf<'cutover.backEntry.create'> {
  const filing = simReferral(n);
  return { filing: { ...filing, startDate: originalDate, endDate: addDays(originalDate, 190) }, paperNo, originalDate };
}

describe('back-entry with the platform simulator', () => {
  let sim: Simulator;
  let d: SimDesk | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    d?.close();
    d = null;
    sim.reset();
  });

  it('keeps the paper number and original date, marks the filing back-entered, and audits it', async () => {
    d = await openSimDesk(sim);
    const day = addDays(businessDate(new Date()), -3);
    const saved = value(await d.desk.dispatch('cutover.backEntry.create', paper(0, 'ZZ-0007', day), d.admin));
    expect(saved).toMatchObject({ paperNo: 'ZZ-0007', originalDate: day });
    const row = d.desk.ctx.sqlite.prepare('SELECT origin, origin_ref, filing_date FROM filings WHERE id = ?').get(saved.filing.id);
    expect(row).toEqual({ origin: 'back_entry', origin_ref: 'ZZ-0007', filing_date: day });
    expect(auditFor(d.desk.ctx.db, 'filing', saved.filing.id)[0]).toMatchObject({ action: 'filing.create', after: { origin: 'back_entry', originRef: 'ZZ-0007', filingDate: day } });
    const listed = value(await d.desk.dispatch('cutover.backEntry.list', {}, d.admin));
    expect(listed.map((l) => [l.paperNo, l.originalDate])).toEqual([['ZZ-0007', day]]);
    await drained(d.desk);
    expect(value(await d.desk.dispatch('cutover.backEntry.list', {}, d.admin))[0]!.uploadState).toBe('uploaded');
  });

  it('uploads back-entries in paper order (date, then number) ahead of desk filings once the window ends', async () => {
    d = await openSimDesk(sim, { concurrency: 1 });
    const now = Date.now();
    const window = value(
      await d.desk.dispatch('maintenance.schedule', { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), note: '新平台切换（测试）' }, d.admin),
    );
    const today = businessDate(new Date());
    const dayA = addDays(today, -4);
    const dayB = addDays(today, -2);
    // Typed in a different order than issued; one desk filing in between.
    value(await d.desk.dispatch('cutover.backEntry.create', paper(1, 'HF-1', dayB), d.admin));
    value(await d.desk.dispatch('filing.create', simReferral(2), d.admin));
    value(await d.desk.dispatch('cutover.backEntry.create', paper(3, 'HF-10', dayA), d.admin));
    value(await d.desk.dispatch('cutover.backEntry.create', paper(4, 'HF-2', dayA), d.admin));
    expect(value(await d.desk.dispatch('queue.stats', {}, d.admin)).pending).toBe(4);
    expect(sim.inspect.referrals()).toEqual([]);

    value(await d.desk.dispatch('maintenance.cancel', { id: window.id }, d.admin));
    await drained(d.desk);
    // The platform's arrival order (its exchange log), not its filing list (ordered by second and serial).
    const personNos = [1, 2, 3, 4].map((n) => simReferral(n).details.personNo!);
    const arrived = sim.inspect
      .exchanges({ infno: '2501' })
      .filter((e) => e.infcode === 0)
      .map((e) => personNos.find((p) => JSON.stringify(e.envelope).includes(p)));
    expect(arrived).toEqual([4, 3, 1, 2].map((n) => simReferral(n).details.personNo));
  });

  it('keeps paper order where 复核 is required, whatever order the reviewer approves them in', async () => {
    d = await openSimDesk(sim, { concurrency: 1 });
    value(await d.desk.dispatch('settings.policy.set', { profileId: 'sanming' }, d.admin));
    value(await d.desk.dispatch('operator.create', { username: 'rv1', displayName: '复核员', role: 'reviewer', password: 'pass12345' }, d.admin));
    const login = value(await d.desk.dispatch('auth.login', { username: 'rv1', password: 'pass12345' }, null));
    const reviewer = d.desk.sessions.get(login.token)!;
    const now = Date.now();
    const window = value(
      await d.desk.dispatch('maintenance.schedule', { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), note: '新平台切换（测试）' }, d.admin),
    );
    const today = businessDate(new Date());
    const dayA = addDays(today, -4);
    const dayB = addDays(today, -2);
    const first = value(await d.desk.dispatch('cutover.backEntry.create', paper(11, 'SM-1', dayA), d.admin)).filing;
    const second = value(await d.desk.dispatch('cutover.backEntry.create', paper(12, 'SM-2', dayA), d.admin)).filing;
    const third = value(await d.desk.dispatch('cutover.backEntry.create', paper(13, 'SM-3', dayB), d.admin)).filing;
    const desk = value(await d.desk.dispatch('filing.create', simReferral(14), d.admin));
    expect([first, second, third, desk].map((f) => f.reviewStatus)).toEqual(['pending_review', 'pending_review', 'pending_review', 'pending_review']);
    expect(value(await d.desk.dispatch('queue.stats', {}, d.admin)).pending).toBe(0);

    // Approved against paper order, the desk filing in between.
    for (const f of [third, desk, second, first]) value(await d.desk.dispatch('review.approve', { id: f.id }, reviewer));
    expect(value(await d.desk.dispatch('queue.stats', {}, d.admin)).pending).toBe(4);

    value(await d.desk.dispatch('maintenance.cancel', { id: window.id }, d.admin));
    await drained(d.desk);
    const personNos = [11, 12, 13, 14].map((n) => simReferral(n).details.personNo!);
    const arrived = sim.inspect
      .exchanges({ infno: '2501' })
      .filter((e) => e.infcode === 0)
      .map((e) => personNos.find((p) => JSON.stringify(e.envelope).includes(p)));
    expect(arrived).toEqual(personNos);
  });

  it('refuses a paper number entered twice and a date after today, naming the field', async () => {
    d = await openSimDesk(sim);
    const day = addDays(businessDate(new Date()), -1);
    value(await d.desk.dispatch('cutover.backEntry.create', paper(5, 'HF-100', day), d.admin));
    const twice = await d.desk.dispatch('cutover.backEntry.create', paper(6, 'HF-100', day), d.admin);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.fields).toEqual({ paperNo: '该纸质备案表已补录' });
    const future = await d.desk.dispatch('cutover.backEntry.create', paper(7, 'HF-101', addDays(businessDate(new Date()), 1)), d.admin);
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.fields?.originalDate).toContain('不能晚于今天');
  });
});

describe('back-entry without a platform', () => {
  let t: TestDesk | null = null;
  afterEach(() => {
    t?.close();
    t = null;
  });

  it('reports the filing’s own field errors under filing.', async () => {
    t = await setUpDesk();
    const r = await t.desk.dispatch('cutover.backEntry.create', { filing: referral({ personName: '' }), paperNo: 'P-1', originalDate: addDays(businessDate(new Date()), -1) }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields ?? {})).toContain('filing.personName');
  });

  it('refuses a reviewer (back-entry is filing work)', async () => {
    t = await setUpDesk();
    const reviewer = await t.addOperator('rv', 'reviewer');
    const r = await t.desk.dispatch('cutover.backEntry.create', { filing: referral(), paperNo: 'P-2', originalDate: addDays(businessDate(new Date()), -1) }, reviewer);
    expect(r.ok).toBe(false);
  });
});
