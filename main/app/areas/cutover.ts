// Handlers of the cutover area (shared/contract/areas/cutover.ts).
import type { cutoverChannels } from '../../../shared/contract/areas';
import * as backEntry from '../../services/cutover-back-entry';
import * as cleanup from '../../services/cutover-cleanup';
import * as credentials from '../../services/cutover-credentials';
import * as profile from '../../services/cutover-profile';
import * as importer from '../../services/import';
import { authed, type HandlerDeps } from '../handlers';
import type { AreaHandlers } from './types';

export function cutoverHandlers(deps: HandlerDeps): AreaHandlers<typeof cutoverChannels> {
  const switcher = deps.platform ?? null;
  return {
    'cutover.profile.get': (ctx) => profile.state(ctx, switcher),
    'cutover.profile.test': (ctx, req, s) => profile.test(ctx, switcher, req, authed(s)),
    'cutover.profile.switch': (ctx, req, s) => profile.switchProfile(ctx, switcher, deps.sync, req, authed(s)),
    'cutover.credentials.status': () => credentials.status(switcher),
    'cutover.credentials.set': (ctx, req, s) => credentials.set(ctx, switcher, req, authed(s)),
    'cutover.credentials.clear': (ctx, req, s) => credentials.clear(ctx, switcher, req, authed(s)),
    'cutover.backEntry.create': (ctx, req, s) => backEntry.create(ctx, req, authed(s)),
    'cutover.backEntry.list': (ctx) => backEntry.list(ctx),
    'cutover.import.preview': (ctx, req) => importer.preview(ctx, req),
    'cutover.import.commit': (ctx, req, s) => importer.commit(ctx, req, authed(s)),
    'cutover.import.batches': (ctx) => importer.batches(ctx),
    'cutover.cleanup.plan': (ctx, req, s) => cleanup.plan(ctx, req, authed(s)),
    'cutover.cleanup.get': (ctx, req) => cleanup.get(ctx, req),
    'cutover.cleanup.list': (ctx) => cleanup.list(ctx),
    'cutover.cleanup.apply': (ctx, req, s) => cleanup.apply(ctx, req, authed(s)),
    'cutover.cleanup.undo': (ctx, req, s) => cleanup.undo(ctx, req, authed(s)),
  };
}
