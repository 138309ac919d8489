// Handlers of the admin area (shared/contract/areas/admin.ts).
import type { adminChannels } from '../../../shared/contract/areas';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function adminHandlers(_deps: HandlerDeps): AreaHandlers<typeof adminChannels> {
  return {};
}
