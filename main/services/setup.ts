import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { appendAudit } from '../../db/repositories/audit';
import { getInstitution, saveInstitution } from '../../db/repositories/institution';
import { countOperators, insertOperator, toOperatorDto } from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { hashPassword } from '../app/passwords';
import { inTransaction, type ServiceContext } from './context';

export function appInfo(ctx: ServiceContext): ResponseOf<'app.info'> {
  const institution = getInstitution(ctx.db);
  return { version: ctx.version, initialized: institution !== null, mode: ctx.mode, institution };
}

/** First run: the institution and the first admin, once. */
export async function initialize(ctx: ServiceContext, req: ParsedRequestOf<'setup.initialize'>): Promise<ResponseOf<'setup.initialize'>> {
  const passwordHash = await hashPassword(req.adminPassword);
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    if (getInstitution(ctx.db) !== null || countOperators(ctx.db) > 0) {
      throw new DeskError('CONFLICT', '本工作台已完成初始设置，请直接登录');
    }
    const institution = { code: req.institutionCode, name: req.institutionName, regionCode: req.regionCode };
    saveInstitution(ctx.db, institution, at);
    const admin = insertOperator(
      ctx.db,
      { id: ctx.newId(), username: req.adminUsername, displayName: req.adminDisplayName, role: 'admin', passwordHash },
      at,
    );
    appendAudit(ctx.db, { at, operatorId: admin.id, action: 'setup.initialize', entityType: 'institution', entityId: institution.code, after: institution });
    appendAudit(ctx.db, { at, operatorId: admin.id, action: 'operator.create', entityType: 'operator', entityId: admin.id, after: toOperatorDto(admin) });
    return { institution, admin: toOperatorDto(admin) };
  });
}
