import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { DeskBridge } from '../../renderer/src/api/bridge';
import { createApiClient } from '../../renderer/src/api/client';
import { createHttpTransport, SESSION_KEY } from '../../renderer/src/api/httpTransport';
import { selectTransport } from '../../renderer/src/api/selectTransport';

const operator = { id: 'op1', username: 'admin', displayName: '王管理', role: 'admin' as const, active: true };
const okList = { ok: true, value: { total: 0, items: [] } };

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function addDeskTokenMeta(token: string): void {
  const meta = document.createElement('meta');
  meta.name = 'desk-token';
  meta.content = token;
  document.head.append(meta);
}

function fakeBridge() {
  const invoke = vi.fn(async (channel: string, _request: unknown): Promise<unknown> =>
    channel === 'auth.login' ? { ok: true, value: { token: 'main-keeps-this', operator } } : okList,
  );
  const on = vi.fn((_event: string, _listener: (payload: unknown) => void) => () => {});
  return { invoke, on, bridge: { invoke, on } as unknown as DeskBridge };
}

describe('transport selection', () => {
  it('uses the Electron preload bridge when window.desk is present, and sends no token', async () => {
    const { invoke, bridge } = fakeBridge();
    window.desk = bridge;
    const fetchSpy = vi.spyOn(window, 'fetch');
    const api = createApiClient(selectTransport(window));

    expect(api.transport).toBe('ipc');
    await api.invoke('auth.login', { username: 'admin', password: 'abc12345' });
    await api.invoke('filing.list', { query: '张三', page: 1, pageSize: 20 });

    expect(invoke).toHaveBeenLastCalledWith('filing.list', { query: '张三', page: 1, pageSize: 20 });
    expect(invoke.mock.calls.every((call) => call.length === 2)).toBe(true);
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('uses HTTP with the page\'s desk token when there is no bridge', async () => {
    addDeskTokenMeta('desk-token-123');
    const fetchMock = vi.spyOn(window, 'fetch').mockResolvedValue(jsonResponse({ ok: true, value: { version: '0.1.0', initialized: false, mode: 'training', institution: null } }));
    const api = createApiClient(selectTransport(window));

    expect(api.transport).toBe('http');
    const result = await api.invoke('app.info', {});

    expect(result.ok).toBe(true);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/app.info');
    expect(init?.method).toBe('POST');
    const headers = init?.headers as Record<string, string>;
    expect(headers['x-desk-token']).toBe('desk-token-123');
    expect(headers.authorization).toBeUndefined();
    expect(JSON.parse(String(init?.body))).toEqual({});
    fetchMock.mockRestore();
  });
});

describe('HTTP session', () => {
  function http(fetchImpl: (url: string, init: RequestInit) => Promise<Response>) {
    return createHttpTransport({
      fetch: fetchImpl,
      createEventSource: () => {
        throw new Error('no events in this test');
      },
      deskToken: () => 'tok',
      storage: sessionStorage,
      apiBase: '/api/',
    });
  }

  it('sends the session token from login as a bearer token until logout', async () => {
    const seen: (string | undefined)[] = [];
    const api = createApiClient(
      http(async (url, init) => {
        seen.push((init.headers as Record<string, string>).authorization);
        if (url.endsWith('auth.login')) return jsonResponse({ ok: true, value: { token: 'session-abc', operator } });
        return jsonResponse(url.endsWith('auth.logout') ? { ok: true, value: {} } : okList);
      }),
    );

    await api.invoke('auth.login', { username: 'admin', password: 'abc12345' });
    await api.invoke('filing.list', {});
    await api.invoke('auth.logout', {});
    await api.invoke('filing.list', {});

    expect(seen).toEqual([undefined, 'Bearer session-abc', 'Bearer session-abc', undefined]);
  });

  it('turns an unreachable desk into a Chinese UNAVAILABLE failure', async () => {
    const api = createApiClient(http(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const result = await api.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, code: 'UNAVAILABLE', message: expect.stringContaining('无法连接工作台服务') });
  });

  it('passes the host\'s own refusal through (bad desk token)', async () => {
    const api = createApiClient(http(async () => jsonResponse({ ok: false, code: 'FORBIDDEN', message: '访问令牌无效，请刷新页面' }, 403)));
    expect(await api.invoke('app.info', {})).toEqual({ ok: false, code: 'FORBIDDEN', message: '访问令牌无效，请刷新页面' });
  });

  it('reports a body that is not a Result as INTERNAL', async () => {
    const api = createApiClient(http(async () => new Response('<html>proxy error</html>', { status: 502 })));
    expect(await api.invoke('app.info', {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('tells listeners the session is gone when a logged-in call is refused, but not for a failed login', async () => {
    const lost = vi.fn();
    const api = createApiClient(http(async () => jsonResponse({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })));
    api.onSessionLost(lost);
    sessionStorage.setItem(SESSION_KEY, 'stale');

    await api.invoke('auth.login', { username: 'admin', password: 'wrong1234' });
    expect(lost).not.toHaveBeenCalled();

    await api.invoke('queue.stats', {});
    expect(lost).toHaveBeenCalledWith('请先登录');
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });
});

describe('events', () => {
  class FakeEventSource {
    static last: FakeEventSource | null = null;
    readonly handlers = new Map<string, ((e: MessageEvent<string>) => void)[]>();
    constructor(readonly url: string) {
      FakeEventSource.last = this;
    }
    addEventListener(name: string, handler: (e: MessageEvent<string>) => void) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    }
    push(name: EventName, data: string) {
      for (const h of this.handlers.get(name) ?? []) h(new MessageEvent(name, { data }));
    }
  }

  it('subscribes over one EventSource with the desk token, checks payloads, and unsubscribes', () => {
    const api = createApiClient(
      createHttpTransport({
        fetch: async () => jsonResponse(okList),
        createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
        deskToken: () => 'tok/+',
        storage: sessionStorage,
        apiBase: '/api/',
      }),
    );
    const changed = vi.fn();
    const stop = api.on('filing.changed', changed);
    api.on('queue.changed', () => {});
    const source = FakeEventSource.last!;

    expect(source.url).toBe('/api/events?token=tok%2F%2B');
    source.push('filing.changed', JSON.stringify({ id: 'f1' }));
    source.push('filing.changed', JSON.stringify({ wrong: true }));
    source.push('filing.changed', 'not json');
    expect(changed.mock.calls).toEqual([[{ id: 'f1' }]]);

    stop();
    source.push('filing.changed', JSON.stringify({ id: 'f2' }));
    expect(changed).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.last).toBe(source);
  });

  it('forwards IPC events from the bridge, checked against the contract', () => {
    const { on, bridge } = fakeBridge();
    window.desk = bridge;
    const api = createApiClient(selectTransport(window));
    const listener = vi.fn();
    api.on('filing.changed', listener);

    const [event, forward] = on.mock.calls[0]!;
    expect(event).toBe('filing.changed');
    forward({ id: 'f9' });
    forward({ id: 42 });
    expect(listener.mock.calls).toEqual([[{ id: 'f9' }]]);
  });
});
