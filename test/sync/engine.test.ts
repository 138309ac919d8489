// The upload queue's behaviour, against a scripted platform and hand-moved time (real SQLite).
import { afterEach, describe, expect, it } from 'vitest';
import { FakePlatform } from './fakes';
import { create, entries, filingRow, syncDesk, uploadable, type SyncTestDesk } from './helpers';

let desks: SyncTestDesk[] = [];
afterEach(() => {
  for (const d of desks) d.close();
  desks = [];
});

async function open(options: Parameters<typeof syncDesk>[1] = {}) {
  let platform!: FakePlatform;
  const t = await syncDesk((time) => (platform = new FakePlatform(time.clock)), options);
  desks.push(t);
  return { t, platform };
}

describe('the upload queue', () => {
  it('uploads a saved filing once and records the serial, the attempt and the audit', async () => {
    const { t, platform } = await open();
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(platform.sendsFor('fileReferral')).toBe(1);
    const [entry] = entries(t, id);
    expect(entry).toMatchObject({ status: 'done', attempts_started: 1, attempts_finished: 1, platform_ref: 'SN00000001' });
    expect(filingRow(t, id)).toEqual({ status: 'active', upload_state: 'uploaded', platform_serial: 'SN00000001' });
    const attempts = await t.desk.dispatch('queue.attempts', { entryId: entry!.id }, t.admin);
    expect(attempts.ok && attempts.value.map((a) => [a.outcome, a.msgid])).toEqual([['ok', platform.calls.find((c) => c.method === 'fileReferral')!.msgid]]);
    const audit = t.desk.db.sqlite.prepare("select action from audit_events where entity_id = ? and action like 'upload.%'").all(id);
    expect(audit).toEqual([{ action: 'upload.done' }]);
  });

  it('refuses locally, naming the field, when the filing lacks the destination institution', async () => {
    const { t, platform } = await open();
    const id = await create(t, 1, { destinationInstitutionCode: undefined, destinationInstitutionName: undefined });
    await t.time.advance(10);
    expect(platform.sendsFor('fileReferral')).toBe(0);
    expect(entries(t, id)[0]).toMatchObject({ status: 'rejected', last_error: '缺少转往医疗机构，请编辑备案后重新提交' });
    expect(filingRow(t, id).upload_state).toBe('rejected');
  });

  it('shows a platform rejection with its message and re-queues it when the operator retries', async () => {
    const { t, platform } = await open();
    platform.script.push('rejected');
    const id = await create(t, 1);
    await t.time.advance(10);
    const [entry] = entries(t, id);
    expect(entry).toMatchObject({ status: 'rejected', last_error: '该参保人已有有效的转院备案' });
    const retried = await t.desk.dispatch('queue.retryNow', { entryId: entry!.id }, t.admin);
    expect(retried).toEqual({ ok: true, value: { requeued: 1 } });
    await t.time.advance(10);
    expect(entries(t, id)[0]).toMatchObject({ status: 'done', attempts_started: 2 });
    expect(platform.active()).toHaveLength(1);
  });

  it('backs off a request that was not sent by the jittered, capped delay, and not sooner', async () => {
    const { t, platform } = await open();
    platform.script.push('not_sent');
    const id = await create(t, 1);
    await t.time.advance(1);
    const [entry] = entries(t, id);
    // first retry: ceiling 1000 ms, random 0.5 -> 500 ms
    expect(entry).toMatchObject({ status: 'pending', attempts_finished: 1 });
    expect(Date.parse(entry!.next_attempt_at) - t.time.now).toBeGreaterThan(400);
    await t.time.advance(400);
    expect(platform.sendsFor('fileReferral')).toBe(1);
    await t.time.advance(200);
    expect(platform.sendsFor('fileReferral')).toBe(2);
    expect(entries(t, id)[0]!.status).toBe('done');
  });

  it('keeps filings in order within a filing and works on several filings in parallel, up to the limit', async () => {
    const { t, platform } = await open({ concurrency: 3 });
    platform.gate.closed = true;
    const ids = [];
    for (let i = 1; i <= 6; i += 1) ids.push(await create(t, i));
    await t.time.advance(1);
    expect(platform.inFlight).toBe(3);
    // Voiding a filing whose upload is in flight queues a cancel that must wait behind it.
    const voided = await t.desk.dispatch('filing.void', { id: ids[0]!, reason: '患者放弃转诊' }, t.admin);
    expect(voided.ok).toBe(true);
    await t.time.advance(1);
    expect(platform.sendsFor('cancelReferral')).toBe(0);
    platform.gate.open();
    await t.time.advance(1);
    expect(platform.maxInFlight).toBe(3);
    expect(platform.sendsFor('fileReferral')).toBe(6);
    expect(platform.sendsFor('cancelReferral')).toBe(1);
    const order = platform.calls.filter((c) => c.method !== 'ensureSignedIn').map((c) => c.method);
    expect(order.indexOf('cancelReferral')).toBeGreaterThan(0);
    expect(entries(t, ids[0]!).map((e) => [e.kind, e.status])).toEqual([
      ['filing.create', 'done'],
      ['filing.cancel', 'done'],
    ]);
    expect(filingRow(t, ids[0]!)).toMatchObject({ status: 'voided', upload_state: 'cancelled' });
    expect(platform.active()).toHaveLength(5);
  });

  it('never sends a filing voided before its upload, nor a cancel for it', async () => {
    const { t, platform } = await open();
    const now = new Date(t.time.now);
    const schedule = await t.desk.dispatch(
      'maintenance.schedule',
      { startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 3_600_000).toISOString(), note: '切换演练' },
      t.admin,
    );
    expect(schedule.ok).toBe(true);
    const id = await create(t, 1);
    const voided = await t.desk.dispatch('filing.void', { id, reason: '录入错误' }, t.admin);
    expect(voided.ok && voided.value.uploadState).toBe('cancelled');
    await t.time.advance(2 * 3_600_000);
    expect(platform.sendsFor('fileReferral')).toBe(0);
    expect(platform.sendsFor('cancelReferral')).toBe(0);
    expect(entries(t, id).map((e) => [e.kind, e.status])).toEqual([['filing.create', 'cancelled']]);
  });

  it('holds everything, probes included, during a maintenance window and replays after it', async () => {
    const { t, platform } = await open();
    const start = t.time.now + 60_000;
    const r = await t.desk.dispatch(
      'maintenance.schedule',
      { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 12 * 86_400_000).toISOString(), note: '新平台切换' },
      t.admin,
    );
    expect(r.ok).toBe(true);
    await t.time.advance(61_000);
    const callsAtStart = platform.calls.length;
    const ids = [await create(t, 1), await create(t, 2)];
    const status = await t.desk.dispatch('platform.status', {}, t.admin);
    expect(status.ok && status.value).toMatchObject({ state: 'maintenance', window: { note: '新平台切换', state: 'open' }, counts: { pending: 2 } });
    await t.time.advance(12 * 86_400_000 - 2_000);
    expect(platform.calls.length).toBe(callsAtStart);
    await t.time.advance(5_000);
    const after = platform.calls.slice(callsAtStart).map((c) => c.method);
    expect(after.slice(0, 2)).toEqual(['probe', 'ensureSignedIn']);
    expect(platform.invalidations).toBeGreaterThan(0);
    expect(ids.map((id) => entries(t, id)[0]!.status)).toEqual(['done', 'done']);
  });

  it('opens the circuit after repeated transport failures, sends nothing until a probe answers, then replays in order', async () => {
    const { t, platform } = await open({ concurrency: 1 });
    platform.down = true;
    const ids = [];
    for (let i = 1; i <= 5; i += 1) ids.push(await create(t, i));
    await t.time.advance(5_000);
    const status = await t.desk.dispatch('platform.status', {}, t.admin);
    expect(status.ok && status.value.breaker).toBe('open');
    const sendsWhileOpen = platform.sendsFor('fileReferral');
    await t.time.advance(60_000);
    expect(platform.sendsFor('fileReferral')).toBe(sendsWhileOpen);
    expect(platform.calls.filter((c) => c.method === 'probe').length).toBeGreaterThan(1);
    platform.down = false;
    await t.time.advance(10_000);
    expect(ids.map((id) => entries(t, id)[0]!.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(platform.stored.map((s) => s.upload.personNo)).toEqual(ids.map((_, i) => uploadable(i + 1).details.personNo));
    expect(platform.invalidations).toBeGreaterThan(0);
  });

  it('signs in afresh after the platform refuses the sign-in, then sends', async () => {
    const { t, platform } = await open();
    platform.script.push('auth');
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(entries(t, id)[0]).toMatchObject({ status: 'done', attempts_started: 2 });
    const methods = platform.calls.map((c) => c.method);
    expect(methods.slice(methods.indexOf('fileReferral'))).toEqual(['fileReferral', 'ensureSignedIn', 'fileReferral']);
  });
});

describe('uncertain uploads', () => {
  it('asks the platform before sending again, and does not resend one that arrived', async () => {
    const { t, platform } = await open();
    platform.script.push('unknown_after');
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(platform.sendsFor('fileReferral')).toBe(1);
    expect(platform.sendsFor('queryReferrals' as never)).toBe(1);
    expect(entries(t, id)[0]).toMatchObject({ status: 'done', platform_ref: 'SN00000001' });
    expect(filingRow(t, id)).toMatchObject({ upload_state: 'uploaded', platform_serial: 'SN00000001' });
    expect(platform.active()).toHaveLength(1);
  });

  it('marks an arrived upload "serial to be supplied" when the query does not return serials', async () => {
    const { t, platform } = await open();
    platform.querySerials = false;
    platform.script.push('unknown_after');
    const id = await create(t, 1);
    await t.time.advance(10);
    const [entry] = entries(t, id);
    expect(entry).toMatchObject({ status: 'done', platform_ref: null, last_error: '平台已有该备案，流水号待补（平台查询未返回流水号）' });
    expect(filingRow(t, id)).toMatchObject({ upload_state: 'uploaded', platform_serial: null });
    // A later cancel cannot go without the serial: it says so instead of guessing.
    await t.desk.dispatch('filing.void', { id, reason: '患者放弃' }, t.admin);
    await t.time.advance(10);
    expect(platform.sendsFor('cancelReferral')).toBe(0);
    expect(entries(t, id)[1]).toMatchObject({ kind: 'filing.cancel', status: 'rejected' });
    // A reviewer fills in the serial read on the platform; the cancel then goes.
    const reviewer = await t.addOperator('reviewer1', 'reviewer');
    const resolved = await t.desk.dispatch('queue.resolveUncertain', { entryId: entry!.id, resolution: 'done', serial: 'SN00000001', reason: '平台查询到流水号' }, reviewer);
    expect(resolved.ok && resolved.value.platformRef).toBe('SN00000001');
    await t.desk.dispatch('queue.retryNow', { entryId: entries(t, id)[1]!.id }, t.admin);
    await t.time.advance(10);
    expect(platform.sendsFor('cancelReferral')).toBe(1);
    expect(platform.active()).toHaveLength(0);
  });

  it('sends again, with a new msgid, an upload the platform never received', async () => {
    const { t, platform } = await open();
    platform.script.push('unknown_before');
    const id = await create(t, 1);
    await t.time.advance(10);
    const sends = platform.calls.filter((c) => c.method === 'fileReferral');
    expect(sends).toHaveLength(2);
    expect(new Set(sends.map((s) => s.msgid)).size).toBe(2);
    expect(entries(t, id)[0]).toMatchObject({ status: 'done', attempts_started: 2 });
    expect(platform.active()).toHaveLength(1);
  });

  it('does not take a cancel whose outcome is unknown for applied when the upload was long before', async () => {
    const { t, platform } = await open({ reconcileSlackMs: 60_000 });
    const id = await create(t, 1);
    await t.time.advance(10);
    await t.time.advance(3_600_000);
    platform.script.push('unknown_before');
    await t.desk.dispatch('filing.void', { id, reason: '患者放弃' }, t.admin);
    await t.time.advance(10);
    // Asked, found still there, sent again: cancelled on the platform, and only once.
    expect(platform.sendsFor('cancelReferral')).toBe(2);
    expect(platform.active()).toHaveLength(0);
    expect(entries(t, id).map((e) => [e.kind, e.status])).toEqual([
      ['filing.create', 'done'],
      ['filing.cancel', 'done'],
    ]);
  });

  it('lets only reviewers and admins resolve an uncertain entry by hand, with a reason', async () => {
    const { t, platform } = await open();
    platform.down = true;
    platform.script.push('unknown_after');
    platform.down = false;
    const id = await create(t, 1);
    // Keep the query failing so the entry stays uncertain.
    const query = platform.queryReferrals.bind(platform);
    platform.queryReferrals = async (q) => ({ ...(await query(q)), outcome: 'rejected', value: undefined, message: '查询服务暂停' });
    await t.time.advance(10);
    const [entry] = entries(t, id);
    expect(entry!.status).toBe('uncertain');
    const operator = await t.addOperator('op1', 'operator');
    const refused = await t.desk.dispatch('queue.resolveUncertain', { entryId: entry!.id, resolution: 'pending', reason: '已核实' }, operator);
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const reviewer = await t.addOperator('rev1', 'reviewer');
    const noSerial = await t.desk.dispatch('queue.resolveUncertain', { entryId: entry!.id, resolution: 'done', reason: '平台已有' }, reviewer);
    expect(noSerial).toMatchObject({ ok: false, fields: { serial: '请填写在医保平台查到的备案流水号' } });
    const done = await t.desk.dispatch('queue.resolveUncertain', { entryId: entry!.id, resolution: 'done', serial: 'SN00000001', reason: '平台已有' }, reviewer);
    expect(done.ok && done.value.status).toBe('done');
    const audit = t.desk.db.sqlite.prepare("select operator_id from audit_events where entity_id = ? and action = 'upload.resolved'").all(id);
    expect(audit).toEqual([{ operator_id: reviewer.operatorId }]);
  });
});

describe('start-up recovery', () => {
  it('turns an entry left in flight by a crash into an uncertain one and reconciles it before sending', async () => {
    let platform!: FakePlatform;
    const first = await syncDesk((time) => (platform = new FakePlatform(time.clock)), {
      hooks: {
        afterClaim: () => {
          // The desk dies between the claim's commit and the send.
          first.desk.close();
        },
      },
    });
    const id = await create(first, 1);
    await first.time.advance(10);
    expect(platform.sendsFor('fileReferral')).toBe(0);

    const { createDesk } = await import('../../main/app/desk');
    const second = await createDesk({
      dataDir: first.dir,
      mode: 'training',
      clock: first.time.clock,
      platform: { client: platform, operator: { id: 'q', name: '队列' }, timers: first.time.timers, random: () => 0.5 },
    });
    try {
      const row = () => second.db.sqlite.prepare('select status, attempts_started, attempts_finished from outbox where order_key = ?').get(id);
      expect(row()).toEqual({ status: 'uncertain', attempts_started: 1, attempts_finished: 0 });
      await first.time.advance(10);
      const methods = platform.calls.map((c) => c.method).filter((m) => m !== 'ensureSignedIn');
      expect(methods).toEqual(['queryReferrals', 'fileReferral']);
      expect(row()).toMatchObject({ status: 'done' });
      expect(platform.active()).toHaveLength(1);
    } finally {
      second.close();
    }
  });
});
