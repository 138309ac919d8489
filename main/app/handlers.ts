// Channel -> use case. The map is typed against the contract, so a missing or mistyped handler
// is a compile error.
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import * as auth from '../services/auth';
import * as filings from '../services/filings';
import * as maintenance from '../services/maintenance';
import * as operators from '../services/operators';
import * as policy from '../services/policy';
import * as printing from '../services/printing';
import * as queue from '../services/queue';
import * as review from '../services/review';
import * as setup from '../services/setup';
import type { SyncControl } from '../sync/engine';
import type { PlatformSwitcher } from './platform-wiring';
import { DeskError } from './errors';
import type { Session } from './sessions';
import { adminHandlers } from './areas/admin';
import { cutoverHandlers } from './areas/cutover';
import { lookupHandlers } from './areas/lookup';
import { reportHandlers } from './areas/reports';
import { workflowHandlers } from './areas/workflow';
import { backupHandlers } from './areas/backup';

export type Handler<C extends ChannelName> = (
  ctx: ServiceContext,
  req: ParsedRequestOf<C>,
  session: Session | null,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/** Channels with access other than 'public' only run with a session; this narrows it. */
export function authed(session: Session | null): Session {
  if (!session) throw new DeskError('UNAUTHENTICATED', '请先登录');
  return session;
}

/** What handlers need beyond the service context: the running upload queue, when there is one. */
export interface HandlerDeps {
  sync: SyncControl | null;
  /** The platform profile switcher (cut-over area); null without a platform or with a fixed client. */
  platform?: PlatformSwitcher | null;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { sync } = deps;
  return {
    'app.info': (ctx) => setup.appInfo(ctx),
    'setup.initialize': (ctx, req) => setup.initialize(ctx, req),
    'auth.login': (ctx, req) => auth.login(ctx, req),
    'auth.logout': (ctx, _req, s) => auth.logout(ctx, authed(s)),
    'auth.me': (ctx, _req, s) => auth.me(ctx, authed(s)),
    'operator.list': (ctx) => operators.list(ctx),
    'operator.create': (ctx, req, s) => operators.create(ctx, req, authed(s)),
    'filing.create': (ctx, req, s) => filings.create(ctx, req, authed(s)),
    'filing.get': (ctx, req) => filings.get(ctx, req),
    'filing.list': (ctx, req) => filings.list(ctx, req),
    'queue.stats': (ctx) => queue.stats(ctx),
    'queue.list': (ctx, req) => queue.list(ctx, req),
    'queue.attempts': (ctx, req) => queue.attempts(ctx, req),
    'queue.retryNow': (ctx, req, s) => queue.retryNow(ctx, sync, req, authed(s)),
    'queue.resolveUncertain': (ctx, req, s) => queue.resolveUncertain(ctx, sync, req, authed(s)),
    'maintenance.list': (ctx) => maintenance.list(ctx),
    'maintenance.schedule': (ctx, req, s) => maintenance.schedule(ctx, sync, req, authed(s)),
    'maintenance.cancel': (ctx, req, s) => maintenance.cancel(ctx, sync, req, authed(s)),
    'platform.status': (ctx) => queue.platformStatus(ctx, sync),
    'filing.void': (ctx, req, s) => filings.voidFiling(ctx, req, authed(s)),
    'print.printers': (ctx) => printing.printers(ctx),
    'print.settings.get': (ctx) => printing.getSettings(ctx),
    'print.settings.set': (ctx, req, s) => printing.setSettings(ctx, req, authed(s)),
    'print.record': (ctx, req, s) => printing.record(ctx, req, authed(s)),
    'print.a4': (ctx, req, s) => printing.printA4(ctx, req, authed(s)),
    'print.slip': (ctx, req, s) => printing.printSlip(ctx, req, authed(s)),
    'filing.evaluate': (ctx, req) => policy.evaluate(ctx, req),
    'filing.update': (ctx, req, s) => filings.update(ctx, req, authed(s)),
    'policy.profiles': () => policy.profiles(),
    'settings.policy.get': (ctx) => policy.getPolicy(ctx),
    'settings.policy.set': (ctx, req, s) => policy.setPolicy(ctx, req, authed(s)),
    'review.list': (ctx, req) => review.list(ctx, req),
    'review.approve': (ctx, req, s) => review.approve(ctx, req, authed(s)),
    'review.return': (ctx, req, s) => review.returnFiling(ctx, req, authed(s)),
    ...lookupHandlers(deps),
    ...adminHandlers(deps),
    ...reportHandlers(deps),
    ...cutoverHandlers(deps),
    ...workflowHandlers(deps),
    ...backupHandlers(deps),
  };
}

/** The handlers of a desk without a platform (nothing is uploaded; the queue only fills). */
export const handlers: Handlers = createHandlers({ sync: null });
