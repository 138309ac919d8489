// Verifying, against the platform (1101), the persons that were typed in by hand — a filing saved
// without a person number from the lookup, typically while the platform was unreachable. A small
// background job: it notes new hand-entered filings (scanning filings in save order from a stored
// cursor), asks the platform for each when it can, and stores the result per filing with an audit
// row in the same transaction. It runs when the platform comes back online and on a timer.
import { getFiling, updateFilingRow } from '../../db/repositories/filings';
import { entriesFor, logAttempt, queueStats, updateEntry } from '../../db/repositories/outbox';
import { appendAudit } from '../../db/repositories/audit';
import {
  addPendingVerification,
  countPendingVerifications,
  duePendingVerifications,
  filingsAfter,
  getCursor,
  setCursor,
  updateVerification,
  type VerificationMismatch,
  type VerificationRow,
} from '../../db/repositories/lookup';
import type { FilingDetail } from '../../shared/domain/filing';
import { INSURANCE_TYPE_LABELS } from '../../shared/domain/insurance';
import { chooseInsurance } from '../platform/tx/person';
import type { PersonInfo, PlatformOperator, PlatformOutcome } from '../platform/types';
import { FILING_CREATE } from '../sync/kinds';
import { changeUploadState } from '../sync/store';
import type { ServiceContext } from './context';
import type { Availability } from './lookupPlatform';

const CURSOR = 'verification.scan';

/** Who the desk's own lookups (verification, catalogue downloads) are made as. */
export const LOOKUP_OPERATOR: PlatformOperator = { id: 'desk-lookup', name: '参保信息核验' };

export interface VerificationJobOptions {
  /** How often the job looks for work without being woken. Default 60 s. */
  intervalMs?: number;
  /** Persons asked about per run. Default 20. */
  batch?: number;
  /** Wait after a failed attempt: base × 2^(attempts-1), capped. Defaults 30 s and 30 min. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Start the timer and the online subscription (default true; tests drive runOnce by hand). */
  autoStart?: boolean;
}

export interface RunSummary {
  scanned: number;
  queued: number;
  verified: number;
  mismatch: number;
  notFound: number;
  failed: number;
}

function text(details: Record<string, unknown>, key: string): string | null {
  const v = details[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** A filing whose person came from the lookup carries the platform's person number. */
export function needsVerification(details: Record<string, unknown>): boolean {
  return text(details, 'personNo') === null;
}

/**
 * Which saved filings the job asks about: typed at the desk or entered from paper, by ID number or
 * e-voucher. Imported old-system records are not (a cut-over would send thousands of 1101 calls), and
 * a social-security card cannot be asked about without the card serial read from the card itself.
 */
export function verifiable(f: { origin: string; certType: string }): boolean {
  return f.origin !== 'import' && f.certType !== 'social_security_card';
}

/** Why a hand-entered filing is not verified by the job, for the detail screen. */
export const SOCIAL_CARD_NOT_VERIFIED = '按社会保障卡录入的参保人无法自动核验（需刷卡读取卡识别码），请用身份证号在医保平台查询核对';

const SEX_LABELS = { male: '男', female: '女', unknown: '未知' } as const;

export function statusLabel(status: string | null): string {
  if (status === '1') return '正常参保';
  if (status === '2') return '暂停参保';
  if (status === '3') return '终止参保';
  return status === null ? '未知' : `参保状态${status}`;
}

/** Where what the operator typed differs from the platform's record (empty: it matches). */
export function compareWithPlatform(filing: FilingDetail, person: PersonInfo): VerificationMismatch[] {
  const out: VerificationMismatch[] = [];
  if (filing.personName.trim() !== person.name.trim()) out.push({ field: 'personName', label: '姓名', entered: filing.personName, platform: person.name });
  if (filing.certType === 'id_card' && person.certNo && filing.certNo.toUpperCase() !== person.certNo.toUpperCase()) {
    out.push({ field: 'certNo', label: '身份证号', entered: filing.certNo, platform: person.certNo });
  }
  const row = chooseInsurance(person, filing.insuranceType);
  if (!row) {
    const has = person.insurances.map((r) => r.insuranceTypeLabel).join('、') || '无参保记录';
    out.push({ field: 'insuranceType', label: '险种', entered: INSURANCE_TYPE_LABELS[filing.insuranceType], platform: has });
    return out;
  }
  if (row.status !== '1') out.push({ field: 'insuranceStatus', label: '参保状态', entered: '正常参保', platform: statusLabel(row.status) });
  const region = text(filing.details, 'insuredRegion');
  if (region && region !== row.insuredRegion) out.push({ field: 'insuredRegion', label: '参保地医保区划', entered: region, platform: row.insuredRegion });
  const sex = text(filing.details, 'sex');
  if (sex && person.sex !== 'unknown' && sex !== person.sex) {
    out.push({ field: 'sex', label: '性别', entered: SEX_LABELS[sex as keyof typeof SEX_LABELS] ?? sex, platform: SEX_LABELS[person.sex] });
  }
  return out;
}

export class VerificationJob {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<RunSummary> | null = null;
  private stopped = false;
  private readonly intervalMs: number;
  private readonly batch: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly autoStart: boolean;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly availability: () => Availability,
    options: VerificationJobOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.batch = options.batch ?? 20;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.retryCapMs = options.retryCapMs ?? 30 * 60_000;
    this.autoStart = options.autoStart ?? true;
  }

  start(): void {
    if (!this.autoStart || this.stopped) return;
    this.unsubscribe = this.ctx.events.subscribe((event) => {
      if (event.name === 'platform.state' && 'state' in event.payload && event.payload.state === 'online') this.wake();
    });
    this.arm(this.intervalMs);
  }

  /** Stops running by itself (timer, online events); runOnce still works. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs soon (the platform came back). */
  wake(): void {
    this.arm(0);
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce()
        .catch(() => undefined)
        .finally(() => this.arm(this.intervalMs));
    }, ms);
    // The job never keeps the process alive; the desk's own handles do.
    this.timer.unref();
  }

  /** One pass: note new hand-entered filings, then verify what is due. Concurrent calls share one pass. */
  runOnce(): Promise<RunSummary> {
    if (!this.running) this.running = this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<RunSummary> {
    const summary: RunSummary = { scanned: 0, queued: 0, verified: 0, mismatch: 0, notFound: 0, failed: 0 };
    // The desk was closed under us (timers are unref'd, not awaited): nothing to do.
    if (!this.ctx.sqlite.open) {
      this.stop();
      return summary;
    }
    // Nothing to do while the platform cannot be asked: the stored cursor keeps the place, and
    // person.verification answers 待核验 for a hand-entered filing without a row.
    const available = this.availability();
    if (!available.ok) return summary;
    await this.scan(summary);
    if (!this.ctx.sqlite.open) return summary;
    const due = duePendingVerifications(this.ctx.db, this.ctx.clock().toISOString(), this.batch);
    for (const row of due) {
      if (!this.ctx.sqlite.open) break;
      const filing = getFiling(this.ctx.db, row.filingId);
      if (!filing) continue;
      let outcome: PlatformOutcome<PersonInfo>;
      try {
        outcome = await available.platform.queryPerson({ certType: filing.certType, certNo: filing.certNo }, LOOKUP_OPERATOR, { correlationId: `verify:${filing.id}` });
      } catch (error) {
        outcome = { outcome: 'not_sent', message: '系统内部错误，核验未完成', msgid: null, infno: '1101', durationMs: 0, reason: String(error) };
      }
      if (!this.ctx.sqlite.open) break;
      const settled = this.settle(row, filing, outcome);
      summary[settled] += 1;
      // The platform stopped answering: the rest wait for the next pass.
      if (settled === 'failed') break;
    }
    return summary;
  }

  /**
   * Notes the filings saved since the last scan whose person was typed in by hand: up to 5 000 per
   * pass, 500 per transaction, yielding between batches so the desk stays responsive.
   */
  private async scan(summary: RunSummary): Promise<void> {
    const at = this.ctx.clock().toISOString();
    for (let batch = 0; batch < 10; batch += 1) {
      if (batch > 0) await new Promise((resolve) => setImmediate(resolve));
      if (!this.ctx.sqlite.open) return;
      const cursor = getCursor(this.ctx.db, CURSOR);
      const rows = filingsAfter(this.ctx.db, cursor, 500);
      if (rows.length === 0) return;
      this.ctx.sqlite
        .transaction(() => {
          for (const row of rows) {
            if (verifiable(row) && needsVerification(row.details)) {
              addPendingVerification(this.ctx.db, row.id, at);
              summary.queued += 1;
            }
          }
          setCursor(this.ctx.db, CURSOR, rows.at(-1)!.rowid);
        })
        .immediate();
      summary.scanned += rows.length;
    }
  }

  private settle(row: VerificationRow, filing: FilingDetail, outcome: PlatformOutcome<PersonInfo>): keyof Omit<RunSummary, 'scanned' | 'queued'> {
    const now = this.ctx.clock();
    const at = now.toISOString();
    let requeued = false;
    const finish = (state: 'verified' | 'mismatch' | 'not_found', set: Partial<VerificationRow>, detail: Record<string, unknown>, complete?: () => boolean) => {
      this.ctx.sqlite
        .transaction(() => {
          requeued = complete?.() ?? false;
          updateVerification(this.ctx.db, row.filingId, { ...set, state, attempts: row.attempts + 1, checkedAt: at, nextAttemptAt: null }, at);
          appendAudit(this.ctx.db, {
            at,
            operatorId: null,
            action: `person.${state}`,
            entityType: 'filing',
            entityId: row.filingId,
            before: { verification: row.state },
            after: { verification: state, msgid: outcome.msgid, ...detail },
          });
        })
        .immediate();
      this.ctx.events.emit('filing.changed', { id: row.filingId });
      // The queue wakes on queue.changed: a requeued upload goes out now.
      if (requeued) this.ctx.events.emit('queue.changed', queueStats(this.ctx.db));
    };
    if (outcome.outcome === 'ok' && outcome.value) {
      const person = outcome.value;
      const mismatches = compareWithPlatform(filing, person);
      const insurance = chooseInsurance(person, filing.insuranceType);
      const set = { mismatches, personNo: person.personNo || null, insuredRegion: insurance?.insuredRegion ?? null, lastError: null };
      if (mismatches.length === 0) {
        const complete = () => this.completeFiling(filing.id, set.personNo, set.insuredRegion, at);
        finish('verified', set, { personNo: set.personNo, insuredRegion: set.insuredRegion }, complete);
        return 'verified';
      }
      // The audit keeps which fields differ, not the values (the values are personal data).
      finish('mismatch', set, { fields: mismatches.map((m) => m.field) });
      return 'mismatch';
    }
    if (outcome.outcome === 'rejected') {
      finish('not_found', { mismatches: [], lastError: outcome.message }, { message: outcome.message });
      return 'notFound';
    }
    const attempts = row.attempts + 1;
    const wait = Math.min(this.retryCapMs, this.retryBaseMs * 2 ** (attempts - 1));
    this.ctx.sqlite
      .transaction(() =>
        updateVerification(this.ctx.db, row.filingId, { attempts, lastError: outcome.message, nextAttemptAt: new Date(now.getTime() + wait).toISOString() }, at),
      )
      .immediate();
    return 'failed';
  }

  /**
   * A verified person gives the filing what only the lookup could (人员编号, 参保地), so its upload can
   * go: an upload the queue refused for the missing person number is put back to pending. A mismatch
   * changes nothing — the operator decides. Runs inside the verification's transaction; the audit row
   * of the verification records what was filled in.
   */
  private completeFiling(filingId: string, personNo: string | null, insuredRegion: string | null, at: string): boolean {
    const current = getFiling(this.ctx.db, filingId);
    if (!current || !personNo || current.status === 'voided' || !needsVerification(current.details)) return false;
    updateFilingRow(this.ctx.db, filingId, { details: { ...current.details, personNo, ...(insuredRegion ? { insuredRegion } : {}) } }, at);
    const create = entriesFor(this.ctx.db, filingId).find((e) => e.kind === FILING_CREATE);
    if (!create || create.status !== 'rejected' || !create.lastError?.includes('人员编号')) return false;
    updateEntry(this.ctx.db, create.id, { status: 'pending', nextAttemptAt: at, lastError: null }, at);
    logAttempt(this.ctx.db, create.id, at, {
      finishedAt: at,
      msgid: null,
      durationMs: 0,
      outcome: 'person_verified',
      message: '参保人信息经医保平台核验一致，已补全人员编号，重新上传',
      excerpt: null,
    });
    changeUploadState(this.ctx.db, filingId, 'pending', at, 'upload.requeued', { entryId: create.id, reason: 'person_verified' });
    return true;
  }

  /** Verifications still waiting for the platform. */
  pendingCount(): number {
    return countPendingVerifications(this.ctx.db);
  }
}
