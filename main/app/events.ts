import type { DeskEvent, EventName, EventPayload } from '../../shared/contract';

export type EventListener = (event: DeskEvent) => void;

/** The desk's event bus; transports subscribe and forward to renderers. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ name, payload } as DeskEvent);
      } catch {
        // A broken subscriber (a closed SSE stream) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
