import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { appendAudit } from '../../db/repositories/audit';
import { findOperatorByUsername, insertOperator, listOperators, toOperatorDto } from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { hashPassword } from '../app/passwords';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

export function list(ctx: ServiceContext): ResponseOf<'operator.list'> {
  return listOperators(ctx.db);
}

export async function create(ctx: ServiceContext, req: ParsedRequestOf<'operator.create'>, session: Session): Promise<ResponseOf<'operator.create'>> {
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
