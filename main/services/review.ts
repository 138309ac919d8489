// 复核 (issue 5): where the institution's profile requires review (Sanming: 审核人员复核通过，即时办结),
// a new filing is held as pending_review and queued for upload only when a second person approves it.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { FilingDetail } from '../../shared/domain/filing';
import { appendAudit } from '../../db/repositories/audit';
import { getFiling, listByReviewStatus, setReview } from '../../db/repositories/filings';
import { filingOrigin } from '../../db/repositories/lookup';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { resequenceBackEntries } from './cutover-back-entry';
import { enqueueUpload } from './filings';
import { publishQueueStats } from './queue';

const LIST_LIMIT = 500;

export function list(ctx: ServiceContext, req: ParsedRequestOf<'review.list'>): ResponseOf<'review.list'> {
  return listByReviewStatus(ctx.db, req.status, LIST_LIMIT);
}

function pending(ctx: ServiceContext, id: string): FilingDetail {
  const filing = getFiling(ctx.db, id);
  if (!filing) throw new DeskError('NOT_FOUND', '未找到该备案记录，可能已被删除或编号有误');
  if (filing.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废，无需复核');
  if (filing.reviewStatus !== 'pending_review') throw new DeskError('CONFLICT', '该备案不在待复核状态');
  return filing;
}

/**
 * Approves: review_status approved and the upload queued, in one transaction. A back-entered paper
 * filing (补录) is then put back in paper order among the waiting back-entries, so the order the
 * reviewer approves them in does not decide the order they are uploaded in (docs/cutover.md).
 */
export function approve(ctx: ServiceContext, req: ParsedRequestOf<'review.approve'>, session: Session): ResponseOf<'review.approve'> {
  const at = ctx.clock().toISOString();
  const filing = inTransaction(ctx, () => {
    const before = pending(ctx, req.id);
    if (before.createdBy === session.operatorId) throw new DeskError('BUSINESS_RULE', '复核人不能是经办人本人，请由另一位工作人员复核');
    setReview(ctx.db, req.id, 'approved', null, at);
    enqueueUpload(ctx, req.id, at);
    if (filingOrigin(ctx.db, req.id) === 'back_entry') resequenceBackEntries(ctx);
    const after = getFiling(ctx.db, req.id)!;
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'review.approve', entityType: 'filing', entityId: req.id, before, after });
    return after;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  publishQueueStats(ctx);
  return filing;
}

/** Returns the filing to the operator with the reviewer's reason; nothing is queued. */
export function returnFiling(ctx: ServiceContext, req: ParsedRequestOf<'review.return'>, session: Session): ResponseOf<'review.return'> {
  const at = ctx.clock().toISOString();
  const filing = inTransaction(ctx, () => {
    const before = pending(ctx, req.id);
    if (before.createdBy === session.operatorId) throw new DeskError('BUSINESS_RULE', '复核人不能是经办人本人，请由另一位工作人员复核');
    setReview(ctx.db, req.id, 'returned', req.reason, at);
    const after = getFiling(ctx.db, req.id)!;
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'review.return', entityType: 'filing', entityId: req.id, before, after: { ...after, reason: req.reason } });
    return after;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  return filing;
}
