// Handlers of the workflow area (shared/contract/areas/workflow.ts).
import type { workflowChannels } from '../../../shared/contract/areas';
import { operatorNames } from '../../services/operatorNames';
import * as timeline from '../../services/timeline';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function workflowHandlers(_deps: HandlerDeps): AreaHandlers<typeof workflowChannels> {
  return {
    'filing.timeline': (ctx, req) => timeline.timeline(ctx, req),
    'workflow.reviewers': (ctx) => timeline.reviewers(ctx),
    'workflow.operators': (ctx) => operatorNames(ctx),
  };
}
