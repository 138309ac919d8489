// Handlers of the backup area (shared/contract/areas/backup.ts).
import type { backupChannels } from '../../../shared/contract/areas';
import * as backup from '../../services/backup';
import { authed, type HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function backupHandlers(_deps: HandlerDeps): AreaHandlers<typeof backupChannels> {
  return {
    'backup.list': (ctx) => backup.list(ctx),
    'backup.create': (ctx, _req, s) => backup.create(ctx, authed(s)),
    'backup.settings.set': (ctx, req, s) => backup.setSettings(ctx, req, authed(s)),
    'backup.check': (ctx, req) => backup.check(ctx, req),
    'backup.restore': (ctx, req, s) => backup.restore(ctx, req, authed(s)),
  };
}
