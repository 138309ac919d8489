// Back-entry (补录) of filings issued on paper during downtime (seed 001 二(二)4). The filing goes
// through the same create path as the desk's form (filings.createMany: policy checks as of the paper's
// date, audit, outbox) with origin 'back_entry', the paper number and the original date. Its upload is
// then put in line by paper: all waiting back-entries are ordered by original date and paper number
// ahead of filings typed at the desk after them, so the queue replays them in the order they were issued.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { compareBackEntries } from '../../shared/domain/cutover';
import { businessDate } from '../../shared/domain/time';
import { activeBackEntry, listBackEntries, pendingBackEntryUploads } from '../../db/repositories/cutover';
import { updateEntry } from '../../db/repositories/outbox';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { FILING_CREATE } from '../sync/kinds';
import { inTransaction, type ServiceContext } from './context';
import { createMany } from './filings';
import { publishQueueStats } from './queue';

/** The instant a paper day starts (00:00 CST), plus `rank` ms: a due time that sorts by paper order. */
function paperDueAt(originalDate: string, rank: number): string {
  return new Date(new Date(`${originalDate}T00:00:00+08:00`).getTime() + rank).toISOString();
}

/**
 * Orders the waiting back-entry uploads by paper (date, then number). The queue takes due entries by
 * due time, then sequence (db/repositories/outbox.ts dueHeads), so a due time on the paper's day puts
 * them in paper order and ahead of later desk filings. Entries waiting out a backoff keep their time.
 */
export function resequenceBackEntries(ctx: ServiceContext): number {
  const at = ctx.clock().toISOString();
  const waiting = pendingBackEntryUploads(ctx.db, FILING_CREATE)
    .filter((e) => e.nextAttemptAt <= at && e.originalDate !== '')
    .map((e) => ({ ...e, paperNo: e.paperNo ?? '' }))
    .sort(compareBackEntries);
  waiting.forEach((e, rank) => {
    const due = paperDueAt(e.originalDate, rank);
    if (due !== e.nextAttemptAt) updateEntry(ctx.db, e.entryId, { nextAttemptAt: due }, at);
  });
  return waiting.length;
}

export function create(ctx: ServiceContext, req: ParsedRequestOf<'cutover.backEntry.create'>, session: Session): ResponseOf<'cutover.backEntry.create'> {
  const today = businessDate(ctx.clock());
  if (req.originalDate > today) {
    throw new DeskError('INVALID_REQUEST', `原备案日期（${req.originalDate}）晚于今天，请按纸质备案表上的日期填写`, { originalDate: '原备案日期不能晚于今天' });
  }
  const filing = inTransaction(ctx, () => {
    const existing = activeBackEntry(ctx.db, req.paperNo);
    if (existing) {
      throw new DeskError('CONFLICT', `纸质备案表 ${req.paperNo} 已补录（本地编号 ${existing.localNo}），请勿重复录入`, { paperNo: '该纸质备案表已补录' });
    }
    const [outcome] = createMany(ctx, [{ request: req.filing, origin: 'back_entry', originRef: req.paperNo, originalFilingDate: req.originalDate }], session);
    if (!outcome) throw new Error('createMany returned no outcome');
    if (!outcome.ok) {
      // Field names of the filing are nested under `filing.` in this request.
      const fields = outcome.fields
        ? Object.fromEntries(Object.entries(outcome.fields).map(([k, v]) => [k === 'originalFilingDate' ? 'originalDate' : k === 'originRef' ? 'paperNo' : `filing.${k}`, v]))
        : undefined;
      throw new DeskError(outcome.code, outcome.message, fields);
    }
    resequenceBackEntries(ctx);
    return outcome.filing;
  });
  publishQueueStats(ctx);
  return { filing, paperNo: req.paperNo, originalDate: req.originalDate };
}

export function list(ctx: ServiceContext): ResponseOf<'cutover.backEntry.list'> {
  return listBackEntries(ctx.db, 500).map((r) => ({
    ...r,
    type: r.type as ResponseOf<'cutover.backEntry.list'>[number]['type'],
    uploadState: r.uploadState as ResponseOf<'cutover.backEntry.list'>[number]['uploadState'],
    paperNo: r.paperNo ?? '',
  }));
}
