import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { nameInitials } from '../../shared/domain/pinyin';
import { businessDate } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { nextDailyValue } from '../../db/repositories/counters';
import type { FilingRequest } from '../../shared/domain/filing-request';
import { checkChangeAllowed, checkChangeOverride, type FilingDraft, type FilingEvaluation } from '../../shared/domain/policy';
import { getFiling, insertFiling, listFilings, updateFilingRow } from '../../db/repositories/filings';
import { findOperatorById } from '../../db/repositories/operators';
import { enqueue, entriesFor } from '../../db/repositories/outbox';
import { markFilingVoided } from '../../db/repositories/syncFilings';
import { withdrawOrCancelUpload } from '../sync/intents';
import { FILING_CREATE } from '../sync/kinds';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { currentProfile, evaluateDraft, overlapsOf } from './policy';
import { publishQueueStats } from './queue';

/** Outbox kinds for filings: the intent, not the wire transaction (main/platform maps them). */
export { FILING_CREATE };

/** Desk-local number shown and printed before the platform's serial exists: 20261123-0001. */
function nextLocalNo(ctx: ServiceContext, at: Date): string {
  const day = businessDate(at);
  const n = nextDailyValue(ctx.db, 'filing.local_no', day);
  return `${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

/**
 * Saves a filing of any type: the institution's policy profile is applied first (evaluateFiling and
 * the person's overlaps, inside the transaction); an error refuses the filing and nothing is written.
 * Otherwise the filing row, its audit row and — unless the profile requires 复核 — its outbox row
 * are written in one transaction, so a filing the operator was told is saved is also queued for
 * upload (architecture §5). Under review it is queued when a reviewer approves it (review.ts).
 */
export function create(ctx: ServiceContext, req: ParsedRequestOf<'filing.create'>, session: Session): ResponseOf<'filing.create'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const filing = inTransaction(ctx, () => {
    const { evaluation, outstanding, overlaps } = checkAgainstPolicy(ctx, req);
    const reviewRequired = evaluation.policy.reviewRequired;
    const created = insertFiling(ctx.db, {
      id: ctx.newId(),
      localNo: nextLocalNo(ctx, now),
      ...filingColumns(req, evaluation),
      status: 'active',
      uploadState: 'pending',
      platformSerial: null,
      reviewStatus: reviewRequired ? 'pending_review' : 'none',
      reviewNote: null,
      createdBy: session.operatorId,
      createdAt: at,
      updatedAt: at,
    });
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'filing.create',
      entityType: 'filing',
      entityId: created.id,
      after: { ...created, profileId: evaluation.policy.profileId, outstanding, overlaps },
    });
    if (!reviewRequired) enqueueUpload(ctx, created.id, at);
    return created;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  publishQueueStats(ctx);
  return filing;
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
 * Overlaps with the person's active filings are recorded, not refused: filing.evaluate shows them
 * to the operator as errors before saving (see docs/filings.md for why the save does not refuse them).
 */
export function checkAgainstPolicy(
  ctx: ServiceContext,
  req: FilingRequest,
  excludeId?: string,
): { evaluation: FilingEvaluation; outstanding: string[]; overlaps: string[] } {
  const draft = draftOf(req);
  const evaluation = evaluateDraft(ctx, draft);
  const profile = currentProfile(ctx.db);
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
  const overlaps = overlapsOf(ctx, draft, evaluation, excludeId).map((o) => o.message);
  return { evaluation, outstanding: evaluation.errors.filter((e) => isOutstanding(e.field)).map((e) => e.message), overlaps };
}

function isBlankValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object') return Object.values(v).every(isBlankValue);
  return false;
}

/**
 * Edits a filing before it is uploaded (issue 5). Allowed while its upload has not started: held for
 * 复核, returned, or its create entry pending (or refused locally/by the platform, to be fixed and
 * retried). The queue reads the filing when it sends (payload {filingId}), so the edit is what is
 * sent. Within the profile's change lock an override is needed: a reason and a second person with
 * the reviewer or admin role. Audited with before and after in the same transaction.
 */
export function update(ctx: ServiceContext, req: ParsedRequestOf<'filing.update'>, session: Session): ResponseOf<'filing.update'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const filing = inTransaction(ctx, () => {
    const before = getFiling(ctx.db, req.id);
    if (!before) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
    if (before.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废，不能再修改');
    if (req.filing.type !== before.type) throw new DeskError('BUSINESS_RULE', '备案类型不能修改；如类型有误，请作废后重新备案');
    const upload = entriesFor(ctx.db, req.id).find((e) => e.kind === FILING_CREATE);
    if (upload && upload.status !== 'pending' && upload.status !== 'rejected') {
      if (upload.status === 'done' || upload.status === 'cancelled') throw new DeskError('BUSINESS_RULE', '已上传的备案需先撤销（作废）后重新备案');
      throw new DeskError('BUSINESS_RULE', '该备案正在上传或上传结果待核实，暂不能修改；请待上传结果确定后再处理');
    }
    const profile = currentProfile(ctx.db);
    const lock = checkChangeAllowed(before, { profile, today: businessDate(now), action: 'edit' });
    let override: { reason: string; reviewerId: string; reviewer: string } | null = null;
    if (!lock.allowed) {
      if (lock.reason === 'voided') throw new DeskError('CONFLICT', lock.message);
      if (!req.override) throw new DeskError('BUSINESS_RULE', lock.message);
      const reviewer = findOperatorById(ctx.db, req.override.reviewerId);
      if (!reviewer || !reviewer.active || (reviewer.role !== 'reviewer' && reviewer.role !== 'admin')) {
        throw new DeskError('BUSINESS_RULE', '复核人须是在用的复核员或管理员账号', { 'override.reviewerId': '复核人须是在用的复核员或管理员账号' });
      }
      const problems = checkChangeOverride({ reason: req.override.reason, reviewer: reviewer.username }, { operator: session.username, source: lock.override.source });
      if (problems.length > 0) {
        throw new DeskError('BUSINESS_RULE', problems.map((p) => p.message).join('；'), Object.fromEntries(problems.map((p) => [`override.${p.field ?? 'reason'}`, p.message])));
      }
      override = { reason: req.override.reason ?? '', reviewerId: reviewer.id, reviewer: reviewer.username };
    }
    const { evaluation, outstanding, overlaps } = checkAgainstPolicy(ctx, req.filing, req.id);
    // A returned filing goes back to the reviewer once fixed; an approved or unreviewed one keeps its state.
    const reviewStatus = before.reviewStatus === 'returned' ? 'pending_review' : before.reviewStatus;
    updateFilingRow(ctx.db, req.id, { ...filingColumns(req.filing, evaluation), ...(reviewStatus ? { reviewStatus } : {}) }, at);
    const after = getFiling(ctx.db, req.id)!;
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'filing.update',
      entityType: 'filing',
      entityId: req.id,
      before,
      after: { ...after, outstanding, overlaps, ...(override ? { override } : {}) },
    });
    return after;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  return filing;
}

export function get(ctx: ServiceContext, req: ParsedRequestOf<'filing.get'>): ResponseOf<'filing.get'> {
  const filing = getFiling(ctx.db, req.id);
  if (!filing) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
  return filing;
}

export function list(ctx: ServiceContext, req: ParsedRequestOf<'filing.list'>): ResponseOf<'filing.list'> {
  return listFilings(ctx.db, req);
}

/**
 * Voids a filing (作废, seed 000). Its upload is withdrawn if it never reached the platform, or a
 * cancel (2502) is queued behind it if it did or may have (main/sync/intents.ts).
 */
export function voidFiling(ctx: ServiceContext, req: ParsedRequestOf<'filing.void'>, session: Session): ResponseOf<'filing.void'> {
  const at = ctx.clock().toISOString();
  const filing = inTransaction(ctx, () => {
    const before = getFiling(ctx.db, req.id);
    if (!before) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
    if (before.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废');
    markFilingVoided(ctx.db, req.id, at);
    const upload = withdrawOrCancelUpload(ctx.db, req.id, req.reason, at, ctx.newId, session.operatorId);
    const after = getFiling(ctx.db, req.id)!;
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'filing.void', entityType: 'filing', entityId: req.id, before, after: { ...after, reason: req.reason, upload } });
    return after;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  publishQueueStats(ctx);
  return filing;
}
