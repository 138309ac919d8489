import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { businessDateTime } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { findOperatorById, findOperatorByUsername, toOperatorDto, updateOperator, type OperatorRecord } from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { hashPassword, passwordProblem, verifyPassword } from '../app/passwords';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { securityOf } from './settings';

// One message for an unknown name and a wrong password, so names cannot be probed.
const BAD_LOGIN = '登录名或密码不正确，请重新输入';

/** `2026-11-23 09:15`, China Standard Time: when a login lock runs out. */
function unlockTime(iso: string): string {
  return businessDateTime(new Date(iso)).slice(0, 16);
}

function lockedMessage(lockedUntil: string, attempts: number): string {
  return `密码连续错误${attempts}次，账号已锁定，将于 ${unlockTime(lockedUntil)}（北京时间）自动解锁；如需提前解锁请联系管理员`;
}

function isLocked(record: OperatorRecord, now: Date): boolean {
  return record.lockedUntil !== null && record.lockedUntil > now.toISOString();
}

/**
 * A wrong password (at login or at the lock screen): counts toward the limit and, at the limit, locks
 * the account for the configured minutes. Returns the lock's end when this attempt locked it.
 */
function recordFailure(ctx: ServiceContext, record: OperatorRecord, via: 'login' | 'unlock'): string | null {
  const now = ctx.clock();
  const at = now.toISOString();
  return inTransaction(ctx, () => {
    const { loginMaxAttempts, lockoutMinutes } = securityOf(ctx.db);
    // Re-read inside the transaction: two wrong passwords at once must both count.
    const failed = (findOperatorById(ctx.db, record.id)?.failedLogins ?? record.failedLogins) + 1;
    appendAudit(ctx.db, { at, operatorId: record.id, action: 'auth.login_failed', entityType: 'operator', entityId: record.id, after: { via, failedLogins: failed } });
    if (failed < loginMaxAttempts) {
      updateOperator(ctx.db, record.id, { failedLogins: failed }, at);
      return null;
    }
    const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
    updateOperator(ctx.db, record.id, { failedLogins: 0, lockedUntil }, at);
    appendAudit(ctx.db, {
      at,
      operatorId: record.id,
      action: 'auth.locked_out',
      entityType: 'operator',
      entityId: record.id,
      after: { lockedUntil, attempts: failed, lockoutMinutes },
    });
    return lockedUntil;
  });
}

// A name that is no operator's answers like one: its wrong passwords count and lock it after the same
// number of attempts with the same message, and its password is checked against a stand-in hash so
// the answer takes as long. Otherwise the lock message, or a quick answer, would tell that a name
// exists. Kept in memory per desk (a restart forgets them), at most UNKNOWN_NAMES_KEPT names.
interface UnknownName {
  failed: number;
  lockedUntil: string | null;
}
const UNKNOWN_NAMES_KEPT = 1_000;
const unknownNames = new WeakMap<ServiceContext, Map<string, UnknownName>>();
let standInHash: Promise<string> | null = null;

function unknownName(ctx: ServiceContext, username: string): UnknownName {
  let names = unknownNames.get(ctx);
  if (!names) unknownNames.set(ctx, (names = new Map()));
  const key = username.trim().toLowerCase();
  let entry = names.get(key);
  if (!entry) {
    if (names.size >= UNKNOWN_NAMES_KEPT) names.delete(names.keys().next().value!);
    names.set(key, (entry = { failed: 0, lockedUntil: null }));
  }
  return entry;
}

/** recordFailure for a name that is no operator: the same count, the same lock. */
function recordUnknownFailure(ctx: ServiceContext, entry: UnknownName): string | null {
  const now = ctx.clock();
  const { loginMaxAttempts, lockoutMinutes } = securityOf(ctx.db);
  entry.failed += 1;
  if (entry.failed < loginMaxAttempts) return null;
  entry.failed = 0;
  entry.lockedUntil = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
  return entry.lockedUntil;
}

export async function login(ctx: ServiceContext, req: ParsedRequestOf<'auth.login'>): Promise<ResponseOf<'auth.login'>> {
  const record = findOperatorByUsername(ctx.db, req.username);
  if (!record) {
    const unknown = unknownName(ctx, req.username);
    if (unknown.lockedUntil !== null && unknown.lockedUntil > ctx.clock().toISOString()) {
      throw new DeskError('FORBIDDEN', lockedMessage(unknown.lockedUntil, securityOf(ctx.db).loginMaxAttempts));
    }
    await verifyPassword(req.password, await (standInHash ??= hashPassword(`no-operator-${Date.now()}`)));
    appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: null, action: 'auth.login_failed', entityType: 'operator', entityId: req.username });
    const lockedNow = recordUnknownFailure(ctx, unknown);
    throw new DeskError(lockedNow ? 'FORBIDDEN' : 'UNAUTHENTICATED', lockedNow ? lockedMessage(lockedNow, securityOf(ctx.db).loginMaxAttempts) : BAD_LOGIN);
  }
  if (isLocked(record, ctx.clock())) {
    throw new DeskError('FORBIDDEN', lockedMessage(record.lockedUntil ?? '', securityOf(ctx.db).loginMaxAttempts));
  }
  const valid = await verifyPassword(req.password, record.passwordHash);
  const at = ctx.clock().toISOString();
  if (!valid) {
    const lockedUntil = recordFailure(ctx, record, 'login');
    throw new DeskError(lockedUntil ? 'FORBIDDEN' : 'UNAUTHENTICATED', lockedUntil ? lockedMessage(lockedUntil, securityOf(ctx.db).loginMaxAttempts) : BAD_LOGIN);
  }
  if (!record.active) throw new DeskError('FORBIDDEN', '该账号已停用，请联系管理员');
  const operator = toOperatorDto(record);
  inTransaction(ctx, () => {
    updateOperator(ctx.db, record.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at }, at);
    appendAudit(ctx.db, { at, operatorId: operator.id, action: 'auth.login', entityType: 'operator', entityId: operator.id });
  });
  const session = ctx.sessions.open(operator, ctx.clock(), { mustChangePassword: record.mustChangePassword });
  return { token: session.token, operator };
}

export function logout(ctx: ServiceContext, session: Session): ResponseOf<'auth.logout'> {
  ctx.sessions.close(session.token);
  appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session.operatorId, action: 'auth.logout', entityType: 'operator', entityId: session.operatorId });
  return {};
}

function currentRecord(ctx: ServiceContext, session: Session): OperatorRecord {
  const record = findOperatorById(ctx.db, session.operatorId);
  if (!record) throw new DeskError('UNAUTHENTICATED', '登录已失效，请重新登录');
  return record;
}

export function me(ctx: ServiceContext, session: Session): ResponseOf<'auth.me'> {
  return toOperatorDto(currentRecord(ctx, session));
}

export function sessionState(ctx: ServiceContext, session: Session): ResponseOf<'auth.session'> {
  return {
    operator: toOperatorDto(currentRecord(ctx, session)),
    locked: session.locked,
    mustChangePassword: session.mustChangePassword,
    idleLockMinutes: securityOf(ctx.db).idleLockMinutes,
  };
}

/** The screen locks (idle timer in the renderer, or the operator's 锁屏 button); the session stays. */
export function lock(ctx: ServiceContext, session: Session): ResponseOf<'auth.lock'> {
  if (!session.locked) {
    session.locked = true;
    appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session.operatorId, action: 'auth.screen_locked', entityType: 'operator', entityId: session.operatorId });
  }
  return sessionState(ctx, session);
}

export async function unlock(ctx: ServiceContext, req: ParsedRequestOf<'auth.unlock'>, session: Session): Promise<ResponseOf<'auth.unlock'>> {
  const record = currentRecord(ctx, session);
  if (!record.active) {
    ctx.sessions.close(session.token);
    throw new DeskError('UNAUTHENTICATED', '该账号已停用，请联系管理员');
  }
  if (!(await verifyPassword(req.password, record.passwordHash))) {
    const lockedUntil = recordFailure(ctx, record, 'unlock');
    if (lockedUntil) {
      // Too many wrong passwords at the lock screen end the session as well as locking the account.
      ctx.sessions.close(session.token);
      throw new DeskError('UNAUTHENTICATED', lockedMessage(lockedUntil, securityOf(ctx.db).loginMaxAttempts));
    }
    throw new DeskError('INVALID_REQUEST', '密码不正确，请重新输入', { password: '密码不正确' });
  }
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    if (record.failedLogins > 0) updateOperator(ctx.db, record.id, { failedLogins: 0 }, at);
    appendAudit(ctx.db, { at, operatorId: record.id, action: 'auth.screen_unlocked', entityType: 'operator', entityId: record.id });
  });
  session.locked = false;
  return sessionState(ctx, session);
}

export async function changePassword(ctx: ServiceContext, req: ParsedRequestOf<'auth.changePassword'>, session: Session): Promise<ResponseOf<'auth.changePassword'>> {
  const record = currentRecord(ctx, session);
  if (!(await verifyPassword(req.currentPassword, record.passwordHash))) {
    throw new DeskError('INVALID_REQUEST', '当前密码不正确，请重新输入', { currentPassword: '当前密码不正确' });
  }
  const problem = passwordProblem(record.username, req.newPassword);
  if (problem) throw new DeskError('INVALID_REQUEST', problem, { newPassword: problem });
  const passwordHash = await hashPassword(req.newPassword);
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    updateOperator(ctx.db, record.id, { passwordHash, mustChangePassword: false, failedLogins: 0 }, at);
    appendAudit(ctx.db, {
      at,
      operatorId: record.id,
      action: 'auth.password_changed',
      entityType: 'operator',
      entityId: record.id,
      before: { mustChangePassword: record.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
  session.mustChangePassword = false;
  return sessionState(ctx, session);
}
