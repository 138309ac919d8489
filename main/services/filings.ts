import { formatIssues, type ErrorCode, type ParsedRequestOf, type ResponseOf } from '../../shared/contract';
import { nameInitials } from '../../shared/domain/pinyin';
import { businessDate, isIsoDate } from '../../shared/domain/time';
import type { FilingDetail } from '../../shared/domain/filing';
import { appendAudit } from '../../db/repositories/audit';
import { filingRequest, type FilingRequest } from '../../shared/domain/filing-request';
import {
  checkChangeAllowed,
  checkChangeOverride,
  checkOverlap,
  evaluateFiling,
  type ChangeAction,
  type FilingDraft,
  type FilingEvaluation,
  type PolicyProfile,
} from '../../shared/domain/policy';
import {
  activeFilingsOfPerson,
  appendCreateAudit,
  enqueuePrepared,
  FILING_ORIGINS,
  getFiling,
  insertNewFiling,
  listFilings,
  nextDailyValuePrepared,
  updateFilingRow,
  type FilingOrigin,
} from '../../db/repositories/filings';
import { findOperatorById } from '../../db/repositories/operators';
import { enqueue, entriesFor, updateEntry, type OutboxEntry } from '../../db/repositories/outbox';
import { markFilingVoided } from '../../db/repositories/syncFilings';
import { requeueRejected, withdrawOrCancelUpload } from '../sync/intents';
import { FILING_CREATE } from '../sync/kinds';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { currentProfile, deskCalendar } from './policy';
import { publishQueueStats } from './queue';

/** Outbox kinds for filings: the intent, not the wire transaction (main/platform maps them). */
export { FILING_CREATE };

/** Desk-local number shown and printed before the platform's serial exists: 20261123-0001 (`day`: today in CST). */
function nextLocalNo(ctx: ServiceContext, day: string): string {
  const n = nextDailyValuePrepared(ctx.db, 'filing.local_no', day);
  return `${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Create (issue 5). Every create — one from the desk's form or many from the cut-over importer — goes
// through saveAll: one transaction, a SAVEPOINT per filing so one refused filing does not undo the
// others, and in each savepoint the policy engine, the overlap check, the filing row, its audit row
// and (unless it waits for 复核) its outbox row (architecture §5). synchronous=FULL stays (§4): the
// commit is flushed, and a caller hears "saved" only after it.

/** One filing for createMany: the request as filing.create takes it, and where it came from. */
export interface NewFilingInput {
  /** A filing.create request (parsed here with the same schema, so the importer gets field-level messages). */
  request: unknown;
  /** Default 'desk'. 'back_entry': a paper filing entered afterwards (补录); 'import': the old system's export. */
  origin?: FilingOrigin;
  /** The paper form's number or the old system's id (at most 64 characters). */
  originRef?: string | null;
  /** The original filing date (CST business date, YYYY-MM-DD, not after today). Default: today. */
  originalFilingDate?: string;
}

/** The outcome of one filing: saved, or refused with the same code and Chinese message filing.create gives. */
export type CreateOutcome =
  | { ok: true; filing: FilingDetail }
  | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };

interface CreateJob {
  req: FilingRequest;
  session: Session;
  origin: FilingOrigin;
  originRef: string | null;
  /** The original filing date; null: today. */
  filingDate: string | null;
}

/** What every filing of one transaction shares. */
interface BatchContext {
  at: string;
  today: string;
  profile: PolicyProfile;
}

function batchContext(ctx: ServiceContext): BatchContext {
  const now = ctx.clock();
  return { at: now.toISOString(), today: businessDate(now), profile: currentProfile(ctx.db) };
}

function saveOne(ctx: ServiceContext, job: CreateJob, batch: BatchContext): FilingDetail {
  const { req, session } = job;
  // An import is judged by the rules as of the day it was filed (deadlines, retroactive filing).
  const today = job.filingDate ?? batch.today;
  const { evaluation, outstanding } = checkAgainstPolicy(ctx, req, undefined, { profile: batch.profile, today });
  const reviewRequired = evaluation.policy.reviewRequired;
  const created = insertNewFiling(ctx.sqlite, {
    id: ctx.newId(),
    localNo: nextLocalNo(ctx, batch.today),
    ...filingColumns(req, evaluation),
    reviewStatus: reviewRequired ? 'pending_review' : 'none',
    createdBy: session.operatorId,
    createdAt: batch.at,
    origin: job.origin,
    originRef: job.originRef,
    filingDate: today,
  });
  appendCreateAudit(ctx.db, {
    at: batch.at,
    operatorId: session.operatorId,
    action: 'filing.create',
    entityType: 'filing',
    entityId: created.id,
    after: {
      ...created,
      profileId: evaluation.policy.profileId,
      outstanding,
      origin: job.origin,
      ...(job.originRef !== null ? { originRef: job.originRef } : {}),
      filingDate: today,
    },
  });
  if (!reviewRequired) enqueuePrepared(ctx.db, { id: ctx.newId(), kind: FILING_CREATE, orderKey: created.id, payload: { filingId: created.id } }, batch.at);
  return created;
}

/** Saves the jobs in one transaction, each in its own savepoint; returns one outcome per job, in order. */
function saveAll(ctx: ServiceContext, jobs: readonly CreateJob[]): CreateOutcome[] {
  const one = ctx.sqlite.transaction((job: CreateJob, batch: BatchContext) => saveOne(ctx, job, batch));
  const outcomes = inTransaction(ctx, () => {
    const batch = batchContext(ctx);
    return jobs.map((job): CreateOutcome => {
      try {
        return { ok: true, filing: one(job, batch) };
      } catch (error) {
        // The savepoint was rolled back; anything but a refusal that leaves no transaction fails the batch.
        if (!ctx.sqlite.inTransaction) throw error;
        if (error instanceof DeskError) return { ok: false, code: error.code, message: error.operatorMessage, ...(error.fields ? { fields: error.fields } : {}) };
        throw error;
      }
    });
  });
  announce(ctx, outcomes);
  return outcomes;
}

/**
 * filing.changed per saved filing and one queue.changed. The filings are committed by now: a failed
 * notification must not tell a caller its filing was not saved (nor escape a setImmediate and end
 * the process); the next queue.changed brings the counts up to date.
 */
function announce(ctx: ServiceContext, outcomes: readonly CreateOutcome[]): void {
  try {
    let saved = 0;
    for (const o of outcomes) {
      if (!o.ok) continue;
      saved += 1;
      ctx.events.emit('filing.changed', { id: o.filing.id });
    }
    if (saved > 0) publishQueueStats(ctx);
  } catch {
    // Nothing to undo; see above.
  }
}

interface WaitingCreate {
  job: CreateJob;
  resolve: (filing: FilingDetail) => void;
  reject: (error: unknown) => void;
}

/** Creates that arrived in the current turn of the event loop, per desk. */
const waitingCreates = new WeakMap<ServiceContext, WaitingCreate[]>();

/** Commit groups of the create path, for the benchmark (sizes of the last groups, newest last). */
export const createGroupSizes: number[] = [];

function flushCreates(ctx: ServiceContext): void {
  const waiting = waitingCreates.get(ctx) ?? [];
  waitingCreates.delete(ctx);
  if (waiting.length === 0) return;
  createGroupSizes.push(waiting.length);
  if (createGroupSizes.length > 100_000) createGroupSizes.splice(0, 50_000);
  let outcomes: CreateOutcome[];
  try {
    outcomes = saveAll(
      ctx,
      waiting.map((w) => w.job),
    );
  } catch (error) {
    for (const w of waiting) w.reject(error);
    return;
  }
  outcomes.forEach((o, i) => {
    const w = waiting[i]!;
    if (o.ok) w.resolve(o.filing);
    else w.reject(new DeskError(o.code, o.message, o.fields));
  });
}

/**
 * filing.create: saves a filing of any type with group commit. Creates that arrive in the same turn
 * of the event loop share one transaction (a savepoint each); each promise settles only after the
 * commit, so "saved" still means flushed to disk. Refusals (BUSINESS_RULE: the policy engine's errors,
 * an overlapping active filing of the person) write nothing for that filing only. Under 复核 the
 * filing is queued for upload when a reviewer approves it (review.ts).
 */
export function create(ctx: ServiceContext, req: ParsedRequestOf<'filing.create'>, session: Session): Promise<ResponseOf<'filing.create'>> {
  return new Promise((resolve, reject) => {
    let waiting = waitingCreates.get(ctx);
    if (!waiting) {
      waiting = [];
      waitingCreates.set(ctx, waiting);
      setImmediate(() => flushCreates(ctx));
    }
    waiting.push({ job: { req, session, origin: 'desk', originRef: null, filingDate: null }, resolve, reject });
  });
}

/**
 * Creates many filings in one call (the cut-over importer, back entry): one transaction, a savepoint
 * per filing, the same checks, rows, audit and outbox as filing.create, plus the origin, its reference
 * and the original filing date. Synchronous; returns one outcome per input, in order. Callers split
 * large files into calls of about 500–2 000 (one call holds the write lock for its duration).
 */
export function createMany(ctx: ServiceContext, inputs: readonly NewFilingInput[], session: Session): CreateOutcome[] {
  const today = businessDate(ctx.clock());
  const outcomes: (CreateOutcome | null)[] = [];
  const jobs: CreateJob[] = [];
  for (const input of inputs) {
    const problem = checkOrigin(input, today);
    const parsed = filingRequest.safeParse(input.request);
    if (problem) {
      outcomes.push(problem);
    } else if (!parsed.success) {
      const f = formatIssues(parsed.error);
      outcomes.push({ ok: false, code: f.code, message: f.message, ...(f.fields ? { fields: f.fields } : {}) });
    } else {
      outcomes.push(null);
      jobs.push({
        req: parsed.data,
        session,
        origin: input.origin ?? 'desk',
        originRef: input.originRef?.trim() || null,
        filingDate: input.originalFilingDate ?? null,
      });
    }
  }
  const saved = jobs.length > 0 ? saveAll(ctx, jobs) : [];
  let next = 0;
  return outcomes.map((o) => o ?? saved[next++]!);
}

function checkOrigin(input: NewFilingInput, today: string): CreateOutcome | null {
  const refuse = (field: string, message: string): CreateOutcome => ({ ok: false, code: 'INVALID_REQUEST', message, fields: { [field]: message } });
  if (input.origin !== undefined && !FILING_ORIGINS.includes(input.origin)) return refuse('origin', '备案来源不正确，应为窗口录入、补录或导入');
  if (input.originRef != null && input.originRef.length > 64) return refuse('originRef', '原始单号过长（最多64个字符），请核对');
  const date = input.originalFilingDate;
  if (date !== undefined) {
    if (!isIsoDate(date)) return refuse('originalFilingDate', '原备案日期不是有效日期，请按 年-月-日 填写（如 2026-01-31）');
    if (date > today) return refuse('originalFilingDate', `原备案日期（${date}）晚于今天，请核对`);
  }
  return null;
}

/** The upload intent. Every type is queued as FILING_CREATE; main/sync/mapping.ts refuses (locally, with a message) types it cannot upload yet. */
export function enqueueUpload(ctx: ServiceContext, filingId: string, at: string): void {
  enqueue(ctx.db, { id: ctx.newId(), kind: FILING_CREATE, orderKey: filingId, payload: { filingId } }, at);
}

/** The engine's view of a request (a draft with everything the request carries). */
function draftOf(req: FilingRequest): FilingDraft {
  return {
    type: req.type,
    insuranceType: req.insuranceType,
    certType: req.certType,
    certNo: req.certNo,
    personName: req.personName,
    startDate: req.startDate,
    ...(req.endDate !== undefined ? { endDate: req.endDate } : {}),
    details: req.details as Record<string, unknown>,
    ...(req.materials ? { materials: req.materials } : {}),
    filedByAgent: req.agent != null,
    agent: (req.agent ?? null) as Record<string, unknown> | null,
    ...(req.retroactive !== undefined ? { retroactive: req.retroactive } : {}),
    ...(req.channel ? { channel: req.channel } : {}),
  };
}

function filingColumns(req: FilingRequest, evaluation: FilingEvaluation) {
  const details: Record<string, unknown> = { ...(req.details as Record<string, unknown>) };
  if (req.materials) details.materials = req.materials;
  if (req.agent) details.agent = req.agent;
  if (req.retroactive) details.retroactive = true;
  return {
    type: req.type,
    insuranceType: req.insuranceType,
    certType: req.certType,
    certNo: req.certNo.toUpperCase(),
    personName: req.personName,
    nameInitials: nameInitials(req.personName),
    phone: req.details.phone,
    destinationRegion: req.details.destinationRegion,
    startDate: req.startDate,
    // The entered end date, else the profile's default (Hefei 异地转诊人员: empty until discharge, seed 000 3(3)).
    endDate: req.endDate ?? evaluation.defaults.endDate ?? null,
    details,
  };
}

/**
 * Runs the engine and the overlap check. Errors refuse the filing (BUSINESS_RULE, every message at
 * once, field by field), except what the profile lists as still to hand in — its required detail
 * fields left empty and its materials checklist. The desk's forms do not collect those yet (the
 * referral form is the Hefei manual's), so they are kept as the filing's outstanding 一次性告知
 * items in the audit row; main/sync/mapping.ts refuses an upload that lacks a platform field.
 * An active filing of the same person and class whose dates overlap refuses the filing too, with the
 * existing filing's local number, type and dates and the fix (作废 or 修改 it first).
 */
export function checkAgainstPolicy(
  ctx: ServiceContext,
  req: FilingRequest,
  excludeId?: string,
  as?: { profile: PolicyProfile; today: string },
): { evaluation: FilingEvaluation; outstanding: string[] } {
  const draft = draftOf(req);
  const profile = as?.profile ?? currentProfile(ctx.db);
  const evaluation = evaluateFiling(draft, { profile, today: as?.today ?? businessDate(ctx.clock()), calendar: deskCalendar() });
  const required = new Set((profile.types[req.type]?.requiredFields ?? []).map((f) => `details.${f.field}`));
  const details = req.details as Record<string, unknown>;
  const isOutstanding = (field: string | undefined): boolean =>
    field !== undefined &&
    (field.startsWith('materials.') || (required.has(field) && isBlankValue(details[field.slice('details.'.length)])));
  const blocking = evaluation.errors.filter((e) => !isOutstanding(e.field));
  if (blocking.length > 0) {
    const fields: Record<string, string> = {};
    for (const e of blocking) if (e.field && !(e.field in fields)) fields[e.field] = e.message;
    throw new DeskError('BUSINESS_RULE', blocking.map((e) => e.message).join('；'), fields);
  }
  const overlaps = checkOverlap(activeFilingsOfPerson(ctx.sqlite, req.certNo), {
    ...(excludeId ? { id: excludeId } : {}),
    type: req.type,
    certNo: req.certNo,
    startDate: req.startDate,
    endDate: req.endDate ?? evaluation.defaults.endDate ?? null,
  });
  if (overlaps.length > 0) {
    const message = overlaps.map((o) => o.message).join('；');
    throw new DeskError('BUSINESS_RULE', message, { startDate: message });
  }
  return { evaluation, outstanding: evaluation.errors.filter((e) => isOutstanding(e.field)).map((e) => e.message) };
}

function isBlankValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object') return Object.values(v).every(isBlankValue);
  return false;
}

/**
 * Edits a filing before it is uploaded (issue 5). Allowed while its upload has not started: held for
 * 复核, returned, or its create entry pending; a filing kept at the desk as 无需上传 (not_required: the
 * profile has no institution-side transaction for its type) is edited in place, with no queue entry.
 * The queue reads the filing when it sends (payload {filingId}), so the edit is what is sent. An
 * upload refused (by the platform, or locally for a missing field) is put back in the queue in the
 * same transaction: the rejected entry becomes pending again, its attempt history kept
 * (requeueRejected), and the queue is woken — saving the fix is the resubmission. Within the
 * profile's change lock an override is needed: a reason and a second person with the reviewer or
 * admin role. Audited with before and after in the same transaction.
 */
export function update(ctx: ServiceContext, req: ParsedRequestOf<'filing.update'>, session: Session): ResponseOf<'filing.update'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const result = inTransaction(ctx, () => {
    const before = getFiling(ctx.db, req.id);
    if (!before) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
    if (before.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废，不能再修改');
    if (req.filing.type !== before.type) throw new DeskError('BUSINESS_RULE', '备案类型不能修改；如类型有误，请作废后重新备案');
    // The filing's upload is its latest create entry (the queue keeps one per filing today).
    const upload = entriesFor(ctx.db, req.id)
      .filter((e) => e.kind === FILING_CREATE)
      .at(-1);
    const localOnly = before.uploadState === 'not_required';
    if (upload && !localOnly && upload.status !== 'pending' && upload.status !== 'rejected') {
      if (upload.status === 'done') throw new DeskError('BUSINESS_RULE', '已上传的备案需先撤销（作废）后重新备案');
      if (upload.status === 'cancelled') throw new DeskError('BUSINESS_RULE', '该备案的上传已撤销，不能修改；如仍需备案，请新增备案');
      throw new DeskError('BUSINESS_RULE', '该备案正在上传或上传结果待核实，暂不能修改；请待上传结果确定后再处理');
    }
    const override = overrideOfLock(ctx, before, 'edit', req.override, session, now);
    const { evaluation, outstanding } = checkAgainstPolicy(ctx, req.filing, req.id);
    // A returned filing goes back to the reviewer once fixed; an approved or unreviewed one keeps its state.
    const reviewStatus = before.reviewStatus === 'returned' ? 'pending_review' : before.reviewStatus;
    updateFilingRow(ctx.db, req.id, { ...filingColumns(req.filing, evaluation), ...(reviewStatus ? { reviewStatus } : {}) }, at);
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'filing.update',
      entityType: 'filing',
      entityId: req.id,
      before,
      after: { ...getFiling(ctx.db, req.id)!, outstanding, ...(override ? { override } : {}), ...(upload?.status === 'rejected' ? { requeued: upload.id } : {}) },
    });
    if (upload?.status === 'rejected') resubmitRejected(ctx, upload, at, session);
    return { filing: getFiling(ctx.db, req.id)!, requeued: upload?.status === 'rejected' };
  });
  ctx.events.emit('filing.changed', { id: result.filing.id });
  // queue.changed wakes the upload engine (main/sync/engine.ts), which sends the entry now due.
  if (result.requeued) publishQueueStats(ctx);
  return result.filing;
}

/**
 * Puts a refused upload back in the queue after its filing was fixed: the same entry, pending and due
 * now, with a fresh payload (what the refused attempt sent is dropped; the next claim records what it
 * sends). Its attempts stay and an operator_requeued attempt row and an upload.requeued audit row say
 * who resubmitted it (main/sync/intents.ts requeueRejected, as queue.retryNow does).
 */
function resubmitRejected(ctx: ServiceContext, entry: OutboxEntry, at: string, session: Session): void {
  requeueRejected(ctx.db, entry, at, session.operatorId);
  const { sent: _sent, ...payload } = entry.payload;
  updateEntry(ctx.db, entry.id, { payload }, at);
}

/**
 * The profile's change/cancel lock (policy change-lock): inside it an edit or a void needs an override
 * — a reason and a second person with the reviewer or admin role, not the operator. Returns the
 * override to record in the audit row, or null when the filing is outside the lock.
 */
function overrideOfLock(
  ctx: ServiceContext,
  before: FilingDetail,
  action: ChangeAction,
  requested: { reason?: string | undefined; reviewerId: string } | undefined,
  session: Session,
  now: Date,
): { reason: string; reviewerId: string; reviewer: string } | null {
  const lock = checkChangeAllowed(before, { profile: currentProfile(ctx.db), today: businessDate(now), action });
  if (lock.allowed) return null;
  if (lock.reason === 'voided') throw new DeskError('CONFLICT', lock.message);
  if (!requested) throw new DeskError('BUSINESS_RULE', lock.message);
  const reviewer = findOperatorById(ctx.db, requested.reviewerId);
  if (!reviewer || !reviewer.active || (reviewer.role !== 'reviewer' && reviewer.role !== 'admin')) {
    throw new DeskError('BUSINESS_RULE', '复核人须是在用的复核员或管理员账号', { 'override.reviewerId': '复核人须是在用的复核员或管理员账号' });
  }
  const problems = checkChangeOverride({ reason: requested.reason, reviewer: reviewer.username }, { operator: session.username, source: lock.override.source });
  if (problems.length > 0) {
    throw new DeskError('BUSINESS_RULE', problems.map((p) => p.message).join('；'), Object.fromEntries(problems.map((p) => [`override.${p.field ?? 'reason'}`, p.message])));
  }
  return { reason: requested.reason ?? '', reviewerId: reviewer.id, reviewer: reviewer.username };
}

export function get(ctx: ServiceContext, req: ParsedRequestOf<'filing.get'>): ResponseOf<'filing.get'> {
  const filing = getFiling(ctx.db, req.id);
  if (!filing) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
  return filing;
}

/**
 * filing.list: the search box's query is classified (local number, ID number or serial, name, pinyin
 * initials) and runs as one indexed condition, with the filters (type, status, upload state, filing
 * date range in CST business dates, operator); newest first; the total is counted up to a cap.
 */
export function list(ctx: ServiceContext, req: ParsedRequestOf<'filing.list'>): ResponseOf<'filing.list'> {
  if (req.filedFrom && req.filedTo && req.filedFrom > req.filedTo) {
    const message = `备案日期（止）${req.filedTo}早于备案日期（起）${req.filedFrom}，请调整日期范围`;
    throw new DeskError('INVALID_REQUEST', message, { filedTo: message });
  }
  return listFilings(ctx.sqlite, req);
}

/**
 * Voids a filing (作废, seed 000). Inside the profile's change/cancel lock it needs an override, as an
 * edit does. Its upload is withdrawn if it never reached the platform, or a cancel (2502) is queued
 * behind it if it did or may have (main/sync/intents.ts).
 */
export function voidFiling(ctx: ServiceContext, req: ParsedRequestOf<'filing.void'>, session: Session): ResponseOf<'filing.void'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const filing = inTransaction(ctx, () => {
    const before = getFiling(ctx.db, req.id);
    if (!before) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
    if (before.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废');
    const override = overrideOfLock(ctx, before, 'void', req.override, session, now);
    markFilingVoided(ctx.db, req.id, at);
    const upload = withdrawOrCancelUpload(ctx.db, req.id, req.reason, at, ctx.newId, session.operatorId);
    const after = getFiling(ctx.db, req.id)!;
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'filing.void',
      entityType: 'filing',
      entityId: req.id,
      before,
      after: { ...after, reason: req.reason, upload, ...(override ? { override } : {}) },
    });
    return after;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  publishQueueStats(ctx);
  return filing;
}
