// A stand-in main side for renderer tests: the real client over a transport whose channels the
// test answers, and whose events the test pushes.
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ChannelName, EventName, EventPayload, RequestOf, ResponseOf, Result } from '../../shared/contract';
import { createApiClient, type DeskApi } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { DeskProviders } from '../../renderer/src/DeskProviders';

export type Answers = { [C in ChannelName]?: (request: RequestOf<C>) => Result<ResponseOf<C>> };

export interface FakeDesk {
  api: DeskApi;
  invoke: ReturnType<typeof vi.fn<(channel: ChannelName, request: unknown) => Promise<Result<unknown>>>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  wrap(children: ReactNode): ReactNode;
}

export function fakeDesk(answers: Answers): FakeDesk {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (channel: ChannelName, request: unknown): Promise<Result<unknown>> => {
    const answer = answers[channel] as ((r: unknown) => Result<unknown>) | undefined;
    if (!answer) return { ok: false, code: 'INTERNAL', message: `test has no answer for ${channel}` };
    return answer(request);
  });
  const transport: Transport = {
    kind: 'http',
    invoke,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    setSession: () => {},
  };
  const api = createApiClient(transport);
  return {
    api,
    invoke,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    wrap: (children) => <DeskProviders api={api}>{children}</DeskProviders>,
  };
}

export const emptyQueue: ResponseOf<'queue.stats'> = {
  pending: 0,
  inFlight: 0,
  uncertain: 0,
  rejected: 0,
  done: 0,
  cancelled: 0,
  oldestPendingAt: null,
  lastSuccessAt: null,
};
