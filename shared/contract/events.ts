// Events the main side pushes to every renderer (SSE in browser mode, IPC in Electron).
import { z } from 'zod';
import { queueStatsDto } from './channels';

export const events = {
  'queue.changed': queueStatsDto,
  'filing.changed': z.object({ id: z.string() }),
  'platform.state': z.object({
    state: z.enum(['online', 'offline', 'maintenance', 'unknown']),
    message: z.string().optional(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export interface DeskEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
