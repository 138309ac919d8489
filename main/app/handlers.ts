// Channel -> use case. The map is typed against the contract, so a missing or mistyped handler
// is a compile error.
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import * as auth from '../services/auth';
import * as filings from '../services/filings';
import * as operators from '../services/operators';
import * as queue from '../services/queue';
import * as setup from '../services/setup';
import { DeskError } from './errors';
import type { Session } from './sessions';

export type Handler<C extends ChannelName> = (
  ctx: ServiceContext,
  req: ParsedRequestOf<C>,
  session: Session | null,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/** Channels with access other than 'public' only run with a session; this narrows it. */
function authed(session: Session | null): Session {
  if (!session) throw new DeskError('UNAUTHENTICATED', '请先登录');
  return session;
}

export const handlers: Handlers = {
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
};
