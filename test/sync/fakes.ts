// Test doubles for the upload queue's unit tests: a hand-driven clock and timers, and a scripted
// platform that keeps the filings it accepted (so "exactly once" can be checked without the simulator).
import type { FilingResult, PlatformOperator, PlatformOutcome, ReferralCancel, ReferralQuery, ReferralRecord, ReferralUpload } from '../../main/platform/types';
import type { SyncPlatform, Timers } from '../../main/sync/ports';
import { businessDateTime } from '../../shared/domain/time';

export async function settle(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((r) => setImmediate(r));
}

/** A clock and timers that only move when the test says so. */
export class FakeTime {
  private t: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  constructor(start = '2026-11-23T01:00:00.000Z') {
    this.t = Date.parse(start);
  }

  readonly clock = (): Date => new Date(this.t);

  readonly timers: Timers = {
    set: (fn, ms) => {
      const id = this.nextId++;
      this.pending.set(id, { at: this.t + Math.max(0, ms), fn });
      return id;
    },
    clear: (handle) => {
      this.pending.delete(handle as number);
    },
  };

  get now(): number {
    return this.t;
  }

  /** Moves time forward, firing every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await settle();
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= target && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.pending.delete(first[0]);
      this.t = Math.max(this.t, first[1].at);
      first[1].fn();
      await settle();
    }
    this.t = target;
    await settle();
  }
}

export type Behaviour =
  /** Accepted, answered with the serial. */
  | 'ok'
  /** Accepted, answered without the serial (and the query does not return it either, if querySerials is off). */
  | 'rejected'
  /** Never left. */
  | 'not_sent'
  /** Lost before the platform saw it, but the desk cannot know. */
  | 'unknown_before'
  /** Committed by the platform, then the answer was lost. */
  | 'unknown_after'
  | 'auth';

interface Stored {
  serial: string;
  upload: ReferralUpload;
  operatedAt: string;
  cancelled: boolean;
}

class Gate {
  private waiters: (() => void)[] = [];
  closed = false;
  wait(): Promise<void> {
    return this.closed ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
  }
  open(): void {
    this.closed = false;
    for (const w of this.waiters.splice(0)) w();
  }
}

export class FakePlatform implements SyncPlatform {
  readonly stored: Stored[] = [];
  readonly calls: { method: string; msgid: string; correlationId: string | null }[] = [];
  /** Behaviours for the next sends (fileReferral / cancelReferral), consumed in order; default ok. */
  readonly script: Behaviour[] = [];
  /** Everything, probes included, fails as not sent. */
  down = false;
  /** Whether the query returns serials (the V1.0 5304 does not). */
  querySerials = true;
  /** While closed, sends wait (to observe concurrency). */
  readonly gate = new Gate();
  inFlight = 0;
  maxInFlight = 0;
  invalidations = 0;
  signIns = 0;
  private seq = 0;

  constructor(private readonly clock: () => Date) {}

  private msgid(): string {
    this.seq += 1;
    return `H34010100001${String(this.seq).padStart(18, '0')}`;
  }

  private outcome<T>(outcome: PlatformOutcome<T>['outcome'], msgid: string | null, message: string, value?: T): PlatformOutcome<T> {
    return { outcome, msgid, message, infno: 'fake', durationMs: 1, ...(value !== undefined ? { value } : {}) };
  }

  sendsFor(method: 'fileReferral' | 'cancelReferral'): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  active(personNo?: string): Stored[] {
    return this.stored.filter((s) => !s.cancelled && (personNo === undefined || s.upload.personNo === personNo));
  }

  private async exchange<T>(method: string, correlationId: string | null, work: (b: Behaviour, msgid: string) => PlatformOutcome<T>): Promise<PlatformOutcome<T>> {
    const msgid = this.msgid();
    this.calls.push({ method, msgid, correlationId });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gate.wait();
      if (this.down) return this.outcome('not_sent', null, '无法连接医保平台');
      const b = this.script.shift() ?? 'ok';
      if (b === 'not_sent') return this.outcome('not_sent', null, '无法连接医保平台');
      if (b === 'unknown_before') return this.outcome('unknown', msgid, '等待平台应答超时');
      if (b === 'auth') return this.outcome('auth', msgid, '签到已失效');
      if (b === 'rejected') return this.outcome('rejected', msgid, '该参保人已有有效的转院备案');
      return work(b, msgid);
    } finally {
      this.inFlight -= 1;
    }
  }

  fileReferral(upload: ReferralUpload, _op: PlatformOperator, call?: { correlationId?: string }): Promise<PlatformOutcome<FilingResult>> {
    return this.exchange('fileReferral', call?.correlationId ?? null, (b, msgid) => {
      const serial = `SN${String(this.stored.length + 1).padStart(8, '0')}`;
      this.stored.push({ serial, upload, operatedAt: businessDateTime(this.clock()), cancelled: false });
      return b === 'unknown_after' ? this.outcome('unknown', msgid, '连接被重置') : this.outcome('ok', msgid, '成功', { serial });
    });
  }

  cancelReferral(cancel: ReferralCancel, _op: PlatformOperator, call?: { correlationId?: string }): Promise<PlatformOutcome<FilingResult>> {
    return this.exchange('cancelReferral', call?.correlationId ?? null, (b, msgid) => {
      const found = this.stored.find((s) => s.serial === cancel.serial && !s.cancelled);
      if (!found) return this.outcome('rejected', msgid, '未找到该备案或已撤销');
      found.cancelled = true;
      return b === 'unknown_after' ? this.outcome('unknown', msgid, '连接被重置') : this.outcome('ok', msgid, '成功', { serial: cancel.serial });
    });
  }

  async queryReferrals(query: ReferralQuery): Promise<PlatformOutcome<ReferralRecord[]>> {
    const msgid = this.msgid();
    this.calls.push({ method: 'queryReferrals', msgid, correlationId: null });
    if (this.down) return this.outcome('not_sent', null, '无法连接医保平台');
    const records: ReferralRecord[] = this.active(query.personNo)
      .filter((s) => s.operatedAt >= query.from && s.operatedAt <= query.to)
      .map((s) => ({
        personNo: s.upload.personNo,
        personName: null,
        certNo: null,
        insuranceTypeCode: null,
        diagnosisCode: s.upload.diagnosisCode ?? '',
        diagnosisName: s.upload.diagnosisName,
        destinationInstitutionCode: s.upload.destinationInstitutionCode,
        destinationInstitutionName: s.upload.destinationInstitutionName,
        outOfArea: null,
        referralDate: s.upload.referralDate,
        referralReason: s.upload.referralReason,
        startDate: s.upload.startDate,
        endDate: s.upload.endDate,
        hospitalAgrees: null,
        operatorName: null,
        operatedAt: s.operatedAt,
        serial: this.querySerials ? s.serial : null,
      }));
    return this.outcome('ok', msgid, '成功', records);
  }

  async probe(): Promise<PlatformOutcome<never>> {
    this.calls.push({ method: 'probe', msgid: this.msgid(), correlationId: null });
    return this.down ? this.outcome('not_sent', null, '无法连接医保平台') : this.outcome('ok', null, '签到成功');
  }

  invalidateSignIn(): void {
    this.invalidations += 1;
  }

  async ensureSignedIn(): Promise<PlatformOutcome<never>> {
    this.calls.push({ method: 'ensureSignedIn', msgid: this.msgid(), correlationId: null });
    if (this.down) return this.outcome('not_sent', null, '无法连接医保平台');
    this.signIns += 1;
    return this.outcome('ok', null, '签到成功');
  }
}
