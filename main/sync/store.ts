// The queue's state changes in SQLite. Each function runs inside the caller's transaction and keeps
// the outbox entry, the filing's upload state, the attempt log and the audit trail in step
// (architecture §4, §5). The engine (engine.ts) decides when; this file decides what is written.
import type { InstitutionDto } from '../../shared/contract';
import type { UploadState } from '../../shared/domain/filing';
import { appendAudit } from '../../db/repositories/audit';
import { getFiling, setUploadState } from '../../db/repositories/filings';
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
import type { FilingResult, PlatformOutcome, ReferralCancel, ReferralRecord, ReferralUpload } from '../platform/types';
import { FILING_CANCEL, FILING_CREATE, filingIdOf } from './kinds';
import { referralCancelOf, referralUploadOf } from './mapping';
import { sentReferralOf, type KnownUploads, type SentReferral, type UploadSearch } from './reconcile';

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
  const filing = getFiling(db, filingId);
  if (!filing) return false;
  const nextSerial = serial === undefined ? filing.platformSerial : serial;
  if (filing.uploadState === next && nextSerial === filing.platformSerial) return false;
  setUploadState(db, filingId, next, at, serial);
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
  return getFiling(db, filingId)?.status === 'voided';
}

export function sentOf(entry: OutboxEntry): SentReferral | null {
  const sent = entry.payload.sent;
  return sent && typeof sent === 'object' ? (sent as SentReferral) : null;
}

// ---------------------------------------------------------------------------------------------
// Claiming

export type PlatformCall = { transaction: 'create'; upload: ReferralUpload } | { transaction: 'cancel'; cancel: ReferralCancel };

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
export function claimForSend(db: Exec, entryId: string, at: string, institution: InstitutionDto): Claim {
  const entry = getEntry(db, entryId);
  if (!entry || entry.status !== 'pending') return null;
  const filingId = filingIdOf(entry.payload);
  if (entry.kind === FILING_CREATE) {
    const filing = getFiling(db, filingId);
    if (!filing) return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', '备案记录不存在，无法上传', 'rejected'), filingId };
    if (filing.status === 'voided') {
      return { kind: 'settled', entry: settleLocally(db, entry, at, 'cancelled', '备案已作废，未上传到平台', 'cancelled'), filingId };
    }
    const mapped = referralUploadOf(filing, institution);
    if (!mapped.ok) return { kind: 'settled', entry: settleLocally(db, entry, at, 'rejected', mapped.message, 'rejected'), filingId };
    const claimed = updateEntry(
      db,
      entry.id,
      { status: 'in_flight', attemptsStarted: entry.attemptsStarted + 1, payload: { ...entry.payload, sent: sentReferralOf(mapped.value) } },
      at,
    );
    const attemptId = beginAttempt(db, entry.id, at);
    setUploadState(db, filingId, 'uploading', at);
    return { kind: 'send', entry: claimed, filingId, attemptId, call: { transaction: 'create', upload: mapped.value } };
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
    const claimed = updateEntry(db, entry.id, { status: 'in_flight', attemptsStarted: entry.attemptsStarted + 1 }, at);
    const attemptId = beginAttempt(db, entry.id, at);
    const cancel = referralCancelOf(pf.serial, { personNo: pf.personNo, insuredRegion: pf.insuredRegion }, reason);
    return { kind: 'send', entry: claimed, filingId, attemptId, call: { transaction: 'cancel', cancel } };
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
        return updateEntry(db, entry.id, { status: 'done', attemptsFinished: finished, lastError: null, platformRef: serial }, at);
      }
      markPlatformCancelled(db, filingId, at);
      changeUploadState(db, filingId, 'cancelled', at, 'upload.cancel_done', detail);
      return updateEntry(db, entry.id, { status: 'done', attemptsFinished: finished, lastError: null }, at);
    }
    case 'rejected': {
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
      return updateEntry(db, entry.id, { status: 'uncertain', attemptsFinished: finished, lastError: outcome.message, nextAttemptAt: at }, at);
    }
  }
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
      { status: 'uncertain', nextAttemptAt: at, lastError: '上次发送时工作台意外退出，结果未知，正在向平台核实' },
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
    return updateEntry(db, entry.id, { status: 'done', lastError: serial ? null : message, platformRef: serial }, at);
  }
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
    return updateEntry(db, entry.id, { status: 'done', lastError: null }, at);
  }
  logQuery(db, entry, q, at, 'found', '平台上仍有该备案，将重新撤销');
  changeUploadState(db, rc.filingId, 'uploaded', at, 'upload.reconciled', { entryId: entry.id, cancelled: false });
  return updateEntry(db, entry.id, { status: 'pending', lastError: '平台上仍有该备案，将重新撤销', nextAttemptAt: at }, at);
}

function recordJson(record: ReferralRecord): Record<string, unknown> {
  return { ...record };
}
