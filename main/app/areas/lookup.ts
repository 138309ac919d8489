// Handlers of the lookup area (shared/contract/areas/lookup.ts).
import type { lookupChannels } from '../../../shared/contract/areas';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function lookupHandlers(_deps: HandlerDeps): AreaHandlers<typeof lookupChannels> {
  return {};
}
