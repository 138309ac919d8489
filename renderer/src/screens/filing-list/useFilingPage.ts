// One page of filing.list, reloaded when filings or the queue change (upload states move).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';

export interface FilingQuery {
  query: string;
  page: number;
  pageSize: number;
}

export interface FilingPage {
  data: ResponseOf<'filing.list'>;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

const EMPTY: ResponseOf<'filing.list'> = { total: 0, items: [] };

export function useFilingPage({ query, page, pageSize }: FilingQuery): FilingPage {
  const api = useApi();
  const [data, setData] = useState(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request may write: an older, slower answer must not overwrite a newer one.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    void api.invoke('filing.list', { query: query || undefined, page, pageSize }).then((r) => {
      if (ticket !== latest.current) return;
      setLoading(false);
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.message);
    });
  }, [api, query, page, pageSize]);

  useEffect(reload, [reload]);
  useDeskEvent('filing.changed', reload);
  useDeskEvent('queue.changed', reload);

  return { data, loading, error, reload };
}
