// The queue's state changes in SQLite. Each function runs inside the caller's transaction and keeps
// the outbox entry, the filing's upload state, the attempt log and the audit trail in step
// (architecture §4, §5). The engine (engine.ts) decides when; this file decides what is written.
import type { InstitutionDto } from '../../shared/contract';
import type { UploadState } from '../../shared/domain/filing';
import { appendAudit } from '../../db/repositories/audit';
import { filingForUpload, filingUploadRow, writeUploadState } from '../../db/repositories/syncFilings';
import {
  beginAttempt,
  entriesFor,
  finishAttempt,
  firstSendAt,
  getEntry,
  inFlightEntries,
  logAttempt,
  updateEntry,
  type AttemptResult,
  type OutboxEntry,
} from '../../db/repositories/outbox';
import type { Exec } from '../../db/repositories/types';
import {
  getPlatformFiling,
  markPlatformCancelled,
  platformFilingsOfPerson,
  savePlatformFiling,
  type PlatformFiling,
} from '../../db/repositories/sync';
import type { FilingResult, OutOfAreaCancel, OutOfAreaUpload, PlatformOutcome, ReferralCancel, ReferralRecord, ReferralUpload, UploadRoute } from '../platform/types';
import type { FilingType } from '../../shared/domain/filing';
import { FILING_CANCEL, FILING_CREATE, filingIdOf } from './kinds';
import { defaultUploadRoute, filingUploadOf, outOfAreaCancelOf, referralCancelOf } from './mapping';
import type { KnownUploads, SentReferral, UploadSearch } from './reconcile';

/** Changes a filing's upload state (and serial) with an audit row; nothing when nothing changes. */
export function changeUploadState(
  db: Exec,
  filingId: string,
  next: UploadState,
  at: string,
  action: string,
  detail: Record<string, unknown>,
  operatorId: string | null = null,
  serial?: string | null,
): boolean {
  const filing = filingUploadRow(db, filingId);
  if (!filing) return false;
  const nextSerial = serial === undefined ? filing.platformSerial : serial;
  if (filing.uploadState === next && nextSerial === filing.platformSerial) return false;
  writeUploadState(db, filingId, next, at, serial);
  appendAudit(db, {
    at,
    operatorId,
    action,
    entityType: 'filing',
    entityId: filingId,
    before: { uploadState: filing.uploadState, platformSerial: filing.platformSerial },
    after: { uploadState: next, platformSerial: nextSerial, ...detail },
  });
  return true;
}

function isVoided(db: Exec, filingId: string): boolean {
  return filingUploadRow(db, filingId)?.status === 'voided';
}

// ---------------------------------------------------------------------------------------------
// A refusal after an unknown outcome (docs/queue.md "A refusal after an unknown outcome")
//
// An attempt whose outcome was unknown may still commit on the platform after the desk's
// reconciliation found nothing; the resend is then refused as a duplicate although the platform has
// the filing. So a business refusal of an entry that had an unknown outcome is not final: the entry
// goes back to uncertain for one more reconciliation, which decides. Two payload flags carry this.

/** Set when an attempt's outcome was unknown; cleared by a definitive answer (ok, final refusal). */
const AFTER_UNKNOWN = 'afterUnknown';
/** Set by a refusal that followed an unknown outcome: the reconciliation it waits for decides. */
const RECHECK = 'rejectionRecheck';

/** The platform's refusal, kept while the reconciliation that decides on it is pending. */
export interface RejectionRecheck {
  message: string;
  msgid: string | null;
  at: string;
}

export function rejectionRecheckOf(entry: OutboxEntry): RejectionRecheck | null {
  const r = entry.payload[RECHECK];
  return r && typeof r === 'object' && typeof (r as RejectionRecheck).message === 'string' ? (r as RejectionRecheck) : null;
}

function followsUnknown(entry: OutboxEntry): boolean {
  return entry.payload[AFTER_UNKNOWN] === true;
}

/** The payload without the given flags. */
function withoutFlags(payload: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const next = { ...payload };
  for (const key of keys) delete next[key];
  return next;
}

/**
 * Whether an upload entry that is not in flight may nonetheless be on the platform: an attempt's
 * outcome was unknown and no definitive answer has come since (the afterUnknown mark, or a refusal
 * awaiting its recheck), or an attempt was started and never finished. A reconciliation that found
 * nothing keeps the mark: the late original may still commit.
 */
export function mayHaveLanded(entry: OutboxEntry): boolean {
  return followsUnknown(entry) || rejectionRecheckOf(entry) !== null || entry.attemptsStarted > entry.attemptsFinished;
}

/**
 * A filing was voided while its upload waited (pending) after an unknown outcome. Withdrawing it
 * silently would leave a late original on the platform while the desk shows 已撤销, so the entry is
 * reconciled first (uncertain, due now). The cancel the void queues behind it decides on what the
 * reconciliation found: found -> the upload is done and the cancel is sent; not found -> the upload
 * is cancelled locally (applyCreateReconcile) and the cancel is settled without a request (claimForSend).
 */
export function recheckBeforeWithdrawal(db: Exec, entry: OutboxEntry, reason: string, at: string, operatorId: string): OutboxEntry {
  const filingId = filingIdOf(entry.payload);
  const message = '备案已作废。此前一次发送结果未知，平台可能已收到该备案，正在向平台核实：已收到则提交撤销，未收到则不再上传';
  changeUploadState(db, filingId, 'uncertain', at, 'upload.uncertain', { entryId: entry.id, reason, voided: true }, operatorId);
  return updateEntry(db, entry.id, { status: 'uncertain', lastError: message, nextAttemptAt: at }, at);
}

export function sentOf(entry: OutboxEntry): SentReferral | null {
  const sent = entry.payload.sent;
  return sent && typeof sent === 'object' ? (sent as SentReferral) : null;
}

// ---------------------------------------------------------------------------------------------
// Claiming

export type PlatformCall =
  | { transaction: 'create'; upload: ReferralUpload }
  | { transaction: 'cancel'; cancel: ReferralCancel }
  /** The other filing types, through the interface profile's out-of-area transactions (main/sync/mapping.ts). */
  | { transaction: 'create_out_of_area'; upload: OutOfAreaUpload }
  | { transaction: 'cancel_out_of_area'; cancel: OutOfAreaCancel };

export type Claim =
  /** Marked in flight and committed: the request may now leave. */
  | { kind: 'send'; entry: OutboxEntry; filingId: string; attemptId: number; call: PlatformCall }
  /** Decided locally without a request (missing field, nothing to cancel). */
  | { kind: 'settled'; entry: OutboxEntry; filingId: string }
  /** The entry is no longer pending (voided or resolved meanwhile). */
  | null;

/** Ends an entry without contacting the platform, logging why as an attempt. */
function settleLocally(
  db: Exec,
  entry: OutboxEntry,
  at: string,
  status: 'rejected' | 'cancelled' | 'done',
  message: string,
  filingState: UploadState,
): OutboxEntry {
  const settled = updateEntry(
    db,
    entry.id,
    { status, attemptsStarted: entry.attemptsStarted + 1, attemptsFinished: entry.attemptsFinished + 1, lastError: status === 'done' ? null : message },
    at,
  );
  logAttempt(db, entry.id, at, { finishedAt: at, msgid: null, durationMs: 0, outcome: `local_${status}`, message, excerpt: null });
  changeUploadState(db, filingIdOf(entry.payload), filingState, at, `upload.${status}`, { entryId: entry.id, message });
  return settled;
}

/**
 * Re-reads the entry and its filing and, if it is still pending, marks it in flight (attempts
 * started + 1, what is about to be sent kept for reconciliation) and opens its attempt row.
 * The caller commits before anything is sent.
 */
export function claimForSend(
  db: Exec,
  entryId: string,
  at: string,
  institution: InstitutionDto,
  routeOf: (type: FilingType) => UploadRoute | null = defaultUploadRoute,
): Claim {
  const entry = getEntry(db, entryId);
  if (!entry || entry.status !== 'pending') return null;
  const filingId = filingIdOf(entry.payload);
  if (entry.kind === FILING_CREATE) {
    const filing = filingForUpload(db, filingId);
    if (!filing) return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', '备案记录不存在，无法上传', 'rejected'), filingId };
    if (filing.status === 'voided') {
      return { kind: 'settled', entry: settleLocally(db, entry, at, 'cancelled', '备案已作废，未上传到平台', 'cancelled'), filingId };
    }
    const mapped = filingUploadOf(filing, institution, routeOf(filing.type));
    if (!mapped.ok && 'notRequired' in mapped) {
      // The profile has no institution-side transaction for this type: kept at the desk, visibly.
      return { kind: 'settled', entry: settleLocally(db, entry, at, 'cancelled', mapped.message, 'not_required'), filingId };
    }
    if (!mapped.ok) return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', mapped.message, 'rejected'), filingId };
    const plan = mapped.value;
    const payload = { ...withoutFlags(entry.payload, RECHECK), sent: plan.sent };
    const claimed = updateEntry(db, entry.id, { status: 'in_flight', attemptsStarted: entry.attemptsStarted + 1, payload }, at);
    const attemptId = beginAttempt(db, entry.id, at);
    writeUploadState(db, filingId, 'uploading', at);
    const call: PlatformCall =
      plan.transaction === 'referral' ? { transaction: 'create', upload: plan.upload } : { transaction: 'create_out_of_area', upload: plan.upload };
    return { kind: 'send', entry: claimed, filingId, attemptId, call };
  }
  if (entry.kind === FILING_CANCEL) {
    const pf = getPlatformFiling(db, filingId);
    if (!pf) return { kind: 'settled', entry: settleLocally(db, entry, at, 'cancelled', '备案未上传到平台，无需撤销', 'cancelled'), filingId };
    if (pf.cancelledAt) return { kind: 'settled', entry: settleLocally(db, entry, at, 'done', '平台上已撤销', 'cancelled'), filingId };
    if (!pf.serial) {
      const message = '该备案已上传但平台流水号待补，无法撤销：请在医保平台查到流水号，由复核员在上传队列中补录后再重试撤销';
      return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', message, 'rejected'), filingId };
    }
    const reason = typeof entry.payload.reason === 'string' && entry.payload.reason ? entry.payload.reason : '备案作废';
    const claimed = updateEntry(
      db,
      entry.id,
      { status: 'in_flight', attemptsStarted: entry.attemptsStarted + 1, ...(rejectionRecheckOf(entry) ? { payload: withoutFlags(entry.payload, RECHECK) } : {}) },
      at,
    );
    const attemptId = beginAttempt(db, entry.id, at);
    const identity = { personNo: pf.personNo, insuredRegion: pf.insuredRegion };
    const create = entriesFor(db, filingId).find((e) => e.kind === FILING_CREATE);
    const call: PlatformCall =
      create && sentOf(create)?.route === 'out_of_area'
        ? { transaction: 'cancel_out_of_area', cancel: outOfAreaCancelOf(pf.serial, identity, reason) }
        : { transaction: 'cancel', cancel: referralCancelOf(pf.serial, identity, reason) };
    return { kind: 'send', entry: claimed, filingId, attemptId, call };
  }
  return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', `未知的上传类型：${entry.kind}`, 'rejected'), filingId };
}

// ---------------------------------------------------------------------------------------------
// Settling a send

export interface SettleInput {
  entry: OutboxEntry;
  filingId: string;
  attemptId: number;
  outcome: PlatformOutcome<unknown>;
  excerpt: string | null;
  /** The backoff for a not_sent outcome, already jittered by the engine. */
  retryDelayMs: number;
}

function attemptResult(outcome: PlatformOutcome<unknown>, at: string, excerpt: string | null): AttemptResult {
  return { finishedAt: at, msgid: outcome.msgid, durationMs: Math.round(outcome.durationMs), outcome: outcome.outcome, message: outcome.message, excerpt };
}

/** Settles one send in the caller's transaction. Returns the entry as settled. */
export function settleSend(db: Exec, input: SettleInput, now: Date): OutboxEntry {
  const at = now.toISOString();
  const { entry, outcome, filingId } = input;
  finishAttempt(db, input.attemptId, attemptResult(outcome, at, input.excerpt));
  const finished = entry.attemptsFinished + 1;
  const detail = { entryId: entry.id, msgid: outcome.msgid, outcome: outcome.outcome, message: outcome.message };
  const isCreate = entry.kind === FILING_CREATE;

  switch (outcome.outcome) {
    case 'ok': {
      if (isCreate) {
        const serial = (outcome.value as FilingResult | undefined)?.serial ?? null;
        const sent = sentOf(entry);
        if (sent) {
          savePlatformFiling(
            db,
            { filingId, serial, personNo: sent.personNo, insuredRegion: sent.insuredRegion, source: 'response', record: null, uploadedAt: at },
            at,
          );
        }
        changeUploadState(db, filingId, 'uploaded', at, 'upload.done', detail, null, serial);
        return updateEntry(db, entry.id, { status: 'done', attemptsFinished: finished, lastError: null, platformRef: serial, ...definitive(entry) }, at);
      }
      markPlatformCancelled(db, filingId, at);
      changeUploadState(db, filingId, 'cancelled', at, 'upload.cancel_done', detail);
      return updateEntry(db, entry.id, { status: 'done', attemptsFinished: finished, lastError: null, ...definitive(entry) }, at);
    }
    case 'rejected': {
      // Refused after an earlier unknown outcome: the platform may be refusing a duplicate of that
      // attempt, committed late. One more reconciliation decides (applyCreateReconcile /
      // applyCancelReconcile); checked before the voided case, as the late original may be there.
      if (followsUnknown(entry)) {
        const recheck: RejectionRecheck = { message: outcome.message, msgid: outcome.msgid, at };
        const message = `平台退回：${outcome.message}。此前一次发送结果未知，平台可能已收到该${isCreate ? '备案' : '撤销'}，正在向平台核实`;
        changeUploadState(db, filingId, 'uncertain', at, 'upload.uncertain', { ...detail, recheck: true });
        return updateEntry(
          db,
          entry.id,
          { status: 'uncertain', attemptsFinished: finished, lastError: message, nextAttemptAt: at, payload: { ...withoutFlags(entry.payload, AFTER_UNKNOWN), [RECHECK]: recheck } },
          at,
        );
      }
      // A create refused for a filing voided meanwhile never landed: nothing remains to cancel.
      if (isCreate && isVoided(db, filingId)) {
        changeUploadState(db, filingId, 'cancelled', at, 'upload.cancelled', detail);
        return updateEntry(db, entry.id, { status: 'cancelled', attemptsFinished: finished, lastError: outcome.message }, at);
      }
      changeUploadState(db, filingId, 'rejected', at, 'upload.rejected', detail);
      return updateEntry(db, entry.id, { status: 'rejected', attemptsFinished: finished, lastError: outcome.message }, at);
    }
    case 'not_sent':
    case 'auth': {
      if (isCreate && isVoided(db, filingId)) {
        changeUploadState(db, filingId, 'cancelled', at, 'upload.cancelled', detail);
        return updateEntry(db, entry.id, { status: 'cancelled', attemptsFinished: finished, lastError: outcome.message }, at);
      }
      // auth: nothing was processed; the engine signs in again before anything else goes out.
      const delay = outcome.outcome === 'auth' ? 0 : input.retryDelayMs;
      if (isCreate) changeUploadState(db, filingId, 'pending', at, 'upload.retry', detail);
      else restoreCancelPending(db, filingId, at, detail);
      return updateEntry(
        db,
        entry.id,
        { status: 'pending', attemptsFinished: finished, lastError: outcome.message, nextAttemptAt: new Date(now.getTime() + delay).toISOString() },
        at,
      );
    }
    case 'unknown': {
      changeUploadState(db, filingId, 'uncertain', at, 'upload.uncertain', detail);
      return updateEntry(
        db,
        entry.id,
        { status: 'uncertain', attemptsFinished: finished, lastError: outcome.message, nextAttemptAt: at, payload: { ...entry.payload, [AFTER_UNKNOWN]: true } },
        at,
      );
    }
  }
}

/** A definitive answer ends the doubt an earlier unknown outcome left: the flags go. */
function definitive(entry: OutboxEntry): { payload?: Record<string, unknown> } {
  return followsUnknown(entry) || rejectionRecheckOf(entry) ? { payload: withoutFlags(entry.payload, AFTER_UNKNOWN, RECHECK) } : {};
}

/** A cancel that did not go out leaves the filing as the platform still has it: uploaded. */
function restoreCancelPending(db: Exec, filingId: string, at: string, detail: Record<string, unknown>): void {
  changeUploadState(db, filingId, 'uploaded', at, 'upload.cancel_retry', detail);
}

// ---------------------------------------------------------------------------------------------
// Crash recovery

/**
 * Start-up: entries a crash left in flight may or may not have been sent (attempts started >
 * attempts finished). They become uncertain and are reconciled before anything is sent again.
 */
export function recoverInFlight(db: Exec, at: string): OutboxEntry[] {
  const recovered: OutboxEntry[] = [];
  for (const entry of inFlightEntries(db)) {
    const next = updateEntry(
      db,
      entry.id,
      { status: 'uncertain', nextAttemptAt: at, lastError: '上次发送时工作台意外退出，结果未知，正在向平台核实', payload: { ...entry.payload, [AFTER_UNKNOWN]: true } },
      at,
    );
    changeUploadState(db, filingIdOf(entry.payload), 'uncertain', at, 'upload.recovered', { entryId: entry.id });
    recovered.push(next);
  }
  return recovered;
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

export interface ReconcileContext {
  filingId: string;
  /** What the create sent (for a cancel: what its create sent). */
  sent: SentReferral | null;
  /** Start of the search window (ISO): the first attempt of the filing's upload. */
  since: string | null;
  platformFiling: PlatformFiling | null;
  /** Other filings of the person on the platform with the same fingerprint. */
  others: PlatformFiling[];
}

function sameFingerprint(a: SentReferral | null, b: SentReferral | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.destinationInstitutionCode === b.destinationInstitutionCode &&
    a.referralDate === b.referralDate &&
    a.startDate === b.startDate &&
    (a.diagnosisCode ?? a.diagnosisName) === (b.diagnosisCode ?? b.diagnosisName)
  );
}

export function reconcileContext(db: Exec, entry: OutboxEntry): ReconcileContext {
  const filingId = filingIdOf(entry.payload);
  const create = entry.kind === FILING_CREATE ? entry : entriesFor(db, entry.orderKey).find((e) => e.kind === FILING_CREATE);
  const sent = create ? sentOf(create) : null;
  const others = sent
    ? platformFilingsOfPerson(db, sent.personNo).filter((pf) => {
        if (pf.filingId === filingId) return false;
        const otherCreate = entriesFor(db, pf.filingId).find((e) => e.kind === FILING_CREATE);
        return sameFingerprint(sent, otherCreate ? sentOf(otherCreate) : null);
      })
    : [];
  // The search starts at the upload's first attempt, for a cancel too: the query filters on when the
  // platform recorded the filing, so a window starting at the cancel would miss it and take a filing
  // still on the platform for a cancelled one.
  const since = firstSendAt(db, (create ?? entry).id);
  return { filingId, sent, since, platformFiling: getPlatformFiling(db, filingId) ?? null, others };
}

/** The person's other uploads that account for records in the window starting at `since`. */
export function knownUploads(ctx: ReconcileContext, since: string): KnownUploads {
  const active = ctx.others.filter((pf) => pf.cancelledAt === null);
  return {
    serials: new Set(active.flatMap((pf) => (pf.serial ? [pf.serial] : []))),
    withoutSerial: active.filter((pf) => pf.serial === null && pf.uploadedAt >= since).length,
  };
}

export interface QueryLog {
  startedAt: string;
  outcome: PlatformOutcome<unknown>;
}

function logQuery(db: Exec, entry: OutboxEntry, q: QueryLog, at: string, label: string, message: string): void {
  logAttempt(db, entry.id, q.startedAt, {
    finishedAt: at,
    msgid: q.outcome.msgid,
    durationMs: Math.round(q.outcome.durationMs),
    outcome: `reconcile_${label}`,
    message,
    excerpt: null,
  });
}

/** The query itself failed: the entry stays uncertain and is asked about again later. */
export function reconcileFailed(db: Exec, entry: OutboxEntry, q: QueryLog, now: Date, retryDelayMs: number): OutboxEntry {
  const at = now.toISOString();
  const message = `向平台核实失败：${q.outcome.message}`;
  logQuery(db, entry, q, at, q.outcome.outcome, message);
  return updateEntry(db, entry.id, { lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs).toISOString() }, at);
}

/** A create whose outcome was unknown: found on the platform -> done; not found -> send again. */
export function applyCreateReconcile(db: Exec, entry: OutboxEntry, rc: ReconcileContext, search: UploadSearch, q: QueryLog, now: Date): OutboxEntry {
  const at = now.toISOString();
  if (search.found) {
    const serial = search.serial;
    const message = serial ? `平台已有该备案（流水号 ${serial}）` : '平台已有该备案，流水号待补（平台查询未返回流水号）';
    logQuery(db, entry, q, at, 'found', message);
    if (rc.sent) {
      savePlatformFiling(
        db,
        {
          filingId: rc.filingId,
          serial,
          personNo: rc.sent.personNo,
          insuredRegion: rc.sent.insuredRegion,
          source: 'reconciled',
          record: recordJson(search.record),
          uploadedAt: at,
        },
        at,
      );
    }
    changeUploadState(db, rc.filingId, 'uploaded', at, 'upload.reconciled', { entryId: entry.id, found: true, message }, null, serial);
    return updateEntry(db, entry.id, { status: 'done', lastError: serial ? null : message, platformRef: serial, ...definitive(entry) }, at);
  }
  const recheck = rejectionRecheckOf(entry);
  if (recheck) return finalRefusal(db, entry, rc.filingId, recheck, q, at, '平台上没有该备案，退回成立');
  const message = '平台上没有该备案，将重新上传';
  logQuery(db, entry, q, at, 'absent', message);
  if (isVoided(db, rc.filingId)) {
    changeUploadState(db, rc.filingId, 'cancelled', at, 'upload.cancelled', { entryId: entry.id, found: false });
    return updateEntry(db, entry.id, { status: 'cancelled', lastError: '备案已作废，核实平台未收到，不再上传' }, at);
  }
  changeUploadState(db, rc.filingId, 'pending', at, 'upload.reconciled', { entryId: entry.id, found: false, message });
  return updateEntry(db, entry.id, { status: 'pending', lastError: message, nextAttemptAt: at }, at);
}

/** A cancel whose outcome was unknown: gone from the platform -> done; still there -> send again. */
export function applyCancelReconcile(db: Exec, entry: OutboxEntry, rc: ReconcileContext, present: boolean, q: QueryLog, now: Date): OutboxEntry {
  const at = now.toISOString();
  if (!present) {
    logQuery(db, entry, q, at, 'absent', '平台上已无该备案，撤销已生效');
    markPlatformCancelled(db, rc.filingId, at);
    changeUploadState(db, rc.filingId, 'cancelled', at, 'upload.reconciled', { entryId: entry.id, cancelled: true });
    return updateEntry(db, entry.id, { status: 'done', lastError: null, ...definitive(entry) }, at);
  }
  const recheck = rejectionRecheckOf(entry);
  if (recheck) return finalRefusal(db, entry, rc.filingId, recheck, q, at, '平台上仍有该备案，撤销退回成立');
  logQuery(db, entry, q, at, 'found', '平台上仍有该备案，将重新撤销');
  changeUploadState(db, rc.filingId, 'uploaded', at, 'upload.reconciled', { entryId: entry.id, cancelled: false });
  return updateEntry(db, entry.id, { status: 'pending', lastError: '平台上仍有该备案，将重新撤销', nextAttemptAt: at }, at);
}

/**
 * The reconciliation after a refusal found nothing to contradict it: the refusal stands, with the
 * platform's message, as a refusal without an earlier unknown outcome would have (settleSend).
 */
function finalRefusal(db: Exec, entry: OutboxEntry, filingId: string, recheck: RejectionRecheck, q: QueryLog, at: string, note: string): OutboxEntry {
  const isCreate = entry.kind === FILING_CREATE;
  logQuery(db, entry, q, at, isCreate ? 'absent' : 'found', `${note}：${recheck.message}`);
  const detail = { entryId: entry.id, msgid: recheck.msgid, outcome: 'rejected', message: recheck.message, recheck: true };
  const payload = withoutFlags(entry.payload, AFTER_UNKNOWN, RECHECK);
  if (isCreate && isVoided(db, filingId)) {
    changeUploadState(db, filingId, 'cancelled', at, 'upload.cancelled', detail);
    return updateEntry(db, entry.id, { status: 'cancelled', lastError: recheck.message, payload }, at);
  }
  changeUploadState(db, filingId, 'rejected', at, 'upload.rejected', detail);
  return updateEntry(db, entry.id, { status: 'rejected', lastError: recheck.message, payload }, at);
}

function recordJson(record: ReferralRecord): Record<string, unknown> {
  return { ...record };
}
