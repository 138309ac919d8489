// The upload queue's dispatcher (architecture §5). It wakes on enqueue, on its timer, on a
// connectivity change and on "retry now"; claims due entries (FIFO within a filing, filings in
// parallel up to `concurrency`); marks each in flight and commits before the request leaves; settles
// in a second transaction with an attempt row. Unknown outcomes are reconciled with the platform's
// query before anything about that filing is sent again. A circuit breaker and maintenance windows
// hold the whole queue; after an outage the replay starts with a fresh sign-in.
import { performance } from 'node:perf_hooks';
import type { PlatformStatusDto } from '../../shared/contract';
import { businessDateTime } from '../../shared/domain/time';
import { getInstitution } from '../../db/repositories/institution';
import { dueHeads, getEntry, nextDueAt, queueStats, restoreCreationOrder, updateEntry, type OutboxEntry } from '../../db/repositories/outbox';
import { nextWindowAfter, openWindowAt } from '../../db/repositories/sync';
import type { ServiceContext } from '../services/context';
import type { PlatformOperator, PlatformOutcome, ReferralRecord, UploadRoute } from '../platform/types';
import type { FilingType } from '../../shared/domain/filing';
import { defaultUploadRoute } from './mapping';
import { DEFAULT_SEND_BACKOFF, fullJitter, type BackoffPolicy, type RandomSource } from './backoff';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerOptions } from './breaker';
import { FILING_CREATE } from './kinds';
import { realTimers, type SyncPlatform, type Timers } from './ports';
import { findUpload, stillOnPlatform } from './reconcile';
import {
  applyCancelReconcile,
  applyCreateReconcile,
  claimForSend,
  knownUploads,
  reconcileContext,
  reconcileFailed,
  recoverInFlight,
  settleSend,
  type Claim,
  type PlatformCall,
  type SettleInput,
} from './store';

/** Observation points for crash tests: each may pause (the test then kills the process). */
export interface SyncHooks {
  /** The entry is in flight and committed; its request has not left yet. */
  afterClaim?(entry: OutboxEntry): void | Promise<void>;
  /** The platform answered (or failed); nothing has been settled yet. */
  beforeSettle?(entry: OutboxEntry, outcome: PlatformOutcome<unknown>): void | Promise<void>;
}

export interface SyncEngineOptions {
  client: SyncPlatform;
  /** Who the queue's calls are made as (opter / opter_name). */
  operator: PlatformOperator;
  /** Filings worked on at once (each filing's entries stay in order). Default 4. */
  concurrency?: number;
  random?: RandomSource;
  timers?: Timers;
  sendBackoff?: BackoffPolicy;
  breaker?: Partial<BreakerOptions>;
  /** Backoff between failed sign-ins and failed reconciliation queries. */
  retryBackoff?: BackoffPolicy;
  /** How far before the first attempt the reconciliation query starts (clock skew). Default 10 min. */
  reconcileSlackMs?: number;
  /** The timer that wakes the queue even when nothing else does. Default 30 s. */
  pollMs?: number;
  /** queue.changed is emitted at most this often while draining. Default 250 ms. */
  statsThrottleMs?: number;
  hooks?: SyncHooks;
  log?: { error(message: string, detail: unknown): void };
}

type PlatformState = PlatformStatusDto['state'];

/** What services may ask of the running queue. */
export interface SyncControl {
  wake(): void;
  /** The operator pressed "retry now": due now, and probe at once if the platform was unreachable. */
  retryNow(): void;
  /** The machine's network came back (or went away). */
  connectivityChanged(online: boolean): void;
  status(): Omit<PlatformStatusDto, 'counts' | 'window' | 'nextWindow'>;
}

export class SyncEngine implements SyncControl {
  private readonly client: SyncPlatform;
  /** Which transaction uploads a filing type: the interface profile's answer, else referrals only. */
  private readonly routeOf = (type: FilingType): UploadRoute | null => (this.client.uploadRouteOf ? this.client.uploadRouteOf(type) : defaultUploadRoute(type));
  private readonly operator: PlatformOperator;
  private readonly concurrency: number;
  private readonly random: RandomSource;
  private readonly timers: Timers;
  private readonly sendBackoff: BackoffPolicy;
  private readonly retryBackoff: BackoffPolicy;
  private readonly slackMs: number;
  private readonly pollMs: number;
  private readonly statsThrottleMs: number;
  private readonly hooks: SyncHooks;
  private readonly log: { error(message: string, detail: unknown): void };
  private readonly breaker: CircuitBreaker;

  private readonly running = new Map<string, Promise<void>>();
  private started = false;
  private stopped = false;
  private pumpQueued = false;
  private timer: { handle: unknown; at: number } | null = null;
  private statsTimer: unknown = null;
  private emittingStats = false;
  private unsubscribe: (() => void) | null = null;

  /** 'ensure': sign in if none is held; 'fresh': drop the held sign-in first (after an outage). */
  private signIn: 'ensure' | 'fresh' | null = 'ensure';
  private signingIn = false;
  private signInFailures = 0;
  private signInRetryAt: number | null = null;
  private probing = false;
  private inWindow = false;
  private lastQueryFailures = 0;

  private state: PlatformState = 'unknown';
  private stateMessage: string | null = null;
  private lastSuccessAt: string | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    options: SyncEngineOptions,
  ) {
    this.client = options.client;
    this.operator = options.operator;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
    this.sendBackoff = options.sendBackoff ?? DEFAULT_SEND_BACKOFF;
    this.retryBackoff = options.retryBackoff ?? { baseMs: 2_000, capMs: 60_000 };
    this.slackMs = options.reconcileSlackMs ?? 10 * 60_000;
    this.pollMs = options.pollMs ?? 30_000;
    this.statsThrottleMs = options.statsThrottleMs ?? 250;
    this.hooks = options.hooks ?? {};
    this.log = options.log ?? console;
    this.breaker = new CircuitBreaker({ ...DEFAULT_BREAKER, ...options.breaker }, this.random);
  }

  /**
   * Start-up: entries a crash left in flight become uncertain (to be reconciled, never guessed), due
   * entries are put back in creation order, and the persisted queue runs before anything new.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const at = this.now().toISOString();
    const recovered = this.transaction(() => {
      const list = recoverInFlight(this.ctx.db, at);
      restoreCreationOrder(this.ctx.db, at);
      return list;
    });
    for (const entry of recovered) this.emitFiling(entry);
    this.unsubscribe = this.ctx.events.subscribe((event) => {
      // Services publish queue.changed after every enqueue: that is the "wake on enqueue".
      if (event.name === 'queue.changed' && !this.emittingStats) this.wake();
    });
    this.publishStats();
    this.wake();
  }

  /** Stops claiming and timers; in-flight requests finish and settle. Resolves when they have. */
  async stop(): Promise<void> {
    this.halt();
    await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Stops at once (before the database closes). A request in flight is not settled: its entry stays
   * in flight and becomes uncertain at the next start, which is what a crash would leave too.
   */
  halt(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) this.timers.clear(this.timer.handle);
    this.timer = null;
    if (this.statsTimer !== null) this.timers.clear(this.statsTimer);
    this.statsTimer = null;
    this.resolveIdle();
  }

  wake(): void {
    if (this.stopped || !this.started || this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => this.pump());
  }

  retryNow(): void {
    this.breaker.probeSoon(this.now().getTime());
    this.signInRetryAt = null;
    this.wake();
  }

  connectivityChanged(online: boolean): void {
    if (online) this.retryNow();
  }

  status(): Omit<PlatformStatusDto, 'counts' | 'window' | 'nextWindow'> {
    const probeAt = this.breaker.nextProbeAt;
    return {
      configured: true,
      state: this.state,
      breaker: this.breaker.state,
      message: this.stateMessage,
      lastSuccessAt: this.lastSuccessAt,
      nextProbeAt: probeAt === null ? null : new Date(probeAt).toISOString(),
      concurrency: this.concurrency,
    };
  }

  /** Resolves once nothing is running and nothing is due (entries may still wait for a backoff). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // -------------------------------------------------------------------------------------------

  private now(): Date {
    return this.ctx.clock();
  }

  private transaction<T>(work: () => T): T {
    return this.ctx.sqlite.transaction(work).immediate();
  }

  private isIdle(): boolean {
    return this.stopped || (!this.pumpQueued && this.running.size === 0 && !this.probing && !this.signingIn && this.idleNow);
  }

  private idleNow = false;

  private resolveIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(): void {
    this.pumpQueued = false;
    this.idleNow = false;
    if (this.stopped) return;
    try {
      this.pumpOnce();
    } catch (error) {
      // A database error here must not kill the queue: try again on the next tick of the timer.
      this.log.error('upload queue: pump failed', error);
      this.arm(this.now().getTime() + this.pollMs);
    }
    this.resolveIdle();
  }

  private pumpOnce(): void {
    const nowDate = this.now();
    const now = nowDate.getTime();
    const nowIso = nowDate.toISOString();

    const window = openWindowAt(this.ctx.db, nowIso);
    if (window) {
      // Maintenance: no sends, no probes; filings keep being saved and wait.
      if (!this.inWindow) {
        this.inWindow = true;
        this.setState('maintenance', `平台维护中：${window.note}（预计 ${businessDateTime(new Date(window.endsAt))} 结束），备案照常保存，结束后自动上传`);
      }
      this.idleNow = this.running.size === 0;
      this.arm(Date.parse(window.endsAt));
      return;
    }
    if (this.inWindow) {
      // The window closed: replay only after a probe says the platform answers again.
      this.inWindow = false;
      this.breaker.forceOpen(now, true);
      this.setState('offline', '维护时段已结束，正在确认平台是否恢复');
    }

    if (this.breaker.state !== 'closed') {
      if (this.breaker.probeDue(now)) void this.runProbe();
      else if (this.breaker.nextProbeAt !== null) this.arm(this.breaker.nextProbeAt);
      this.idleNow = this.running.size === 0 && !this.probing;
      return;
    }

    if (this.signIn) {
      if (!this.signingIn && (this.signInRetryAt === null || now >= this.signInRetryAt)) void this.runSignIn();
      else if (this.signInRetryAt !== null) this.arm(this.signInRetryAt);
      this.idleNow = false;
      return;
    }

    const work = this.transaction(() => this.fillSlots(nowIso));
    this.startWork(work);
    if (this.stopped) return;
    const claimed = work.reconcile.length + work.claims.length;
    this.idleNow = claimed === 0 && this.running.size === 0;

    const candidates = [now + this.pollMs];
    const due = nextDueAt(this.ctx.db, nowIso);
    if (due) candidates.push(Date.parse(due));
    const upcoming = nextWindowAfter(this.ctx.db, nowIso);
    if (upcoming) candidates.push(Date.parse(upcoming.startsAt));
    this.arm(Math.min(...candidates));
  }

  /** Keeps one timer, for the earliest moment something may become due. */
  private arm(at: number): void {
    if (this.stopped) return;
    if (this.timer && this.timer.at <= at && this.timer.at > this.now().getTime()) return;
    if (this.timer) this.timers.clear(this.timer.handle);
    const delay = Math.max(0, at - this.now().getTime());
    const handle = this.timers.set(() => {
      this.timer = null;
      this.wake();
    }, delay);
    this.timer = { handle, at };
  }

  /**
   * Runs one filing's work. A task that resolves `true` has already had its slot refilled (its
   * settle claimed the next entries in the same commit), so it does not wake the dispatcher.
   */
  private run(key: string, work: () => Promise<boolean | void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => {
        this.log.error('upload queue: task failed', error);
        return false;
      })
      .then((refilled) => {
        if (this.running.get(key) === task) this.running.delete(key);
        if (refilled !== true) this.wake();
      });
    this.running.set(key, task);
  }

  // --- sending -----------------------------------------------------------------------------

  /**
   * Inside the caller's transaction: picks the due uncertain entries (to reconcile) and claims the
   * due pending ones for the free slots. The claims commit with that transaction, before any of
   * their requests leaves (startWork sends them after the commit).
   */
  private fillSlots(nowIso: string): SlotWork {
    let free = this.concurrency - this.running.size;
    const work: SlotWork = { reconcile: [], claims: [] };
    if (free <= 0) return work;
    // Unknown outcomes first: each is settled by asking the platform before its filing moves on.
    work.reconcile = dueHeads(this.ctx.db, { status: 'uncertain', now: nowIso, excludeKeys: [...this.running.keys()], limit: free });
    free -= work.reconcile.length;
    if (free <= 0) return work;
    const busy = [...this.running.keys(), ...work.reconcile.map((e) => e.orderKey)];
    const pending = dueHeads(this.ctx.db, { status: 'pending', now: nowIso, excludeKeys: busy, limit: free });
    if (pending.length === 0) return work;
    const institution = getInstitution(this.ctx.db);
    if (!institution) return work; // not set up yet: nothing can be uploaded
    for (const entry of pending) {
      const claim = claimForSend(this.ctx.db, entry.id, nowIso, institution, this.routeOf);
      if (claim) work.claims.push(claim);
    }
    return work;
  }

  /** After the commit of fillSlots: starts the reconciliations and sends the claimed requests. */
  private startWork(work: SlotWork): void {
    if (this.stopped) return;
    for (const entry of work.reconcile) this.run(entry.orderKey, () => this.reconcile(entry));
    let local = 0;
    for (const claim of work.claims) {
      this.emitFiling(claim.entry);
      if (claim.kind === 'send') this.run(claim.entry.orderKey, () => this.send(claim));
      else local += 1;
    }
    if (work.claims.length > 0) this.publishStats();
    // Entries settled locally (voided, nothing to cancel) took no slot: look again for more work.
    if (local > 0) this.wake();
  }

  private static started(work: SlotWork): number {
    return work.reconcile.length + work.claims.filter((c) => c.kind === 'send').length;
  }

  /** Whether new work may start now: no maintenance window, the circuit closed, signed in. */
  private maySend(nowIso: string): boolean {
    return !this.stopped && !this.inWindow && this.breaker.state === 'closed' && this.signIn === null && !openWindowAt(this.ctx.db, nowIso);
  }

  /** Resolves `true` when its settle also refilled the freed slot. */
  private async send(claim: Extract<Claim, { kind: 'send' }>): Promise<boolean> {
    await this.hooks.afterClaim?.(claim.entry);
    if (this.stopped) return false;
    const outcome = await this.call(claim.call, claim.entry.id);
    if (this.stopped) return false; // the database may be closed: the entry stays in flight -> uncertain at start-up
    await this.hooks.beforeSettle?.(claim.entry, outcome);
    if (this.stopped) return false;
    const finished = claim.entry.attemptsFinished + 1;
    const retryDelayMs = fullJitter(finished, this.sendBackoff, this.random);
    return this.settleBatched({ entry: claim.entry, filingId: claim.filingId, attemptId: claim.attemptId, outcome, excerpt: excerptOf(outcome), retryDelayMs });
  }

  private settleQueue: { input: SettleInput; done: (refilled: boolean) => void }[] = [];
  private flushScheduled = false;

  /**
   * Settles in one transaction shared with the other answers that arrived in the same turn of the
   * event loop (group commit), and claims the freed slots in that same commit: one commit per batch,
   * not two. Until it commits the entries are in flight, which a crash turns into uncertain; the
   * new claims are sent only after it: batching changes nothing about what a crash can leave.
   */
  private settleBatched(input: SettleInput): Promise<boolean> {
    return new Promise((done) => {
      this.settleQueue.push({ input, done });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flushSettles());
    });
  }

  private flushSettles(): void {
    this.flushScheduled = false;
    const batch = this.settleQueue.splice(0);
    if (batch.length === 0) return;
    let refilled = false;
    try {
      if (this.stopped) return;
      const now = this.now();
      const nowIso = now.toISOString();
      // The breaker hears the answers first: an outage seen in this batch stops the refill below.
      for (const { input } of batch) this.feedBreaker(input.outcome);
      const { settled, work } = this.transaction(() => {
        const settledEntries = batch.map(({ input }) => settleSend(this.ctx.db, input, now));
        // These filings' slots are free once this commits; their next entries may be claimed with it.
        for (const { input } of batch) this.running.delete(input.entry.orderKey);
        return { settled: settledEntries, work: this.maySend(nowIso) ? this.fillSlots(nowIso) : null };
      });
      for (const entry of settled) this.emitFiling(entry);
      this.publishStats();
      if (work) {
        this.startWork(work);
        // Refilled when every freed slot got new work; otherwise the dispatcher looks (timers, idle).
        refilled = SyncEngine.started(work) >= batch.length;
      }
    } catch (error) {
      this.log.error('upload queue: settling failed (entries stay in flight and are reconciled at start-up)', error);
    } finally {
      for (const { done } of batch) done(refilled);
    }
  }

  private async call(call: PlatformCall, correlationId: string): Promise<PlatformOutcome<unknown>> {
    const started = performance.now();
    try {
      switch (call.transaction) {
        case 'create':
          return await this.client.fileReferral(call.upload, this.operator, { correlationId });
        case 'cancel':
          return await this.client.cancelReferral(call.cancel, this.operator, { correlationId });
        case 'create_out_of_area':
          return await this.client.fileOutOfArea!(call.upload, this.operator, { correlationId });
        case 'cancel_out_of_area':
          return await this.client.cancelOutOfArea!(call.cancel, this.operator, { correlationId });
      }
    } catch (error) {
      // The adapter never throws for network problems; if it throws anyway, the request may have
      // left. Unknown is the only safe reading: reconcile before sending again.
      return {
        outcome: 'unknown',
        message: '系统内部错误，发送结果未知，将向平台核实',
        msgid: null,
        infno: '',
        durationMs: Math.round(performance.now() - started),
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** Transport failures feed the breaker; any answer from the platform resets it. */
  private feedBreaker(outcome: PlatformOutcome<unknown>): void {
    if (outcome.outcome === 'not_sent' || outcome.outcome === 'unknown') {
      if (this.breaker.recordFailure(this.now().getTime())) {
        this.setState('offline', `医保平台连接中断（${outcome.message}），上传已暂停，恢复后自动续传`);
      }
      return;
    }
    this.breaker.recordSuccess();
    if (outcome.outcome === 'auth') {
      // Sign in again before anything else goes out.
      this.signIn = 'fresh';
      return;
    }
    this.lastSuccessAt = this.now().toISOString();
    if (this.state !== 'online') this.setState('online', null);
  }

  // --- reconciliation --------------------------------------------------------------------------

  private async reconcile(entry: OutboxEntry): Promise<void> {
    const rc = reconcileContext(this.ctx.db, entry);
    const startedAt = this.now();
    if (!rc.sent) {
      // Nothing was recorded as sent (cannot happen for entries this engine claimed): the desk does
      // not guess; a reviewer checks the platform and resolves it. Asked about again only rarely.
      const later = new Date(this.now().getTime() + this.retryBackoff.capMs).toISOString();
      this.transaction(() =>
        updateEntry(this.ctx.db, entry.id, { nextAttemptAt: later, lastError: '缺少发送记录，无法自动核实：请复核员到医保平台查询后人工核实' }, this.now().toISOString()),
      );
      return;
    }
    const since = new Date(Date.parse(rc.since ?? entry.createdAt) - this.slackMs);
    const outcome = await this.queryReferrals(rc.sent.personNo, rc.sent.insuredRegion, since, entry.id, rc.sent.route);
    if (this.stopped) return;
    const q = { startedAt: startedAt.toISOString(), outcome };
    if (outcome.outcome !== 'ok' || !outcome.value) {
      this.lastQueryFailures += 1;
      const delay = fullJitter(this.lastQueryFailures, this.retryBackoff, this.random);
      const updated = this.transaction(() =>
        getEntry(this.ctx.db, entry.id)?.status === 'uncertain' ? reconcileFailed(this.ctx.db, entry, q, this.now(), delay) : null,
      );
      if (updated) this.emitFiling(updated);
      this.feedBreaker(outcome);
      return;
    }
    this.lastQueryFailures = 0;
    const records: ReferralRecord[] = outcome.value;
    const settled = this.transaction(() => {
      // An operator may have resolved the entry while the query was out: theirs stands.
      if (getEntry(this.ctx.db, entry.id)?.status !== 'uncertain') return null;
      if (entry.kind === FILING_CREATE) {
        const notBefore = businessDateTime(since);
        const search = findUpload(records, rc.sent!, notBefore, knownUploads(rc, since.toISOString()));
        return applyCreateReconcile(this.ctx.db, entry, rc, search, q, this.now());
      }
      const serial = rc.platformFiling?.serial ?? null;
      const others = rc.others.filter((pf) => pf.cancelledAt === null).length;
      return applyCancelReconcile(this.ctx.db, entry, rc, stillOnPlatform(records, serial, rc.sent!, others), q, this.now());
    });
    if (settled) this.emitFiling(settled);
    this.publishStats();
    this.feedBreaker(outcome);
  }

  private async queryReferrals(
    personNo: string,
    insuredRegion: string,
    since: Date,
    correlationId: string,
    route?: 'out_of_area',
  ): Promise<PlatformOutcome<ReferralRecord[]>> {
    const started = performance.now();
    try {
      const to = new Date(this.now().getTime() + this.slackMs);
      const query = { personNo, insuredRegion, from: businessDateTime(since), to: businessDateTime(to) };
      // Out-of-area uploads are looked for with the profile's out-of-area query (same fingerprint fields).
      if (route === 'out_of_area' && this.client.queryOutOfArea) return await this.client.queryOutOfArea(query, this.operator, { correlationId });
      return await this.client.queryReferrals(query, this.operator, { correlationId });
    } catch (error) {
      return { outcome: 'not_sent', message: '系统内部错误，核实查询未完成', msgid: null, infno: '', durationMs: Math.round(performance.now() - started), reason: String(error) };
    }
  }

  // --- connectivity ------------------------------------------------------------------------------

  private async runProbe(): Promise<void> {
    this.probing = true;
    let outcome: PlatformOutcome<unknown>;
    try {
      outcome = await this.client.probe(this.operator);
    } catch (error) {
      outcome = { outcome: 'not_sent', message: String(error), msgid: null, infno: '', durationMs: 0 };
    } finally {
      this.probing = false;
    }
    if (this.stopped) return;
    const now = this.now();
    if (outcome.outcome === 'not_sent' || outcome.outcome === 'unknown') {
      this.breaker.probeFailed(now.getTime());
      this.setState('offline', `医保平台仍无法连接（${outcome.message}），上传已暂停，将自动重试`);
    } else {
      // It answered: close the circuit, put the waiting entries back in creation order and replay,
      // starting with a fresh sign-in (the old sign_no likely expired during the outage, §6).
      this.breaker.probeSucceeded();
      this.signIn = 'fresh';
      this.signInRetryAt = null;
      this.transaction(() => restoreCreationOrder(this.ctx.db, now.toISOString()));
      if (outcome.outcome !== 'auth') {
        this.lastSuccessAt = now.toISOString();
        this.setState('online', null);
      }
    }
    this.wake();
  }

  private async runSignIn(): Promise<void> {
    this.signingIn = true;
    let outcome: PlatformOutcome<unknown>;
    try {
      if (this.signIn === 'fresh') this.client.invalidateSignIn();
      outcome = await this.client.ensureSignedIn(this.operator);
    } catch (error) {
      outcome = { outcome: 'not_sent', message: String(error), msgid: null, infno: '', durationMs: 0 };
    } finally {
      this.signingIn = false;
    }
    if (this.stopped) return;
    const now = this.now().getTime();
    if (outcome.outcome === 'ok') {
      this.signIn = null;
      this.signInFailures = 0;
      this.signInRetryAt = null;
      this.lastSuccessAt = this.now().toISOString();
      if (this.state !== 'online') this.setState('online', null);
    } else {
      this.signInFailures += 1;
      this.signInRetryAt = now + fullJitter(this.signInFailures, this.retryBackoff, this.random);
      if (outcome.outcome === 'not_sent' || outcome.outcome === 'unknown') {
        this.feedBreaker(outcome);
      } else {
        this.setState('offline', `医保平台签到失败：${outcome.message}。上传已暂停，请检查接口账号配置`);
      }
    }
    this.wake();
  }

  // --- events ----------------------------------------------------------------------------------

  private setState(state: PlatformState, message: string | null): void {
    if (state === this.state && message === this.stateMessage) return;
    this.state = state;
    this.stateMessage = message;
    this.ctx.events.emit('platform.state', message === null ? { state } : { state, message });
  }

  private emitFiling(entry: OutboxEntry): void {
    const id = entry.payload.filingId;
    if (typeof id === 'string') this.ctx.events.emit('filing.changed', { id });
  }

  /** queue.changed, at most once per throttle period while the queue drains. */
  private publishStats(): void {
    if (this.statsTimer !== null || this.stopped) return;
    this.statsTimer = this.timers.set(() => {
      this.statsTimer = null;
      if (this.stopped) return;
      this.emittingStats = true;
      try {
        this.ctx.events.emit('queue.changed', queueStats(this.ctx.db));
      } finally {
        this.emittingStats = false;
      }
    }, this.statsThrottleMs);
  }
}

/** What one fill of the free slots found: uncertain entries to reconcile, and committed claims. */
interface SlotWork {
  reconcile: OutboxEntry[];
  claims: NonNullable<Claim>[];
}

/** A short, already-redacted note for the attempt log (the adapter keeps the full exchange). */
function excerptOf(outcome: PlatformOutcome<unknown>): string | null {
  const parts = [outcome.reason ? `reason=${outcome.reason}` : null, outcome.platformMsgid ? `ref=${outcome.platformMsgid}` : null, outcome.warning ? `warn=${outcome.warning}` : null];
  const text = parts.filter((p) => p !== null).join(' ');
  return text === '' ? null : text.slice(0, 500);
}
