// Operator accounts (admin only): create, role change, disable/enable, password reset, login unlock.
// An admin can never leave the desk without an active admin, nor lock themselves out.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { OperatorAccountDto } from '../../shared/contract/areas/admin';
import { ROLE_LABELS } from '../../shared/contract/roles';
import { appendAudit } from '../../db/repositories/audit';
import {
  countActiveAdmins,
  findOperatorById,
  findOperatorByUsername,
  insertOperator,
  listOperatorRecords,
  listOperators,
  toOperatorDto,
  updateOperator,
  type OperatorPatch,
  type OperatorRecord,
} from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { hashPassword, passwordProblem } from '../app/passwords';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

export function list(ctx: ServiceContext): ResponseOf<'operator.list'> {
  return listOperators(ctx.db);
}

export function toAccount(record: OperatorRecord): OperatorAccountDto {
  const { mustChangePassword, failedLogins, lockedUntil, lastLoginAt } = record;
  return { ...toOperatorDto(record), mustChangePassword, failedLogins, lockedUntil, lastLoginAt };
}

/** What the audit row keeps of an account: never the hash. */
function auditView(record: OperatorRecord): OperatorAccountDto {
  return toAccount(record);
}

export function accounts(ctx: ServiceContext): ResponseOf<'operator.accounts'> {
  return listOperatorRecords(ctx.db).map(toAccount);
}

export async function create(ctx: ServiceContext, req: ParsedRequestOf<'operator.create'>, session: Session): Promise<ResponseOf<'operator.create'>> {
  const problem = passwordProblem(req.username, req.password);
  if (problem) throw new DeskError('INVALID_REQUEST', problem, { password: problem });
  const passwordHash = await hashPassword(req.password);
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    if (findOperatorByUsername(ctx.db, req.username)) {
      throw new DeskError('CONFLICT', `登录名“${req.username}”已被使用，请换一个`, { username: '登录名已被使用' });
    }
    const record = insertOperator(ctx.db, { id: ctx.newId(), username: req.username, displayName: req.displayName, role: req.role, passwordHash }, at);
    const dto = toOperatorDto(record);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'operator.create', entityType: 'operator', entityId: dto.id, after: dto });
    return dto;
  });
}

function target(ctx: ServiceContext, id: string): OperatorRecord {
  const record = findOperatorById(ctx.db, id);
  if (!record) throw new DeskError('NOT_FOUND', '未找到该操作员，请刷新列表后重试');
  return record;
}

/** Refuses a change that would leave no active admin (the desk could no longer be administered). */
function keepAnAdmin(ctx: ServiceContext, record: OperatorRecord, stillAdmin: boolean, what: string): void {
  if (record.role === 'admin' && record.active && !stillAdmin && countActiveAdmins(ctx.db) <= 1) {
    throw new DeskError('BUSINESS_RULE', `“${record.displayName}”是最后一位在用的管理员，不能${what}；请先为其他操作员设置管理员角色`);
  }
}

function change(ctx: ServiceContext, record: OperatorRecord, patch: OperatorPatch, action: string, session: Session, at: string): OperatorAccountDto {
  const after = updateOperator(ctx.db, record.id, patch, at);
  appendAudit(ctx.db, { at, operatorId: session.operatorId, action, entityType: 'operator', entityId: record.id, before: auditView(record), after: auditView(after) });
  return toAccount(after);
}

export function setRole(ctx: ServiceContext, req: ParsedRequestOf<'operator.setRole'>, session: Session): ResponseOf<'operator.setRole'> {
  const at = ctx.clock().toISOString();
  const account = inTransaction(ctx, () => {
    const record = target(ctx, req.id);
    if (record.role === req.role) return toAccount(record);
    if (record.id === session.operatorId) throw new DeskError('BUSINESS_RULE', '不能修改自己的角色，请由其他管理员操作');
    keepAnAdmin(ctx, record, req.role === 'admin', `改为${ROLE_LABELS[req.role]}`);
    return change(ctx, record, { role: req.role }, 'operator.role', session, at);
  });
  ctx.sessions.updateOperator(account);
  return account;
}

export function setActive(ctx: ServiceContext, req: ParsedRequestOf<'operator.setActive'>, session: Session): ResponseOf<'operator.setActive'> {
  const at = ctx.clock().toISOString();
  const account = inTransaction(ctx, () => {
    const record = target(ctx, req.id);
    if (record.active === req.active) return toAccount(record);
    if (!req.active && record.id === session.operatorId) throw new DeskError('BUSINESS_RULE', '不能停用自己的账号，请由其他管理员操作');
    if (!req.active) keepAnAdmin(ctx, record, false, '停用');
    // Enabling also clears a running login lock: the admin has looked at the account.
    const patch: OperatorPatch = req.active ? { active: true, failedLogins: 0, lockedUntil: null } : { active: false };
    return change(ctx, record, patch, req.active ? 'operator.enable' : 'operator.disable', session, at);
  });
  if (!req.active) ctx.sessions.closeFor(account.id);
  return account;
}

export async function resetPassword(ctx: ServiceContext, req: ParsedRequestOf<'operator.resetPassword'>, session: Session): Promise<ResponseOf<'operator.resetPassword'>> {
  const found = target(ctx, req.id);
  if (found.id === session.operatorId) throw new DeskError('BUSINESS_RULE', '不能重置自己的密码，请在右上角“修改密码”中修改');
  const problem = passwordProblem(found.username, req.password);
  if (problem) throw new DeskError('INVALID_REQUEST', problem, { password: problem });
  const passwordHash = await hashPassword(req.password);
  const at = ctx.clock().toISOString();
  const account = inTransaction(ctx, () =>
    change(ctx, target(ctx, req.id), { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }, 'operator.reset_password', session, at),
  );
  // The old password's sessions end: the operator logs in with the temporary one and sets their own.
  ctx.sessions.closeFor(account.id);
  return account;
}

export function unlock(ctx: ServiceContext, req: ParsedRequestOf<'operator.unlock'>, session: Session): ResponseOf<'operator.unlock'> {
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    const record = target(ctx, req.id);
    if (record.lockedUntil === null && record.failedLogins === 0) return toAccount(record);
    return change(ctx, record, { failedLogins: 0, lockedUntil: null }, 'operator.unlock', session, at);
  });
}
