// The shape of `window.desk`, which the Electron preload exposes. Derived from the contract, so a
// channel or event the contract does not name is a compile error on both sides of the bridge.
import type { ChannelName, EventName, EventPayload, RequestOf, ResponseOf, Result } from '../../../shared/contract';

export interface DeskBridge {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (preload); absent in browser mode. */
    desk?: DeskBridge;
  }
}
