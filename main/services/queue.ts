import type { ResponseOf } from '../../shared/contract';
import { queueStats } from '../../db/repositories/outbox';
import type { ServiceContext } from './context';

export function stats(ctx: ServiceContext): ResponseOf<'queue.stats'> {
  return queueStats(ctx.db);
}

export function publishQueueStats(ctx: ServiceContext): void {
  ctx.events.emit('queue.changed', queueStats(ctx.db));
}
