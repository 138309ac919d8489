import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { appendAudit } from '../../db/repositories/audit';
import { findOperatorById, findOperatorByUsername, toOperatorDto } from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { verifyPassword } from '../app/passwords';
import type { Session } from '../app/sessions';
import type { ServiceContext } from './context';

// One message for an unknown name and a wrong password, so names cannot be probed.
const BAD_LOGIN = '登录名或密码不正确，请重新输入';

export async function login(ctx: ServiceContext, req: ParsedRequestOf<'auth.login'>): Promise<ResponseOf<'auth.login'>> {
  const record = findOperatorByUsername(ctx.db, req.username);
  const valid = record ? await verifyPassword(req.password, record.passwordHash) : false;
  const at = ctx.clock().toISOString();
  if (!record || !valid) {
    appendAudit(ctx.db, { at, operatorId: record?.id ?? null, action: 'auth.login_failed', entityType: 'operator', entityId: req.username });
    throw new DeskError('UNAUTHENTICATED', BAD_LOGIN);
  }
  if (!record.active) throw new DeskError('FORBIDDEN', '该账号已停用，请联系管理员');
  const operator = toOperatorDto(record);
  const session = ctx.sessions.open(operator, ctx.clock());
  appendAudit(ctx.db, { at, operatorId: operator.id, action: 'auth.login', entityType: 'operator', entityId: operator.id });
  return { token: session.token, operator };
}

export function logout(ctx: ServiceContext, session: Session): ResponseOf<'auth.logout'> {
  ctx.sessions.close(session.token);
  appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session.operatorId, action: 'auth.logout', entityType: 'operator', entityId: session.operatorId });
  return {};
}

export function me(ctx: ServiceContext, session: Session): ResponseOf<'auth.me'> {
  const record = findOperatorById(ctx.db, session.operatorId);
  if (!record) throw new DeskError('UNAUTHENTICATED', '登录已失效，请重新登录');
  return toOperatorDto(record);
}
