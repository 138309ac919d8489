// Handlers of the reports area (shared/contract/areas/reports.ts).
import type { reportChannels } from '../../../shared/contract/areas';
import * as reports from '../../services/reports';
import type { HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function reportHandlers(_deps: HandlerDeps): AreaHandlers<typeof reportChannels> {
  return {
    'report.summary': (ctx, req) => reports.summary(ctx, req),
    'report.export': (ctx, req) => reports.exportXlsx(ctx, req),
  };
}
