// The one door both transports call: unknown channel -> refused; request parsed with the channel's
// zod schema (field-level Chinese messages); role checked; use case called; response parsed.
// It never throws: every outcome is a Result.
import { channels, fail, formatIssues, isChannelName, ROLE_LABELS, type Access, type ChannelName, type Failure, type ResponseOf, type Result } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { DeskError } from './errors';
import type { Handlers } from './handlers';
import { sessionHold, type Session } from './sessions';

export type Dispatch = <C extends ChannelName>(channel: C | string, request: unknown, session: Session | null) => Promise<Result<ResponseOf<C>>>;

function checkAccess(access: Access, session: Session | null): Failure | null {
  if (access === 'public') return null;
  if (!session) return fail('UNAUTHENTICATED', '请先登录');
  if (access === 'authenticated' || access.includes(session.role)) return null;
  const allowed = access.map((r) => ROLE_LABELS[r]).join('、');
  return fail('FORBIDDEN', `当前账号（${ROLE_LABELS[session.role]}）无权执行此操作，需要${allowed}权限`);
}

export interface DispatchLog {
  error(message: string, detail: unknown): void;
}

export function createDispatch(ctx: ServiceContext, table: Handlers, log: DispatchLog = console): Dispatch {
  const dispatch = async (channel: string, request: unknown, session: Session | null): Promise<Result<unknown>> => {
    if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', `未知的操作：${String(channel).slice(0, 60)}`);
    const def = channels[channel];
    const denied = checkAccess(def.access, session);
    if (denied) return denied;
    // A locked screen or a password an admin reset holds the session's other calls (sessions.ts).
    const held = sessionHold(session, channel);
    if (held) return held;
    const parsed = def.request.safeParse(request ?? {});
    if (!parsed.success) return formatIssues(parsed.error);
    try {
      const handler = table[channel] as (c: ServiceContext, r: unknown, s: Session | null) => unknown;
      const value = await handler(ctx, parsed.data, session);
      // Parsing the response also strips anything the contract does not name (e.g. hashes).
      const out = def.response.safeParse(value);
      if (!out.success) {
        log.error(`response of ${channel} does not match the contract`, out.error.issues);
        return fail('INTERNAL', '系统内部错误，请联系管理员（响应格式不符）');
      }
      return { ok: true, value: out.data };
    } catch (error) {
      if (error instanceof DeskError) return fail(error.code, error.operatorMessage, error.fields);
      log.error(`handler ${channel} failed`, error);
      return fail('INTERNAL', '系统内部错误，操作未完成，请重试或联系管理员');
    }
  };
  return dispatch as Dispatch;
}
