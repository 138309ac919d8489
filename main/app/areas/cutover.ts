// Handlers of the cutover area (shared/contract/areas/cutover.ts).
import type { cutoverChannels } from '../../../shared/contract/areas';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function cutoverHandlers(_deps: HandlerDeps): AreaHandlers<typeof cutoverChannels> {
  return {};
}
