// Handlers of the workflow area (shared/contract/areas/workflow.ts).
import type { workflowChannels } from '../../../shared/contract/areas';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function workflowHandlers(_deps: HandlerDeps): AreaHandlers<typeof workflowChannels> {
  return {};
}
