// Desk settings an admin changes on the 系统设置 screen: sign-in security and the institution.
// (The policy profile lives in policy.ts, print settings in printing.ts.) Every change is audited
// with before/after in the same transaction.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { securitySettingsDto, type SecuritySettingsDto } from '../../shared/contract/areas/admin';
import { appendAudit } from '../../db/repositories/audit';
import { getInstitution, getSetting, putSetting, updateInstitution } from '../../db/repositories/institution';
import { countFilings } from '../../db/repositories/reports';
import type { Exec } from '../../db/repositories/types';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

export const SECURITY_SETTING = 'security';

/** Five wrong passwords lock the account for 15 minutes; ten idle minutes lock the screen. */
export const DEFAULT_SECURITY: SecuritySettingsDto = { loginMaxAttempts: 5, lockoutMinutes: 15, idleLockMinutes: 10 };

export function securityOf(db: Exec): SecuritySettingsDto {
  const stored = securitySettingsDto.safeParse(getSetting<unknown>(db, SECURITY_SETTING));
  return stored.success ? stored.data : DEFAULT_SECURITY;
}

export function getSecurity(ctx: ServiceContext): ResponseOf<'settings.security.get'> {
  return securityOf(ctx.db);
}

export function setSecurity(ctx: ServiceContext, req: ParsedRequestOf<'settings.security.set'>, session: Session): ResponseOf<'settings.security.set'> {
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    const before = securityOf(ctx.db);
    const after: SecuritySettingsDto = { loginMaxAttempts: req.loginMaxAttempts, lockoutMinutes: req.lockoutMinutes, idleLockMinutes: req.idleLockMinutes };
    putSetting(ctx.db, SECURITY_SETTING, after, at);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'settings.security', entityType: 'settings', entityId: SECURITY_SETTING, before, after });
    return after;
  });
}

function institutionState(db: Exec): ResponseOf<'settings.institution.get'> {
  const institution = getInstitution(db);
  if (!institution) throw new DeskError('BUSINESS_RULE', '工作台尚未完成初始设置，请先完成初始设置');
  return { institution, filingCount: countFilings(db) };
}

export function getInstitutionSettings(ctx: ServiceContext): ResponseOf<'settings.institution.get'> {
  return institutionState(ctx.db);
}

/**
 * The name may change any time. The code and region identify the desk to the platform and decide the
 * default policy profile and form: once filings exist, changing them needs an explicit confirmation
 * after the warning (filings already saved keep the values they were filed under).
 */
export function setInstitutionSettings(ctx: ServiceContext, req: ParsedRequestOf<'settings.institution.set'>, session: Session): ResponseOf<'settings.institution.set'> {
  const at = ctx.clock().toISOString();
  return inTransaction(ctx, () => {
    const { institution: before, filingCount } = institutionState(ctx.db);
    const after = { code: req.code, name: req.name, regionCode: req.regionCode };
    const identityChanged = before.code !== after.code || before.regionCode !== after.regionCode;
    if (identityChanged && filingCount > 0 && !req.confirmIdentityChange) {
      throw new DeskError(
        'BUSINESS_RULE',
        `本工作台已有${filingCount}条备案。修改定点医疗机构编码或所在医保区划后，待上传的备案将以新的编码上传，默认政策配置和备案表样式也可能改变。确认无误请勾选“我已知晓影响”后再保存`,
        { confirmIdentityChange: '请确认已知晓修改机构编码或区划的影响' },
      );
    }
    if (before.code === after.code && before.name === after.name && before.regionCode === after.regionCode) return { institution: before, filingCount };
    updateInstitution(ctx.db, after);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'settings.institution', entityType: 'institution', entityId: after.code, before, after });
    return { institution: after, filingCount };
  });
}
