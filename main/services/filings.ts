import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { nameInitials } from '../../shared/domain/pinyin';
import { businessDate } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { nextDailyValue } from '../../db/repositories/counters';
import { getFiling, insertFiling, listFilings } from '../../db/repositories/filings';
import { enqueue } from '../../db/repositories/outbox';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { publishQueueStats } from './queue';

/** Outbox kinds for filings: the intent, not the wire transaction (main/platform maps them). */
export const FILING_CREATE = 'filing.create';

/** Desk-local number shown and printed before the platform's serial exists: 20261123-0001. */
function nextLocalNo(ctx: ServiceContext, at: Date): string {
  const day = businessDate(at);
  const n = nextDailyValue(ctx.db, 'filing.local_no', day);
  return `${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

/**
 * Saves a filing: the filing row, its audit row and its outbox row in one transaction, so a
 * filing the operator was told is saved is also queued for upload (architecture §5).
 */
export function create(ctx: ServiceContext, req: ParsedRequestOf<'filing.create'>, session: Session): ResponseOf<'filing.create'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const filing = inTransaction(ctx, () => {
    const created = insertFiling(ctx.db, {
      id: ctx.newId(),
      localNo: nextLocalNo(ctx, now),
      type: req.type,
      insuranceType: req.insuranceType,
      certType: req.certType,
      certNo: req.certNo.toUpperCase(),
      personName: req.personName,
      nameInitials: nameInitials(req.personName),
      phone: req.details.phone,
      destinationRegion: req.details.destinationRegion,
      startDate: req.startDate,
      // Hefei 异地转诊人员: the end date stays empty and is set to the discharge date at settlement (seed 000, 3(3)).
      endDate: null,
      details: req.details,
      status: 'active',
      uploadState: 'pending',
      platformSerial: null,
      createdBy: session.operatorId,
      createdAt: at,
      updatedAt: at,
    });
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'filing.create', entityType: 'filing', entityId: created.id, after: created });
    enqueue(ctx.db, { id: ctx.newId(), kind: FILING_CREATE, orderKey: created.id, payload: { filingId: created.id } }, at);
    return created;
  });
  ctx.events.emit('filing.changed', { id: filing.id });
  publishQueueStats(ctx);
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
