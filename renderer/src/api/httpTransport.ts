// Browser mode: POST /api/<channel> with the per-start desk token (from the page's meta tag) and the
// bearer session token (sessionStorage, so it survives a reload but not a closed tab); events over
// one EventSource on /api/events.
import type { EventName } from '../../../shared/contract';
import { asResult, failure, UNREACHABLE_MESSAGE, type Transport } from './transport';

export const SESSION_KEY = 'yibao-desk.session';
export const TOKEN_HEADER = 'x-desk-token';

export interface HttpTransportDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  createEventSource: (url: string) => EventSource;
  /** The content of `<meta name="desk-token">`, or null when the page was not served by the desk. */
  deskToken: () => string | null;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where the API lives, ending in a slash, e.g. `/api/`. */
  apiBase: string;
}

const NO_TOKEN_MESSAGE = '页面缺少访问令牌，请通过工作台启动时显示的地址打开';

export function createHttpTransport(deps: HttpTransportDeps): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureSource(token: string): EventSource {
    source ??= deps.createEventSource(`${deps.apiBase}events?token=${encodeURIComponent(token)}`);
    return source;
  }

  return {
    kind: 'http',
    async invoke(channel, request) {
      const token = deps.deskToken();
      if (!token) return failure('UNAVAILABLE', NO_TOKEN_MESSAGE);
      const headers: Record<string, string> = { 'content-type': 'application/json', [TOKEN_HEADER]: token };
      const session = deps.storage.getItem(SESSION_KEY);
      if (session) headers.authorization = `Bearer ${session}`;
      let response: Response;
      try {
        response = await deps.fetch(`${deps.apiBase}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        return failure('UNAVAILABLE', UNREACHABLE_MESSAGE);
      }
      try {
        // The host answers refusals (bad token, too large) with a Failure body and a 4xx status.
        return asResult(await response.json());
      } catch {
        return asResult(null);
      }
    },
    on(event, listener) {
      const token = deps.deskToken();
      if (!token) return () => {};
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        ensureSource(token).addEventListener(event, (message) => {
          let payload: unknown;
          try {
            payload = JSON.parse((message as MessageEvent<string>).data);
          } catch {
            return;
          }
          for (const l of [...created]) l(payload);
        });
        set = created;
      }
      const own = set;
      own.add(listener);
      return () => {
        own.delete(listener);
      };
    },
    setSession(token) {
      if (token) deps.storage.setItem(SESSION_KEY, token);
      else deps.storage.removeItem(SESSION_KEY);
    },
  };
}
