// The platform connection and the upload queue for the status bar and the outage banner: read once,
// then kept current by pushes (queue.changed, platform.state). platform.status is read again after
// every platform.state push (for the maintenance window's end and note) and, as a fallback for a
// missed push, every 30 seconds, never more often.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlatformStatusDto, QueueStatsDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';
import { advanceReplay, IDLE_REPLAY, notePlatform, replayProgress, type ReplayProgress } from './replay';

export const FALLBACK_REFRESH_MS = 30_000;

export type PlatformView = Omit<PlatformStatusDto, 'counts' | 'breaker' | 'concurrency'>;

export interface DeskStatus {
  stats: QueueStatsDto | null;
  statsError: string | null;
  /** Null until platform.status has answered once. */
  platform: PlatformView | null;
  replay: ReplayProgress | null;
  /** Read platform.status (and the counts) again now, e.g. after 立即重试. */
  refresh: () => void;
}

function viewOf({ counts: _counts, breaker: _breaker, concurrency: _concurrency, ...view }: PlatformStatusDto): PlatformView {
  return view;
}

const isDown = (state: PlatformView['state'] | undefined) => state === 'offline' || state === 'maintenance';

export function useDeskStatus(): DeskStatus {
  const api = useApi();
  const [stats, setStats] = useState<QueueStatsDto | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [platform, setPlatform] = useState<PlatformView | null>(null);
  const [replay, setReplay] = useState<ReplayProgress | null>(null);
  const tracker = useRef(IDLE_REPLAY);
  const platformState = useRef<PlatformView['state'] | undefined>(undefined);
  // Counts from a slow answer must not overwrite counts a later push brought.
  const statsSeq = useRef(0);
  const live = useRef(true);

  const takeStats = useCallback((next: QueueStatsDto) => {
    statsSeq.current += 1;
    setStats(next);
    setStatsError(null);
    tracker.current = advanceReplay(tracker.current, next, Date.now(), isDown(platformState.current));
    setReplay(replayProgress(tracker.current));
  }, []);

  const notePlatformState = useCallback((state: PlatformView['state']) => {
    platformState.current = state;
    tracker.current = notePlatform(tracker.current, state);
  }, []);

  const refresh = useCallback(() => {
    const seq = statsSeq.current;
    void api.invoke('platform.status', {}).then((r) => {
      if (!live.current || !r.ok) return;
      setPlatform(viewOf(r.value));
      notePlatformState(r.value.state);
      if (seq === statsSeq.current) takeStats(r.value.counts);
    });
  }, [api, notePlatformState, takeStats]);

  useEffect(() => {
    live.current = true;
    const seq = statsSeq.current;
    void api.invoke('queue.stats', {}).then((r) => {
      if (!live.current) return;
      if (r.ok) {
        if (seq === statsSeq.current) takeStats(r.value);
      } else setStatsError(r.message);
    });
    refresh();
    const timer = setInterval(refresh, FALLBACK_REFRESH_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, [api, refresh, takeStats]);

  useDeskEvent('queue.changed', takeStats);
  useDeskEvent('platform.state', (payload) => {
    notePlatformState(payload.state);
    setPlatform((prev) => ({
      configured: prev?.configured ?? true,
      window: prev?.window ?? null,
      nextWindow: prev?.nextWindow ?? null,
      lastSuccessAt: prev?.lastSuccessAt ?? null,
      nextProbeAt: prev?.nextProbeAt ?? null,
      state: payload.state,
      message: payload.message ?? null,
    }));
    // The push names the state; the window's end and note come with platform.status.
    refresh();
  });

  return { stats, statsError, platform, replay, refresh };
}
