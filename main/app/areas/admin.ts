// Handlers of the admin area (shared/contract/areas/admin.ts).
import type { adminChannels } from '../../../shared/contract/areas';
import * as audit from '../../services/audit';
import * as auth from '../../services/auth';
import * as operators from '../../services/operators';
import * as settings from '../../services/settings';
import { authed, type HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function adminHandlers(_deps: HandlerDeps): AreaHandlers<typeof adminChannels> {
  return {
    'auth.session': (ctx, _req, s) => auth.sessionState(ctx, authed(s)),
    'auth.lock': (ctx, _req, s) => auth.lock(ctx, authed(s)),
    'auth.unlock': (ctx, req, s) => auth.unlock(ctx, req, authed(s)),
    'auth.changePassword': (ctx, req, s) => auth.changePassword(ctx, req, authed(s)),
    'operator.accounts': (ctx) => operators.accounts(ctx),
    'operator.setRole': (ctx, req, s) => operators.setRole(ctx, req, authed(s)),
    'operator.setActive': (ctx, req, s) => operators.setActive(ctx, req, authed(s)),
    'operator.resetPassword': (ctx, req, s) => operators.resetPassword(ctx, req, authed(s)),
    'operator.unlock': (ctx, req, s) => operators.unlock(ctx, req, authed(s)),
    'settings.security.get': (ctx) => settings.getSecurity(ctx),
    'settings.security.set': (ctx, req, s) => settings.setSecurity(ctx, req, authed(s)),
    'settings.institution.get': (ctx) => settings.getInstitutionSettings(ctx),
    'settings.institution.set': (ctx, req, s) => settings.setInstitutionSettings(ctx, req, authed(s)),
    'audit.list': (ctx, req) => audit.list(ctx, req),
    'audit.actions': (ctx) => audit.actions(ctx),
    'audit.export': (ctx, req) => audit.exportXlsx(ctx, req),
  };
}
