// Operator-driven changes to the upload queue, each inside the caller's transaction: withdrawing or
// cancelling a voided filing's upload, re-queueing a fixed rejection, resolving an uncertain entry.
import { getFiling } from '../../db/repositories/filings';
import { enqueue, entriesFor, logAttempt, updateEntry, type OutboxEntry } from '../../db/repositories/outbox';
import type { Exec } from '../../db/repositories/types';
import { getPlatformFiling, markPlatformCancelled, savePlatformFiling, setPlatformSerial } from '../../db/repositories/sync';
import { DeskError } from '../app/errors';
import { FILING_CANCEL, FILING_CREATE, filingIdOf } from './kinds';
import { changeUploadState, mayHaveLanded, recheckBeforeWithdrawal, sentOf } from './store';

export type VoidEffect = 'withdrawn' | 'cancel_queued' | 'nothing';

/**
 * A filing was voided. If its upload has provably not reached the platform (pending with no attempt
 * of unknown outcome, or refused), the upload is withdrawn and nothing is ever sent. If it may have
 * (in flight, uncertain, pending after an unknown outcome: that one is put back to uncertain to be
 * reconciled) or did (done), a cancel is queued behind it: FIFO within the filing means it goes only
 * after the upload has settled, and it is decided locally if the upload turns out never to have landed.
 */
export function withdrawOrCancelUpload(db: Exec, filingId: string, reason: string, at: string, newId: () => string, operatorId: string): VoidEffect {
  const entries = entriesFor(db, filingId);
  const create = entries.find((e) => e.kind === FILING_CREATE);
  if (!create || create.status === 'cancelled') return 'nothing';
  if (create.status === 'pending' && mayHaveLanded(create)) {
    // An earlier attempt may still commit: reconcile first, the cancel below decides on the result.
    recheckBeforeWithdrawal(db, create, reason, at, operatorId);
  } else if (create.status === 'pending' || create.status === 'rejected') {
    updateEntry(db, create.id, { status: 'cancelled', lastError: '备案已作废，未上传到平台' }, at);
    logAttempt(db, create.id, at, { finishedAt: at, msgid: null, durationMs: 0, outcome: 'local_cancelled', message: `备案作废：${reason}`, excerpt: null });
    changeUploadState(db, filingId, 'cancelled', at, 'upload.withdrawn', { entryId: create.id, reason }, operatorId);
    return 'withdrawn';
  }
  const open = entries.some((e) => e.kind === FILING_CANCEL && e.status !== 'cancelled' && e.status !== 'rejected');
  if (open) return 'nothing';
  enqueue(db, { id: newId(), kind: FILING_CANCEL, orderKey: filingId, payload: { filingId, reason } }, at);
  return 'cancel_queued';
}

/** A rejected entry, after the filing was fixed: back to pending, due now. */
export function requeueRejected(db: Exec, entry: OutboxEntry, at: string, operatorId: string): OutboxEntry {
  const filingId = filingIdOf(entry.payload);
  const filing = getFiling(db, filingId);
  if (entry.kind === FILING_CREATE && filing?.status === 'voided') throw new DeskError('CONFLICT', '该备案已作废，不能重新上传');
  const next = updateEntry(db, entry.id, { status: 'pending', nextAttemptAt: at, lastError: null }, at);
  logAttempt(db, entry.id, at, { finishedAt: at, msgid: null, durationMs: 0, outcome: 'operator_requeued', message: '经办人修改后重新提交', excerpt: null });
  changeUploadState(db, filingId, entry.kind === FILING_CREATE ? 'pending' : 'uploaded', at, 'upload.requeued', { entryId: entry.id }, operatorId);
  return next;
}

export interface Resolution {
  resolution: 'done' | 'pending';
  serial?: string | undefined;
  reason: string;
}

/**
 * A reviewer checked the platform by hand. Uncertain entries: done (an upload needs the serial they
 * read there) or pending (send again; the next attempt gets a new msgid). An upload already done but
 * whose serial is still missing ("已上传，流水号待补") may have its serial filled in the same way.
 */
export function resolveByOperator(db: Exec, entry: OutboxEntry, r: Resolution, at: string, operatorId: string): OutboxEntry {
  const filingId = filingIdOf(entry.payload);
  const isCreate = entry.kind === FILING_CREATE;
  const serialMissing = isCreate && entry.status === 'done' && entry.platformRef === null;
  if (entry.status !== 'uncertain' && !serialMissing) throw new DeskError('CONFLICT', '只有“待核实”或“流水号待补”的条目需要人工核实');
  if (serialMissing && r.resolution !== 'done') throw new DeskError('CONFLICT', '该备案已确认上传，只需补录平台流水号');
  if (isCreate && r.resolution === 'done' && !r.serial) {
    throw new DeskError('INVALID_REQUEST', '请填写在医保平台查到的备案流水号', { serial: '请填写在医保平台查到的备案流水号' });
  }
  const detail = { entryId: entry.id, resolution: r.resolution, reason: r.reason };
  logAttempt(db, entry.id, at, { finishedAt: at, msgid: null, durationMs: 0, outcome: `operator_${r.resolution}`, message: r.reason, excerpt: null });

  if (r.resolution === 'pending') {
    const voided = getFiling(db, filingId)?.status === 'voided';
    if (isCreate && voided) {
      changeUploadState(db, filingId, 'cancelled', at, 'upload.resolved', detail, operatorId);
      return updateEntry(db, entry.id, { status: 'cancelled', lastError: '人工核实平台未收到，备案已作废，不再上传' }, at);
    }
    changeUploadState(db, filingId, isCreate ? 'pending' : 'uploaded', at, 'upload.resolved', detail, operatorId);
    return updateEntry(db, entry.id, { status: 'pending', nextAttemptAt: at, lastError: `人工核实：${r.reason}` }, at);
  }
  if (isCreate) {
    const serial = r.serial!;
    if (getPlatformFiling(db, filingId)) setPlatformSerial(db, filingId, serial, 'operator', at);
    else {
      const sent = sentOf(entry);
      if (sent) {
        savePlatformFiling(db, { filingId, serial, personNo: sent.personNo, insuredRegion: sent.insuredRegion, source: 'operator', record: null, uploadedAt: at }, at);
      }
    }
    changeUploadState(db, filingId, 'uploaded', at, 'upload.resolved', detail, operatorId, serial);
    return updateEntry(db, entry.id, { status: 'done', platformRef: serial, lastError: null }, at);
  }
  markPlatformCancelled(db, filingId, at);
  changeUploadState(db, filingId, 'cancelled', at, 'upload.resolved', detail, operatorId);
  return updateEntry(db, entry.id, { status: 'done', lastError: null }, at);
}
