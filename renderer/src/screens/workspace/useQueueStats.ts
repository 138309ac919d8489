import { useEffect, useState } from 'react';
import type { QueueStatsDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';

/** The upload queue's counts: fetched once, then kept current by `queue.changed` pushes. */
export function useQueueStats(): { stats: QueueStatsDto | null; error: string | null } {
  const api = useApi();
  const [stats, setStats] = useState<QueueStatsDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('queue.stats', {}).then((r) => {
      if (!live) return;
      if (r.ok) setStats(r.value);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useDeskEvent('queue.changed', (payload) => {
    setStats(payload);
    setError(null);
  });

  return { stats, error };
}
