// Voiding a filing whose upload waits (pending) after an unknown outcome: the late original may still
// commit, so the upload is reconciled first and the void's cancel decides on what was found
// (docs/queue.md "Voiding a filing"). Driven by hand-moved time and a scripted platform.
import { afterEach, describe, expect, it } from 'vitest';
import type { FilingResult, PlatformOperator, PlatformOutcome, ReferralUpload } from '../../main/platform/types';
import { businessDateTime } from '../../shared/domain/time';
import { FakePlatform } from './fakes';
import { create, entries, filingRow, syncDesk, type SyncTestDesk } from './helpers';

let desks: SyncTestDesk[] = [];
afterEach(() => {
  for (const d of desks) d.close();
  desks = [];
});

/**
 * The first upload's answer is lost (the platform has not committed it yet); the resend after the
 * reconciliation found nothing does not get out (not_sent), so the entry waits pending, marked.
 * commitLate() makes the lost original commit on the platform, late.
 */
class LateOriginalPlatform extends FakePlatform {
  private original: ReferralUpload | null = null;
  constructor(private readonly now: () => Date) {
    super(now);
  }

  override fileReferral(upload: ReferralUpload, op: PlatformOperator, call?: { correlationId?: string }): Promise<PlatformOutcome<FilingResult>> {
    const n = this.sendsFor('fileReferral');
    if (n === 0) {
      this.original = upload;
      this.script.unshift('unknown_before');
    } else if (n === 1) {
      this.script.unshift('not_sent');
    }
    return super.fileReferral(upload, op, call);
  }

  commitLate(): void {
    if (!this.original) throw new Error('no original upload to commit');
    this.stored.push({ serial: 'SN-LATE-1', upload: this.original, operatedAt: businessDateTime(this.now()), cancelled: false });
    this.original = null;
  }
}

async function waitingAfterUnknown(): Promise<{ t: SyncTestDesk; platform: LateOriginalPlatform; id: string }> {
  let platform!: LateOriginalPlatform;
  const t = await syncDesk((time) => (platform = new LateOriginalPlatform(time.clock)));
  desks.push(t);
  const id = await create(t, 1);
  await t.time.advance(10);
  // unknown -> reconciled, absent -> resend not sent -> pending behind its backoff, marked.
  expect(entries(t, id)).toMatchObject([{ kind: 'filing.create', status: 'pending', attempts_started: 2, attempts_finished: 2 }]);
  expect(filingRow(t, id).upload_state).toBe('pending');
  expect(platform.sendsFor('fileReferral')).toBe(2);
  expect(queries(platform)).toBe(1);
  return { t, platform, id };
}

function queries(platform: FakePlatform): number {
  return platform.calls.filter((c) => c.method === 'queryReferrals').length;
}

function attemptOutcomes(t: SyncTestDesk, entryId: string): string[] {
  const rows = t.desk.db.sqlite.prepare('select outcome from outbox_attempts where entry_id = ? order by id').all(entryId) as { outcome: string }[];
  return rows.map((r) => r.outcome);
}

/** The audit rows of the void's recheck: upload.uncertain with the void's reason, by the operator. */
function voidRechecks(t: SyncTestDesk, filingId: string): { operator_id: string | null; reason: string }[] {
  return t.desk.db.sqlite
    .prepare(
      "select operator_id, json_extract(after, '$.reason') as reason from audit_events where entity_type = 'filing' and entity_id = ? and action = 'upload.uncertain' and json_extract(after, '$.voided') = 1 order by id",
    )
    .all(filingId) as { operator_id: string | null; reason: string }[];
}

async function voidFiling(t: SyncTestDesk, id: string): Promise<void> {
  const r = await t.desk.dispatch('filing.void', { id, reason: '患者放弃转诊' }, t.admin);
  expect(r.ok).toBe(true);
}

describe('voiding a filing whose upload is pending after an unknown outcome', () => {
  it('reconciles first, not a silent withdrawal: the late original found is cancelled on the platform, once', async () => {
    const { t, platform, id } = await waitingAfterUnknown();
    platform.commitLate();
    await voidFiling(t, id);
    await t.time.advance(10);
    const [upload, cancel] = entries(t, id);
    expect(upload).toMatchObject({ status: 'done', platform_ref: 'SN-LATE-1' });
    expect(attemptOutcomes(t, upload!.id)).toEqual(['unknown', 'reconcile_absent', 'not_sent', 'reconcile_found']);
    expect(cancel).toMatchObject({ status: 'done', attempts_started: 1, attempts_finished: 1 });
    expect(attemptOutcomes(t, cancel!.id)).toEqual(['ok']);
    expect(platform.sendsFor('cancelReferral')).toBe(1);
    expect(platform.stored).toMatchObject([{ serial: 'SN-LATE-1', cancelled: true }]);
    expect(platform.active()).toHaveLength(0);
    expect(filingRow(t, id)).toMatchObject({ status: 'voided', upload_state: 'cancelled', platform_serial: 'SN-LATE-1' });
    expect(voidRechecks(t, id)).toEqual([{ operator_id: expect.any(String), reason: '患者放弃转诊' }]);

    // Nothing more goes out later: no resend of the upload, no second cancel.
    await t.time.advance(300_000);
    expect(platform.sendsFor('fileReferral')).toBe(2);
    expect(platform.sendsFor('cancelReferral')).toBe(1);
    expect(queries(platform)).toBe(2);
  });

  it('cancels the upload locally, sending no cancel, when the reconciliation finds nothing', async () => {
    const { t, platform, id } = await waitingAfterUnknown();
    await voidFiling(t, id);
    await t.time.advance(10);
    const [upload, cancel] = entries(t, id);
    expect(upload).toMatchObject({ status: 'cancelled', last_error: '备案已作废，核实平台未收到，不再上传' });
    expect(attemptOutcomes(t, upload!.id)).toEqual(['unknown', 'reconcile_absent', 'not_sent', 'reconcile_absent']);
    expect(cancel).toMatchObject({ kind: 'filing.cancel', status: 'cancelled', last_error: '备案未上传到平台，无需撤销' });
    expect(filingRow(t, id)).toMatchObject({ status: 'voided', upload_state: 'cancelled', platform_serial: null });
    await t.time.advance(300_000);
    expect(platform.sendsFor('cancelReferral')).toBe(0);
    expect(platform.sendsFor('fileReferral')).toBe(2);
    expect(queries(platform)).toBe(2);
    expect(platform.active()).toHaveLength(0);
  });

  it('still withdraws silently, without a query, a pending upload whose attempts all provably did not get out', async () => {
    let platform!: FakePlatform;
    const t = await syncDesk((time) => (platform = new FakePlatform(time.clock)));
    desks.push(t);
    platform.script.push('not_sent');
    const id = await create(t, 1);
    await t.time.advance(10);
    expect(entries(t, id)).toMatchObject([{ status: 'pending', attempts_started: 1 }]);
    await voidFiling(t, id);
    expect(entries(t, id)).toMatchObject([{ kind: 'filing.create', status: 'cancelled', last_error: '备案已作废，未上传到平台' }]);
    expect(filingRow(t, id)).toMatchObject({ status: 'voided', upload_state: 'cancelled' });
    await t.time.advance(300_000);
    expect(queries(platform)).toBe(0);
    expect(platform.sendsFor('fileReferral')).toBe(1);
    expect(platform.sendsFor('cancelReferral')).toBe(0);
  });
});
