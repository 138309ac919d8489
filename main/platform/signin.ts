// 9001 sign-ins per operator per CST day (nhsa-interface.md §2.1, §4: the lifetime is not documented;
// per operator per day is what S4 does). Cached in memory and in the desk database so a restart does
// not sign in again; dropped on a sign-in error, on request, and after any sign of an outage, so the
// first call after an outage signs in again before anything else (§6).
import { performance } from 'node:perf_hooks';
import { clearSignIns, loadSignIn, saveSignIn } from '../../db/repositories/platformSignIns';
import { businessDate, businessDateTime } from '../../shared/domain/time';
import { exchange, operatorCode, type ExchangeContext } from './exchange';
import { interpretSignIn, signInInput } from './tx/signIn';
import type { CallOptions, PlatformOperator, PlatformOutcome, SignIn } from './types';
import { INFNO } from './wire';

interface Held {
  signIn: SignIn;
  msgid: string;
}

export class SignIns {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Map<string, Promise<PlatformOutcome<SignIn>>>();

  constructor(private readonly ctx: ExchangeContext) {}

  /** Today's sign-in for the operator, if one is held (memory first, then the database). */
  current(operatorId: string): Held | null {
    const day = businessDate(this.ctx.clock());
    const inMemory = this.held.get(operatorId);
    if (inMemory && inMemory.signIn.day === day) return inMemory;
    const stored = loadSignIn(this.ctx.db, operatorId, day);
    if (!stored) return null;
    const held = { signIn: { operatorId, signNo: stored.signNo, signedAt: stored.signedAt, day }, msgid: stored.msgid };
    this.held.set(operatorId, held);
    return held;
  }

  /** Signs in now (one 9001 at a time per operator; concurrent callers share it). */
  signIn(operator: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<SignIn>> {
    const running = this.pending.get(operator.id);
    if (running) return running;
    const promise = this.run(operator, call).finally(() => this.pending.delete(operator.id));
    this.pending.set(operator.id, promise);
    return promise;
  }

  async ensure(operator: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<SignIn>> {
    const held = this.current(operator.id);
    if (held) return { outcome: 'ok', value: held.signIn, message: '已签到', msgid: held.msgid, infno: INFNO.signIn, durationMs: 0 };
    return this.signIn(operator, call);
  }

  invalidate(operatorId?: string): void {
    if (operatorId === undefined) this.held.clear();
    else this.held.delete(operatorId);
    clearSignIns(this.ctx.db, operatorId);
  }

  private async run(operator: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<SignIn>> {
    const started = performance.now();
    const at = this.ctx.clock();
    const result = await exchange(this.ctx, {
      infno: INFNO.signIn,
      input: signInInput(operatorCode(operator), this.ctx.device),
      operator,
      signNo: '',
      interpret: interpretSignIn,
      ...(call ? { call } : {}),
    });
    const durationMs = Math.round(performance.now() - started);
    const base = { msgid: result.msgid, msgids: result.msgid ? [result.msgid] : [], infno: INFNO.signIn, durationMs, platformMsgid: result.refMsgid };
    if (result.outcome === 'ok') {
      const day = businessDate(at);
      const signIn: SignIn = { operatorId: operator.id, signNo: result.value.signNo, signedAt: result.value.signedAt ?? businessDateTime(at), day };
      saveSignIn(this.ctx.db, { ...signIn, msgid: result.msgid });
      this.held.set(operator.id, { signIn, msgid: result.msgid });
      return { ...base, outcome: 'ok', value: signIn, message: '签到成功' };
    }
    // Any refusal of a sign-in is a sign-in problem, whatever the platform's wording.
    if (result.outcome === 'rejected' || result.outcome === 'auth') {
      return { ...base, outcome: 'auth', message: `医保平台签到失败：${result.message}`, reason: result.reason };
    }
    return { ...base, outcome: result.outcome, message: `医保平台签到未完成：${result.message}`, reason: result.reason };
  }
}
