// filing.update in the upload states that have their own path: an upload the platform (or the desk,
// for a missing field) refused is requeued by the edit itself, in the same transaction, with its
// attempt history kept; a filing kept at the desk as 无需上传 is edited in place with no queue entry.
// Also the origin fields (补录 / 导入) the summary and detail DTOs carry.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import { filingDetail, filingSummary } from '../../shared/domain/filing';
import { claimForSend, settleSend } from '../../main/sync/store';
import { createMany } from '../../main/services/filings';
import { personIdNumber, referral, SETUP, setUpDesk, type TestDesk } from '../helpers/desk';

// 10:00 in Shanghai on 2026-11-23.
const NOW = new Date('2026-11-23T02:00:00Z');
const INSTITUTION = { code: SETUP.institutionCode, name: SETUP.institutionName, regionCode: SETUP.regionCode };
const WRONG_DIAGNOSIS = 'X99.999';
const REFUSAL = `诊断代码[${WRONG_DIAGNOSIS}]不在医保疾病诊断目录中`;

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** A referral the platform mapping accepts (everything 2501 needs), with the diagnosis code given. */
function uploadable(diagnosisCode: string): RequestOf<'filing.create'> {
  const base = referral();
  return {
    ...base,
    details: {
      ...base.details,
      diagnosisCode,
      destinationInstitutionCode: 'H31010100001',
      destinationInstitutionName: '上海演练肿瘤医院',
      referralOpinion: '同意转诊',
      insuredRegion: '340199',
      personNo: '340100000000000001',
    },
  } as RequestOf<'filing.create'>;
}

async function create(desk: TestDesk, req: RequestOf<'filing.create'>) {
  const r = await desk.desk.dispatch('filing.create', req, desk.admin);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

interface EntryRow {
  id: string;
  kind: string;
  status: string;
  payload: string;
  last_error: string | null;
  next_attempt_at: string;
}

function entriesOf(desk: TestDesk, filingId: string): EntryRow[] {
  return desk.desk.db.sqlite.prepare('select id, kind, status, payload, last_error, next_attempt_at from outbox where order_key = ? order by seq').all(filingId) as EntryRow[];
}

function attemptsOf(desk: TestDesk, entryId: string): { outcome: string; message: string }[] {
  return desk.desk.db.sqlite.prepare('select outcome, message from outbox_attempts where entry_id = ? order by id').all(entryId) as { outcome: string; message: string }[];
}

function auditActions(desk: TestDesk, filingId: string): string[] {
  return (desk.desk.db.sqlite.prepare("select action from audit_events where entity_type = 'filing' and entity_id = ? order by id").all(filingId) as { action: string }[]).map(
    (r) => r.action,
  );
}

/** Sends the filing's pending upload through the queue's store and has the platform refuse it. */
function refuseUpload(desk: TestDesk, filingId: string): string {
  const [entry] = entriesOf(desk, filingId);
  const db = desk.desk.ctx.db;
  const claim = desk.desk.ctx.sqlite.transaction(() => claimForSend(db, entry!.id, NOW.toISOString(), INSTITUTION))();
  if (claim?.kind !== 'send') throw new Error(`expected a send, got ${claim?.kind ?? 'nothing'}`);
  desk.desk.ctx.sqlite.transaction(() =>
    settleSend(
      db,
      {
        entry: claim.entry,
        filingId,
        attemptId: claim.attemptId,
        outcome: { outcome: 'rejected', message: REFUSAL, msgid: 'H340101000012026112310000000001', infno: '2501', durationMs: 120 },
        excerpt: null,
        retryDelayMs: 0,
      },
      NOW,
    ),
  )();
  return entry!.id;
}

describe('filing.update of an upload the platform refused', () => {
  it('requeues the refused entry with the edit, in one transaction: pending, fresh payload, attempts kept, audited, queue woken', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const saved = await create(desk, uploadable(WRONG_DIAGNOSIS));
    const entryId = refuseUpload(desk, saved.id);
    expect(entriesOf(desk, saved.id)).toMatchObject([{ status: 'rejected', last_error: REFUSAL }]);
    expect(JSON.parse(entriesOf(desk, saved.id)[0]!.payload).sent).toBeDefined();
    expect(await desk.desk.dispatch('filing.get', { id: saved.id }, desk.admin)).toMatchObject({ ok: true, value: { uploadState: 'rejected' } });

    const queueEvents: unknown[] = [];
    const unsubscribe = desk.desk.events.subscribe((e) => {
      if (e.name === 'queue.changed') queueEvents.push(e.payload);
    });
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: uploadable('C34.900') }, desk.admin);
    unsubscribe();
    expect(r).toMatchObject({ ok: true, value: { uploadState: 'pending', details: { diagnosisCode: 'C34.900' } } });

    // The same entry, back in line and due now; nothing deleted, nothing added.
    const entries = entriesOf(desk, saved.id);
    expect(entries).toEqual([
      { id: entryId, kind: 'filing.create', status: 'pending', payload: JSON.stringify({ filingId: saved.id }), last_error: null, next_attempt_at: NOW.toISOString() },
    ]);
    expect(attemptsOf(desk, entryId)).toEqual([
      { outcome: 'rejected', message: REFUSAL },
      { outcome: 'operator_requeued', message: '经办人修改后重新提交' },
    ]);
    expect(auditActions(desk, saved.id)).toEqual(['filing.create', 'upload.rejected', 'filing.update', 'upload.requeued']);
    const update = desk.desk.db.sqlite.prepare("select after from audit_events where action = 'filing.update'").get() as { after: string };
    expect(JSON.parse(update.after)).toMatchObject({ requeued: entryId, details: { diagnosisCode: 'C34.900' } });
    // queue.changed is what wakes the upload engine (main/sync/engine.ts).
    expect(queueEvents).toEqual([expect.objectContaining({ pending: 1, rejected: 0 })]);

    // The next claim sends the edited filing.
    const db = desk.desk.ctx.db;
    const claim = desk.desk.ctx.sqlite.transaction(() => claimForSend(db, entryId, NOW.toISOString(), INSTITUTION))();
    expect(claim).toMatchObject({ kind: 'send', call: { transaction: 'create', upload: { diagnosisCode: 'C34.900' } } });
  });

  it('a refused edit leaves the refused entry, its attempts and the filing as they were', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const saved = await create(desk, uploadable(WRONG_DIAGNOSIS));
    const entryId = refuseUpload(desk, saved.id);
    const bad = { ...uploadable('C34.900'), endDate: '2026-11-01' };
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: bad }, desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    expect(entriesOf(desk, saved.id)).toMatchObject([{ id: entryId, status: 'rejected', last_error: REFUSAL }]);
    expect(attemptsOf(desk, entryId)).toHaveLength(1);
    expect(auditActions(desk, saved.id)).toEqual(['filing.create', 'upload.rejected']);
    expect(await desk.desk.dispatch('filing.get', { id: saved.id }, desk.admin)).toMatchObject({ ok: true, value: { uploadState: 'rejected', details: { diagnosisCode: WRONG_DIAGNOSIS } } });
  });

  it('requeues an upload the desk refused for a missing field the same way', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const saved = await create(desk, referral());
    const [entry] = entriesOf(desk, saved.id);
    const db = desk.desk.ctx.db;
    const claim = desk.desk.ctx.sqlite.transaction(() => claimForSend(db, entry!.id, NOW.toISOString(), INSTITUTION))();
    expect(claim).toMatchObject({ kind: 'settled', entry: { status: 'rejected' } });
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: uploadable('C34.900') }, desk.admin);
    expect(r).toMatchObject({ ok: true, value: { uploadState: 'pending' } });
    expect(entriesOf(desk, saved.id)).toMatchObject([{ id: entry!.id, status: 'pending', last_error: null }]);
    expect(attemptsOf(desk, entry!.id).map((a) => a.outcome)).toEqual(['local_rejected', 'operator_requeued']);
  });
});

describe('filing.update of a filing kept at the desk (无需上传)', () => {
  it('edits it in place, audited, with no queue entry added or changed', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const saved = await create(desk, uploadable('C34.900'));
    const [entry] = entriesOf(desk, saved.id);
    const db = desk.desk.ctx.db;
    // The interface profile has no institution-side transaction for the type (route null).
    const claim = desk.desk.ctx.sqlite.transaction(() => claimForSend(db, entry!.id, NOW.toISOString(), INSTITUTION, () => null))();
    expect(claim).toMatchObject({ kind: 'settled', entry: { status: 'cancelled' } });
    const queued = entriesOf(desk, saved.id);
    const attempts = attemptsOf(desk, entry!.id);

    const changed = uploadable('C34.900');
    changed.details = { ...changed.details, phone: '13900000000' } as typeof changed.details;
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: changed }, desk.admin);
    expect(r).toMatchObject({ ok: true, value: { uploadState: 'not_required', details: { phone: '13900000000' } } });
    expect(entriesOf(desk, saved.id)).toEqual(queued);
    expect(attemptsOf(desk, entry!.id)).toEqual(attempts);
    expect(auditActions(desk, saved.id).slice(-1)).toEqual(['filing.update']);
    const audit = desk.desk.db.sqlite.prepare("select before, after from audit_events where action = 'filing.update'").get() as { before: string; after: string };
    expect(JSON.parse(audit.before).details.phone).toBe('13800000000');
    expect(JSON.parse(audit.after)).toMatchObject({ uploadState: 'not_required', details: { phone: '13900000000' } });
    expect(JSON.parse(audit.after).requeued).toBeUndefined();
  });

  it('still refuses an uploaded filing with the void-and-refile message, and a withdrawn upload with its own', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const uploaded = await create(desk, uploadable('C34.900'));
    desk.desk.db.sqlite.prepare("update outbox set status = 'done' where order_key = ?").run(uploaded.id);
    desk.desk.db.sqlite.prepare("update filings set upload_state = 'uploaded' where id = ?").run(uploaded.id);
    expect(await desk.desk.dispatch('filing.update', { id: uploaded.id, filing: uploadable('C34.900') }, desk.admin)).toMatchObject({
      ok: false,
      code: 'BUSINESS_RULE',
      message: '已上传的备案需先撤销（作废）后重新备案',
    });
    const other = await create(desk, { ...uploadable('C34.900'), certNo: personIdNumber(7) } as RequestOf<'filing.create'>);
    desk.desk.db.sqlite.prepare("update outbox set status = 'cancelled' where order_key = ?").run(other.id);
    desk.desk.db.sqlite.prepare("update filings set upload_state = 'cancelled' where id = ?").run(other.id);
    const r = await desk.desk.dispatch('filing.update', { id: other.id, filing: { ...uploadable('C34.900'), certNo: personIdNumber(7) } }, desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!r.ok) expect(r.message).not.toContain('已上传');
  });
});

describe('origin in the filing DTOs', () => {
  it('carries 窗口录入 / 补录 / 导入 with the reference and the CST filing date in get and list', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const desk = t;
    const fromDesk = await create(desk, referral());
    const outcomes = createMany(
      desk.desk.ctx,
      [
        { request: referral({ certNo: personIdNumber(1) }), origin: 'back_entry', originRef: 'ZZ-0012', originalFilingDate: '2026-11-20' },
        { request: referral({ certNo: personIdNumber(2) }), origin: 'import', originRef: 'OLD-778', originalFilingDate: '2026-10-31' },
      ],
      desk.admin,
    );
    const [backEntry, imported] = outcomes.map((o) => {
      if (!o.ok) throw new Error(o.message);
      return o.filing;
    });
    expect(fromDesk).toMatchObject({ origin: 'desk', originRef: null, filingDate: '2026-11-23' });
    expect(filingDetail.parse(fromDesk)).toMatchObject({ origin: 'desk' });

    const got = await desk.desk.dispatch('filing.get', { id: backEntry!.id }, desk.admin);
    expect(got).toMatchObject({ ok: true, value: { origin: 'back_entry', originRef: 'ZZ-0012', filingDate: '2026-11-20' } });
    const list = await desk.desk.dispatch('filing.list', { page: 1, pageSize: 20 }, desk.admin);
    if (!list.ok) throw new Error(list.message);
    const byId = new Map(list.value.items.map((f) => [f.id, filingSummary.parse(f)]));
    expect(byId.get(imported!.id)).toMatchObject({ origin: 'import', originRef: 'OLD-778', filingDate: '2026-10-31' });
    expect(byId.get(backEntry!.id)).toMatchObject({ origin: 'back_entry', originRef: 'ZZ-0012', filingDate: '2026-11-20' });
    expect(byId.get(fromDesk.id)).toMatchObject({ origin: 'desk', originRef: null, filingDate: '2026-11-23' });
    // An edit keeps where the filing came from.
    const edited = await desk.desk.dispatch('filing.update', { id: backEntry!.id, filing: referral({ certNo: personIdNumber(1), personName: '李四' }) }, desk.admin);
    expect(edited).toMatchObject({ ok: true, value: { personName: '李四', origin: 'back_entry', originRef: 'ZZ-0012', filingDate: '2026-11-20' } });
  });
});
