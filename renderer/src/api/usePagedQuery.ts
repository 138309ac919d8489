// One page of a paged list channel (filing.list, queue.list, …), read again when the request
// changes and whenever a filing or the queue changes (upload states move, entries drain).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/contract';
import { useDeskEvent } from '../hooks/useDeskEvent';
import { useApi } from './ApiContext';

/** The channels whose answer is a page: `{ total, items }`. */
export type PagedChannel = {
  [C in ChannelName]: ResponseOf<C> extends { total: number; items: unknown[] } ? C : never;
}[ChannelName];

export interface PagedQueryOptions {
  /**
   * A push-driven refresh without the table's loading veil: the queue pushes often while it
   * drains and the veil would flicker. The list's own reloads (request changed, 刷新) still show it.
   */
  quietRefresh?: boolean;
}

export interface ChannelQueryOptions<C extends ChannelName> extends PagedQueryOptions {
  /** The data until the first answer arrives. */
  initial: ResponseOf<C>;
  /** Read again when the queue changes too (default); a filing's change always does. */
  onQueueChange?: boolean;
}

export interface ChannelQuery<C extends ChannelName> {
  data: ResponseOf<C>;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

export type PagedQuery<C extends PagedChannel> = ChannelQuery<C>;

export function usePagedQuery<C extends PagedChannel>(channel: C, request: RequestOf<C>, options: PagedQueryOptions = {}): PagedQuery<C> {
  return useChannelQuery(channel, request, { ...options, initial: { total: 0, items: [] } as unknown as ResponseOf<C> });
}

/** Any list channel's answer, kept current the same way as a page (usePagedQuery). */
export function useChannelQuery<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
  { initial, quietRefresh = false, onQueueChange = true }: ChannelQueryOptions<C>,
): ChannelQuery<C> {
  const api = useApi();
  const [data, setData] = useState(() => initial);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request may write: an older, slower answer must not overwrite a newer one.
  const latest = useRef(0);
  // The request is compared by content: callers build a new object on every render.
  const key = JSON.stringify(request);

  const load = useCallback(
    (quiet: boolean) => {
      const ticket = ++latest.current;
      if (!quiet) setLoading(true);
      void api.invoke(channel, JSON.parse(key) as RequestOf<C>).then((r) => {
        if (ticket !== latest.current) return;
        setLoading(false);
        if (r.ok) {
          setData(r.value);
          setError(null);
        } else setError(r.message);
      });
    },
    [api, channel, key],
  );
  const reload = useCallback(() => load(false), [load]);
  const refresh = useCallback(() => load(quietRefresh), [load, quietRefresh]);

  useEffect(reload, [reload]);
  useDeskEvent('filing.changed', refresh);
  useDeskEvent('queue.changed', () => {
    if (onQueueChange) refresh();
  });

  return { data, loading, error, reload };
}
