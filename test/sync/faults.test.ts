// Each simulator fault, with the end state the queue must reach and no filing on the platform twice.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import type { FaultPatch } from '../../main/platform/sim/faults';
import type { FilingResult, PlatformOperator, PlatformOutcome, ReferralCancel, ReferralUpload } from '../../main/platform/types';
import type { OutboxEntry } from '../../db/repositories/outbox';
import { businessDateTime } from '../../shared/domain/time';
import { FakePlatform } from './fakes';
import { create, entries, filingRow, syncDesk, type SyncTestDesk } from './helpers';
import { compareWithPlatform, drained, openSimDesk, simReferral, type SimDesk } from './sim';

const FILINGS = 8;
let sim: Simulator | null = null;
let desk: SimDesk | null = null;
let fakeDesks: SyncTestDesk[] = [];
afterEach(async () => {
  for (const d of fakeDesks) d.close();
  fakeDesks = [];
  desk?.close();
  desk = null;
  await sim?.close();
  sim = null;
});

interface Case {
  name: string;
  fault: FaultPatch;
  /** Clear the fault after the first round of sends (for faults that would otherwise last). */
  clearAfterMs?: number;
  responseMs?: number;
  behaviour?: { includeSerialIn5304?: boolean };
  /** serialMissing: exactly this many "流水号待补"; serialMissingAtMost: a race decides, up to this many. */
  expected: { done: number; rejected: number; serialMissing?: number; serialMissingAtMost?: number };
}

const CASES: Case[] = [
  { name: 'platform down (connection refused)', fault: { down: { mode: 'refuse' } }, clearAfterMs: 400, expected: { done: FILINGS, rejected: 0 } },
  { name: 'connection reset after the request was read', fault: { down: { mode: 'reset' } }, clearAfterMs: 400, expected: { done: FILINGS, rejected: 0 } },
  // Committed but unanswered: found by reconciliation; the default 5304 has no serials, so "流水号待补".
  { name: 'HTTP 5xx after the platform committed', fault: { httpError: { status: 502, afterCommit: true, remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 3 } },
  { name: 'HTTP 5xx before the platform saw it', fault: { httpError: { status: 503, remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0 } },
  // The desk gives up at 300 ms, the platform commits at 600 ms. Every interleaving ends done, once:
  // the query after the commit finds it ("流水号待补"); before it, the resend either lands first (the
  // late original is refused, the desk has the resend's serial) or second (refused as a duplicate,
  // which after an unknown outcome is checked once more and found: "流水号待补"). Which one depends
  // on machine load; the forced interleavings are the tests below.
  {
    name: 'slow answers past the timeout',
    fault: { slow: { delayMs: 600, remaining: 2, infnos: ['2501'] } },
    responseMs: 300,
    expected: { done: FILINGS, rejected: 0, serialMissingAtMost: 2 },
  },
  { name: 'connection dropped after commit', fault: { drop: { remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 3 } },
  {
    name: 'connection dropped after commit, 5304 with serials',
    fault: { drop: { remaining: 3, infnos: ['2501'] } },
    behaviour: { includeSerialIn5304: true },
    expected: { done: FILINGS, rejected: 0, serialMissing: 0 },
  },
  { name: 'malformed reply after commit', fault: { malformed: { mode: 'truncated', remaining: 2, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 2 } },
  { name: 'gateway envelope instead of the platform reply', fault: { gateway: { style: 'code_type_message', remaining: 2, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0 } },
  { name: 'business rejections', fault: { reject: { remaining: 2, infnos: ['2501'], message: '参保人信息核验未通过' } }, expected: { done: FILINGS - 2, rejected: 2 } },
  {
    name: 'success without the serial, 5304 without serials',
    fault: { noSerial: { remaining: 2, infnos: ['2501'] } },
    expected: { done: FILINGS, rejected: 0, serialMissing: 2 },
  },
  {
    name: 'success without the serial, 5304 with serials',
    fault: { noSerial: { remaining: 2, infnos: ['2501'] } },
    behaviour: { includeSerialIn5304: true },
    expected: { done: FILINGS, rejected: 0, serialMissing: 0 },
  },
  {
    name: 'maintenance window on the platform side',
    fault: { maintenance: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() } },
    clearAfterMs: 400,
    expected: { done: FILINGS, rejected: 0 },
  },
  { name: 'capacity limit (busy)', fault: { capacity: { maxConcurrent: 1, maxQueued: 0 } }, clearAfterMs: 600, expected: { done: FILINGS, rejected: 0 } },
];

describe('the upload queue under each simulator fault', () => {
  it.each(CASES)('$name: ends as expected, nothing twice', async (c) => {
    sim = await startSimulator({ faults: c.fault, ...(c.behaviour ? { behaviour: c.behaviour } : {}) });
    desk = await openSimDesk(sim, c.responseMs ? { responseMs: c.responseMs } : {});
    for (let i = 0; i < FILINGS; i += 1) {
      const r = await desk.desk.dispatch('filing.create', simReferral(i), desk.admin);
      expect(r.ok).toBe(true);
    }
    if (c.clearAfterMs !== undefined) {
      await new Promise((r) => setTimeout(r, c.clearAfterMs));
      sim.faults.clear();
      desk.desk.sync!.connectivityChanged(true);
    }
    await drained(desk.desk);
    const stats = await desk.desk.dispatch('queue.stats', {}, desk.admin);
    expect(stats.ok && { done: stats.value.done, rejected: stats.value.rejected }).toEqual({ done: c.expected.done, rejected: c.expected.rejected });
    const cmp = compareWithPlatform(desk.desk, sim);
    expect(cmp).toMatchObject({ missing: [], extra: [], wrongSerial: [], notCancelled: [], uploaded: c.expected.done });
    const serialMissing = desk.desk.db.sqlite.prepare("select count(*) as n from filings where upload_state = 'uploaded' and platform_serial is null").get() as { n: number };
    if (c.expected.serialMissingAtMost !== undefined) expect(serialMissing.n).toBeLessThanOrEqual(c.expected.serialMissingAtMost);
    else expect(serialMissing.n).toBe(c.expected.serialMissing ?? 0);
    if (c.expected.rejected) {
      const rejected = await desk.desk.dispatch('queue.list', { status: 'rejected' }, desk.admin);
      expect(rejected.ok && rejected.value.items.map((e) => e.lastError)).toEqual(['参保人信息核验未通过', '参保人信息核验未通过']);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// The late original: the desk gave up on a slow answer, reconciled before the platform committed,
// found nothing and sent again; the resend reached the platform after the late commit and was
// refused as a duplicate. Forced here, not left to machine load.

const DUPLICATE = '该参保人已有有效的转院备案';

/** The first upload's outcome is lost and it commits only when the resend arrives, which is refused. */
class LateUploadPlatform extends FakePlatform {
  private late: ReferralUpload | null = null;
  constructor(private readonly now: () => Date) {
    super(now);
  }

  override fileReferral(upload: ReferralUpload, op: PlatformOperator, call?: { correlationId?: string }): Promise<PlatformOutcome<FilingResult>> {
    const n = this.sendsFor('fileReferral');
    if (n === 0) {
      this.late = upload;
      this.script.unshift('unknown_before');
    } else if (n === 1 && this.late) {
      // The late original commits now, just before the resend is handled; the resend is a duplicate.
      this.stored.push({ serial: 'SN-LATE-1', upload: this.late, operatedAt: businessDateTime(this.now()), cancelled: false });
      this.late = null;
      this.script.unshift('rejected');
    }
    return super.fileReferral(upload, op, call);
  }
}

/** The first cancel's outcome is lost and it applies only when the resend arrives, which finds nothing to cancel. */
class LateCancelPlatform extends FakePlatform {
  private late: string | null = null;
  override cancelReferral(cancel: ReferralCancel, op: PlatformOperator, call?: { correlationId?: string }): Promise<PlatformOutcome<FilingResult>> {
    const n = this.sendsFor('cancelReferral');
    if (n === 0) {
      this.late = cancel.serial;
      this.script.unshift('unknown_before');
    } else if (n === 1 && this.late) {
      const original = this.stored.find((s) => s.serial === this.late);
      if (original) original.cancelled = true;
      this.late = null;
    }
    return super.cancelReferral(cancel, op, call);
  }
}

async function fakeDesk<P extends FakePlatform>(make: (clock: () => Date) => P): Promise<{ t: SyncTestDesk; platform: P }> {
  let platform!: P;
  const t = await syncDesk((time) => (platform = make(time.clock)));
  fakeDesks.push(t);
  return { t, platform };
}

function queries(platform: FakePlatform): number {
  return platform.calls.filter((c) => c.method === 'queryReferrals').length;
}

function attemptOutcomes(t: SyncTestDesk, entryId: string): string[] {
  const rows = t.desk.db.sqlite.prepare('select outcome from outbox_attempts where entry_id = ? order by id').all(entryId) as { outcome: string }[];
  return rows.map((r) => r.outcome);
}

describe('a refusal after an unknown outcome (the late original)', () => {
  it('settles done, once, with the serial the query returns, when the resend is refused as a duplicate', async () => {
    const { t, platform } = await fakeDesk((clock) => new LateUploadPlatform(clock));
    const id = await create(t, 1);
    await t.time.advance(10);
    const [entry] = entries(t, id);
    expect(platform.sendsFor('fileReferral')).toBe(2);
    expect(queries(platform)).toBe(2);
    expect(platform.active()).toHaveLength(1);
    expect(entry).toMatchObject({ status: 'done', attempts_started: 2, attempts_finished: 2, platform_ref: 'SN-LATE-1' });
    expect(filingRow(t, id)).toEqual({ status: 'active', upload_state: 'uploaded', platform_serial: 'SN-LATE-1' });
    expect(attemptOutcomes(t, entry!.id)).toEqual(['unknown', 'reconcile_absent', 'rejected', 'reconcile_found']);
    // Nothing more goes out later.
    await t.time.advance(120_000);
    expect(platform.sendsFor('fileReferral')).toBe(2);
  });

  it('settles done as "流水号待补" when the query returns no serials', async () => {
    const { t, platform } = await fakeDesk((clock) => {
      const p = new LateUploadPlatform(clock);
      p.querySerials = false;
      return p;
    });
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(entries(t, id)[0]).toMatchObject({ status: 'done', platform_ref: null, last_error: '平台已有该备案，流水号待补（平台查询未返回流水号）' });
    expect(filingRow(t, id)).toEqual({ status: 'active', upload_state: 'uploaded', platform_serial: null });
    expect(platform.active()).toHaveLength(1);
  });

  it('keeps a genuine refusal after an unknown outcome, with the platform message, after one more check only', async () => {
    const { t, platform } = await fakeDesk((clock) => new FakePlatform(clock));
    platform.script.push('unknown_before', 'rejected');
    const id = await create(t, 1);
    await t.time.advance(10);
    const [entry] = entries(t, id);
    expect(entry).toMatchObject({ status: 'rejected', attempts_started: 2, attempts_finished: 2, last_error: DUPLICATE });
    expect(filingRow(t, id).upload_state).toBe('rejected');
    expect(attemptOutcomes(t, entry!.id)).toEqual(['unknown', 'reconcile_absent', 'rejected', 'reconcile_absent']);
    await t.time.advance(120_000);
    expect(platform.sendsFor('fileReferral')).toBe(2);
    expect(queries(platform)).toBe(2);
    expect(platform.active()).toHaveLength(0);
    // The operator's resubmission starts afresh: a refusal of it is final at once, without a check.
    platform.script.push('rejected');
    const retried = await t.desk.dispatch('queue.retryNow', { entryId: entry!.id }, t.admin);
    expect(retried.ok).toBe(true);
    await t.time.advance(10);
    expect(entries(t, id)[0]).toMatchObject({ status: 'rejected', attempts_started: 3 });
    expect(queries(platform)).toBe(2);
  });

  it('refuses at once, without a check, when no earlier outcome was unknown', async () => {
    const { t, platform } = await fakeDesk((clock) => new FakePlatform(clock));
    platform.script.push('rejected');
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(entries(t, id)[0]).toMatchObject({ status: 'rejected', attempts_started: 1, last_error: DUPLICATE });
    expect(queries(platform)).toBe(0);
  });

  it('settles a cancel done when its resend is refused because the late original cancel applied', async () => {
    const { t, platform } = await fakeDesk((clock) => new LateCancelPlatform(clock));
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(filingRow(t, id).upload_state).toBe('uploaded');
    const voided = await t.desk.dispatch('filing.void', { id, reason: '患者放弃转诊' }, t.admin);
    expect(voided.ok).toBe(true);
    await t.time.advance(10);
    const cancel = entries(t, id).find((e) => e.kind === 'filing.cancel')!;
    expect(platform.sendsFor('cancelReferral')).toBe(2);
    expect(cancel).toMatchObject({ status: 'done', attempts_started: 2 });
    expect(attemptOutcomes(t, cancel.id)).toEqual(['unknown', 'reconcile_found', 'rejected', 'reconcile_absent']);
    expect(filingRow(t, id)).toMatchObject({ status: 'voided', upload_state: 'cancelled' });
    expect(platform.active()).toHaveLength(0);
  });

  it('against the simulator: the resend held until the slow original committed ends done, once', async () => {
    sim = await startSimulator({ faults: { slow: { delayMs: 1_500, remaining: 1, infnos: ['2501'] } } });
    let heldResend = false;
    const s = sim;
    // The resend leaves only after the platform committed the late original: the refused-duplicate
    // interleaving, whatever the machine's load.
    const afterClaim = async (entry: OutboxEntry): Promise<void> => {
      if (entry.kind !== 'filing.create' || entry.attemptsStarted < 2) return;
      heldResend = true;
      const deadline = Date.now() + 10_000;
      while (s.inspect.referrals().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    desk = await openSimDesk(sim, { responseMs: 200, hooks: { afterClaim } });
    const r = await desk.desk.dispatch('filing.create', simReferral(0), desk.admin);
    expect(r.ok).toBe(true);
    await drained(desk.desk);
    expect(heldResend).toBe(true);
    const stats = await desk.desk.dispatch('queue.stats', {}, desk.admin);
    expect(stats.ok && { done: stats.value.done, rejected: stats.value.rejected }).toEqual({ done: 1, rejected: 0 });
    expect(compareWithPlatform(desk.desk, sim)).toMatchObject({ missing: [], extra: [], wrongSerial: [], uploaded: 1 });
    expect(sim.inspect.referrals()).toHaveLength(1);
    const outcomes = desk.desk.db.sqlite.prepare('select a.outcome from outbox_attempts a join outbox o on o.id = a.entry_id order by a.id').all() as { outcome: string }[];
    expect(outcomes.map((o) => o.outcome)).toEqual(['unknown', 'reconcile_absent', 'rejected', 'reconcile_found']);
  });
});
