// A filing's timeline (issue 5, "filing detail with a timeline"): who did what, when, read from the
// audit log (created, reviewed, edited, printed, voided, the queue's operator actions) and the upload
// queue's attempt log (every send and check, with msgid and the platform's message). Read-only.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { TimelineChangeDto, TimelineEntryDto } from '../../shared/contract/areas/workflow';
import { QUEUE_STATUS_LABELS, UPLOAD_STATE_LABELS, type UploadState } from '../../shared/domain/filing';
import { attemptOutcomeWords } from '../../shared/domain/queue-labels';
import { auditFor, type AuditEntry } from '../../db/repositories/audit';
import { getFiling } from '../../db/repositories/filings';
import { listOperators } from '../../db/repositories/operators';
import { attemptsFor, entriesFor, type AttemptRecord, type OutboxEntry } from '../../db/repositories/outbox';
import { DeskError } from '../app/errors';
import { FILING_CANCEL, FILING_CREATE, OUTBOX_KIND_LABELS } from '../sync/kinds';
import type { ServiceContext } from './context';

/** The filing fields an edit may change: the person, the dates and every detail (flattened). */
const COMPARED_FIELDS = ['insuranceType', 'certType', 'certNo', 'personName', 'startDate', 'endDate'] as const;

const ENTRY_KIND_LABELS: Record<string, string> = OUTBOX_KIND_LABELS;

/** What an attempt's outcome means for the operator (shared/domain/queue-labels.ts; the queue's attempt log uses the short form). */
function attemptTitle(entryKind: string, outcome: string | null): string {
  // A cancel's success is the platform's 撤销成功, not an upload.
  if (entryKind === FILING_CANCEL && outcome === 'ok') return '撤销成功';
  return attemptOutcomeWords(outcome).title;
}

function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => textOf(v) ?? '').join('、') : null;
  return JSON.stringify(value);
}

/** Leaf paths of a details object: `details.destinationInstitution.code`; arrays stay one leaf. */
function flatten(value: unknown, path: string, into: Map<string, string | null>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${path}.${k}`, into);
    return;
  }
  into.set(path, textOf(value));
}

function comparable(filing: unknown): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!filing || typeof filing !== 'object') return out;
  const f = filing as Record<string, unknown>;
  for (const field of COMPARED_FIELDS) out.set(field, textOf(f[field]));
  flatten(f.details ?? {}, 'details', out);
  return out;
}

/** The fields whose values differ between an audit row's before and after, in a stable order. */
export function changedFields(before: unknown, after: unknown): TimelineChangeDto[] {
  const a = comparable(before);
  const b = comparable(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => (a.get(field) ?? null) !== (b.get(field) ?? null))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const PRINT_KIND_LABELS: Record<string, string> = { a4: '打印备案表', pdf: '导出备案表PDF', slip: '打印小票' };

type AuditShape = Omit<TimelineEntryDto, 'at' | 'actor' | 'action'> | null;

/** An audit row in the operator's words; null for rows the attempt log already tells (upload.*). */
function describeAudit(row: AuditEntry): AuditShape {
  const after = record(row.after);
  switch (row.action) {
    case 'filing.create': {
      const held = after.reviewStatus === 'pending_review';
      const outstanding = Array.isArray(after.outstanding) ? after.outstanding.length : 0;
      const backEntry = after.origin === 'back_entry';
      const notes = [
        backEntry && str(after.originRef) ? `纸质备案表 ${String(after.originRef)}` : null,
        held ? '待复核，复核通过后上传' : '已排队上传',
        outstanding ? `尚缺${outstanding}项（一次性告知）` : null,
      ].filter(Boolean);
      return { kind: 'created', title: backEntry ? '补录纸质备案' : '新建备案', detail: notes.join('；') };
    }
    case 'filing.import':
      return { kind: 'created', title: '从原系统导入', detail: str(after.oldId) ? `原系统编号 ${String(after.oldId)}` : null };
    case 'filing.restore':
      return { kind: 'other', title: '恢复备案', detail: str(after.reason) };
    case 'person.verified':
      return { kind: 'other', title: '参保人核验：与医保平台一致', detail: null };
    case 'person.mismatch':
      return { kind: 'other', title: '参保人核验：信息不一致', detail: '请在“参保人核验”中核对录入与平台信息' };
    case 'person.not_found':
      return { kind: 'other', title: '参保人核验：医保平台查无此人', detail: null };
    case 'filing.update': {
      const override = record(after.override);
      const notes = [
        str(override.reason) ? `提前变更：${String(override.reason)}（复核人 ${String(override.reviewer ?? '')}）` : null,
        record(row.before).reviewStatus === 'returned' && after.reviewStatus === 'pending_review' ? '复核退回后修改，重新提交复核' : null,
      ].filter(Boolean);
      return { kind: 'edited', title: '修改备案', detail: notes.length ? notes.join('；') : null, changes: changedFields(row.before, row.after) };
    }
    case 'review.approve':
      return { kind: 'review', title: '复核通过', detail: '已排队上传' };
    case 'review.return':
      return { kind: 'review', title: '复核退回', detail: str(after.reason) ?? str(after.reviewNote) };
    case 'filing.print': {
      const title = PRINT_KIND_LABELS[String(after.kind)] ?? '打印';
      return { kind: 'printed', title: after.reprint ? `${title}（补打）` : title, detail: str(after.serial) ? `平台流水号 ${String(after.serial)}` : `本地编号 ${String(after.localNo ?? '')}` };
    }
    case 'filing.void': {
      const upload = after.upload;
      const effect = upload === 'withdrawn' ? '上传已撤回，不会上传' : upload === 'cancel_queued' ? '已排队向平台提交备案撤销' : null;
      const override = record(after.override);
      const notes = [
        str(after.reason),
        effect,
        str(override.reason) ? `提前作废：${String(override.reason)}（复核人 ${String(override.reviewer ?? '')}）` : null,
      ].filter(Boolean);
      return { kind: 'voided', title: '作废备案', detail: notes.join('；') || null };
    }
    case 'upload.recovered':
      return { kind: 'upload', title: '上传中断（本机重启），待核实', detail: null };
    default:
      if (row.action.startsWith('upload.')) return null;
      return { kind: 'other', title: row.action, detail: null };
  }
}

/** The upload-state change an operator made at an attempt's moment (requeue, withdraw, resolve), for its actor. */
function operatorAt(audit: AuditEntry[], entryId: string, at: string): string | null {
  const row = audit.find((r) => r.action.startsWith('upload.') && r.at === at && record(r.after).entryId === entryId && r.operatorId !== null);
  return row?.operatorId ?? null;
}

function uploadStateNote(row: AuditEntry | undefined): string | null {
  const state = record(row?.after).uploadState;
  return typeof state === 'string' && state in UPLOAD_STATE_LABELS ? `上传状态：${UPLOAD_STATE_LABELS[state as UploadState]}` : null;
}

function attemptEntry(entry: OutboxEntry, attempt: AttemptRecord, audit: AuditEntry[], nameOf: (id: string | null) => string | null): TimelineEntryDto {
  const entryKind = ENTRY_KIND_LABELS[entry.kind] ?? entry.kind;
  const operatorId = attempt.outcome?.startsWith('operator_') || attempt.outcome === 'local_cancelled' ? operatorAt(audit, entry.id, attempt.startedAt) : null;
  const serial = attempt.outcome === 'ok' && entry.kind === FILING_CREATE && entry.platformRef ? `平台流水号 ${entry.platformRef}` : null;
  const stateRow = audit.find((r) => r.action.startsWith('upload.') && r.at === (attempt.finishedAt ?? attempt.startedAt) && record(r.after).entryId === entry.id);
  return {
    at: attempt.startedAt,
    kind: 'upload',
    action: `attempt.${attempt.outcome ?? 'in_flight'}`,
    title: `${entryKind}：${attemptTitle(entry.kind, attempt.outcome)}`,
    actor: nameOf(operatorId),
    detail: [attempt.message, serial, attempt.outcome === null ? null : uploadStateNote(stateRow)].filter(Boolean).join('；') || null,
    attempt: { entryId: entry.id, entryKind, msgid: attempt.msgid, outcome: attempt.outcome, durationMs: attempt.durationMs },
  };
}

/** Entries queued but never tried yet say so, so the timeline ends where the filing stands. */
function waitingEntry(entry: OutboxEntry): TimelineEntryDto | null {
  if (entry.attemptsStarted > 0 || entry.status !== 'pending') return null;
  const entryKind = ENTRY_KIND_LABELS[entry.kind] ?? entry.kind;
  return {
    at: entry.createdAt,
    kind: 'upload',
    action: 'queued',
    title: `${entryKind}：已排队（${QUEUE_STATUS_LABELS.pending}）`,
    actor: null,
    detail: null,
    attempt: { entryId: entry.id, entryKind, msgid: null, outcome: null, durationMs: null },
  };
}

export function timeline(ctx: ServiceContext, req: ParsedRequestOf<'filing.timeline'>): ResponseOf<'filing.timeline'> {
  const filing = getFiling(ctx.db, req.id);
  if (!filing) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
  const names = new Map(listOperators(ctx.db).map((o) => [o.id, o.displayName]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? id));

  const audit = auditFor(ctx.db, 'filing', filing.id);
  const items: { entry: TimelineEntryDto; order: number }[] = [];
  let order = 0;
  for (const row of audit) {
    const shape = describeAudit(row);
    if (shape) items.push({ entry: { at: row.at, action: row.action, actor: nameOf(row.operatorId), ...shape }, order: order++ });
  }
  for (const entry of entriesFor(ctx.db, filing.id)) {
    const waiting = waitingEntry(entry);
    if (waiting) items.push({ entry: waiting, order: order++ });
    for (const attempt of attemptsFor(ctx.db, entry.id)) items.push({ entry: attemptEntry(entry, attempt, audit, nameOf), order: order++ });
  }
  // Oldest first; at the same instant the audit row (the cause) comes before the attempt it led to.
  return items.sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.order - b.order)).map((i) => i.entry);
}

/** Active reviewers and administrators, for the lock override's 复核人 picker. */
export function reviewers(ctx: ServiceContext): ResponseOf<'workflow.reviewers'> {
  return listOperators(ctx.db)
    .filter((o) => o.active && (o.role === 'reviewer' || o.role === 'admin'))
    .map(({ id, displayName, username, role }) => ({ id, displayName, username, role }));
}
