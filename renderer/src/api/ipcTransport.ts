// Electron: the preload's bridge. The main side knows the session per window, so no token travels.
import type { DeskBridge } from './bridge';
import { asResult, failure, UNREACHABLE_MESSAGE, type Transport } from './transport';

export function createIpcTransport(bridge: DeskBridge): Transport {
  const loose = bridge as unknown as {
    invoke(channel: string, request: unknown): Promise<unknown>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  return {
    kind: 'ipc',
    async invoke(channel, request) {
      try {
        return asResult(await loose.invoke(channel, request));
      } catch {
        return failure('UNAVAILABLE', UNREACHABLE_MESSAGE);
      }
    },
    on: (event, listener) => loose.on(event, listener),
    setSession: () => {},
  };
}
