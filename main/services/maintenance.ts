// Scheduled platform maintenance (seed 001: the 2021 Hefei cut-over). While a window is open the
// upload queue holds; filings are still saved and printed, marked 待上传.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { businessDateTime } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { cancelWindow, getWindow, insertWindow, listWindows } from '../../db/repositories/sync';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import type { SyncControl } from '../sync/engine';
import { windowDto } from '../sync/windows';
import { inTransaction, type ServiceContext } from './context';
import { publishQueueStats } from './queue';

export function list(ctx: ServiceContext): ResponseOf<'maintenance.list'> {
  const now = ctx.clock();
  return listWindows(ctx.db).map((w) => windowDto(w, now));
}

export function schedule(ctx: ServiceContext, sync: SyncControl | null, req: ParsedRequestOf<'maintenance.schedule'>, session: Session): ResponseOf<'maintenance.schedule'> {
  const now = ctx.clock();
  const at = now.toISOString();
  if (req.endsAt <= at) {
    throw new DeskError('INVALID_REQUEST', `结束时间（${businessDateTime(new Date(req.endsAt))}）已过，请重新填写`, { endsAt: '结束时间已过，请重新填写' });
  }
  const window = inTransaction(ctx, () => {
    const created = insertWindow(ctx.db, { id: ctx.newId(), startsAt: req.startsAt, endsAt: req.endsAt, note: req.note, createdBy: session.operatorId, createdAt: at });
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'maintenance.schedule', entityType: 'maintenance_window', entityId: created.id, after: created });
    return created;
  });
  sync?.wake();
  publishQueueStats(ctx);
  return windowDto(window, now);
}

export function cancel(ctx: ServiceContext, sync: SyncControl | null, req: ParsedRequestOf<'maintenance.cancel'>, session: Session): ResponseOf<'maintenance.cancel'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const window = inTransaction(ctx, () => {
    const found = getWindow(ctx.db, req.id);
    if (!found) throw new DeskError('NOT_FOUND', '未找到该维护时段');
    if (found.cancelledAt) throw new DeskError('CONFLICT', '该维护时段已取消');
    const cancelled = cancelWindow(ctx.db, req.id, at, session.operatorId);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'maintenance.cancel', entityType: 'maintenance_window', entityId: req.id, before: found, after: cancelled });
    return cancelled;
  });
  sync?.wake();
  publishQueueStats(ctx);
  return windowDto(window, now);
}
