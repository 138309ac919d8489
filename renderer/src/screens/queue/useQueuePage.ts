// One page of queue.list, read again whenever the queue or a filing changes (pushes are throttled
// by the main side while the queue drains).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';
import type { QueueFilter } from './labels';

export interface QueuePageQuery {
  filter: QueueFilter;
  page: number;
  pageSize: number;
}

const EMPTY: ResponseOf<'queue.list'> = { total: 0, items: [] };

export function useQueuePage({ filter, page, pageSize }: QueuePageQuery) {
  const api = useApi();
  const [data, setData] = useState(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  /** `quiet`: a push-driven refresh, without the table's loading veil (it would flicker while draining). */
  const load = useCallback(
    (quiet: boolean) => {
      const ticket = ++latest.current;
      if (!quiet) setLoading(true);
      void api.invoke('queue.list', { ...(filter === 'all' ? {} : { status: filter }), page, pageSize }).then((r) => {
        if (ticket !== latest.current) return;
        setLoading(false);
        if (r.ok) {
          setData(r.value);
          setError(null);
        } else setError(r.message);
      });
    },
    [api, filter, page, pageSize],
  );
  const reload = useCallback(() => load(false), [load]);
  const refresh = useCallback(() => load(true), [load]);

  useEffect(reload, [reload]);
  useDeskEvent('queue.changed', refresh);
  useDeskEvent('filing.changed', refresh);

  return { data, loading, error, reload };
}
