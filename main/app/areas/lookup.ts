// Handlers of the lookup area (shared/contract/areas/lookup.ts).
import type { lookupChannels } from '../../../shared/contract/areas';
import * as lookup from '../../services/lookup';
import { authed, type HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function lookupHandlers(_deps: HandlerDeps): AreaHandlers<typeof lookupChannels> {
  return {
    'person.lookup': (ctx, req, s) => lookup.lookupPerson(ctx, req, authed(s)),
    'person.verification': (ctx, req) => lookup.verification(ctx, req),
    'institution.search': (ctx, req, s) => lookup.searchInstitutionsService(ctx, req, authed(s)),
    'diagnosis.search': (ctx, req) => lookup.searchDiagnosesService(ctx, req),
    'catalogue.status': (ctx) => lookup.status(ctx),
    'catalogue.refresh': (ctx, _req, s) => lookup.refresh(ctx, authed(s)),
  };
}
