// The renderer's typed contract client. Every type comes from shared/contract: a wrong channel,
// request or event name is a compile error; responses arrive as Results, never as throws.
import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../../shared/contract';
import type { Transport } from './transport';

export interface DeskApi {
  readonly transport: Transport['kind'];
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Called when a logged-in call comes back UNAUTHENTICATED (session ended, desk restarted). */
  onSessionLost(listener: (message: string) => void): () => void;
}

export function createApiClient(transport: Transport): DeskApi {
  const sessionLost = new Set<(message: string) => void>();

  async function invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    const result = (await transport.invoke(channel, request)) as Result<ResponseOf<C>>;
    if (channel === 'auth.login' && result.ok) {
      transport.setSession((result.value as ResponseOf<'auth.login'>).token);
    } else if (channel === 'auth.logout') {
      transport.setSession(null);
    } else if (!result.ok && result.code === 'UNAUTHENTICATED' && channels[channel].access !== 'public') {
      transport.setSession(null);
      for (const l of [...sessionLost]) l(result.message);
    }
    return result;
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return transport.on(event, (raw) => {
      // Events are checked against their schema: a malformed push is dropped, not rendered.
      const parsed = events[event].safeParse(raw);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  }

  return {
    transport: transport.kind,
    invoke,
    on,
    onSessionLost(listener) {
      sessionLost.add(listener);
      return () => {
        sessionLost.delete(listener);
      };
    },
  };
}
