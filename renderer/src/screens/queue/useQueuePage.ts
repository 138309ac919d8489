// One page of queue.list, read again whenever the queue or a filing changes (pushes are throttled
// by the main side while the queue drains, and refresh the table without its loading veil).
import { usePagedQuery } from '../../api/usePagedQuery';
import type { QueueFilter } from './labels';

export interface QueuePageQuery {
  filter: QueueFilter;
  page: number;
  pageSize: number;
}

export function useQueuePage({ filter, page, pageSize }: QueuePageQuery) {
  return usePagedQuery('queue.list', { ...(filter === 'all' ? {} : { status: filter }), page, pageSize }, { quietRefresh: true });
}
