// Replay progress (正在补传 x / y): derived from the queue.changed counts alone. A replay starts when
// the backlog (pending + in flight + uncertain) shrinks after the platform was unreachable or under
// maintenance, or when a backlog of several entries shrinks; it ends when the backlog is empty.
import type { QueueStatsDto } from '../../../../shared/contract';

/** A backlog at least this large is shown draining even without an outage (e.g. after a restart). */
export const REPLAY_MIN_BACKLOG = 5;

export interface ReplayTracker {
  /** The last counts seen, and when. */
  last: { outstanding: number; finished: number; at: number } | null;
  /** The platform was offline or in maintenance while entries waited. */
  held: boolean;
  run: { startedAt: number; startFinished: number; afterOutage: boolean } | null;
}

export interface ReplayProgress {
  /** Entries settled since the replay started (uploaded, refused or withdrawn). */
  processed: number;
  /** processed + what is still waiting. */
  total: number;
  /** Entries per minute since the replay started; null until a second has passed. */
  perMinute: number | null;
  afterOutage: boolean;
}

export const IDLE_REPLAY: ReplayTracker = { last: null, held: false, run: null };

type Counts = Pick<QueueStatsDto, 'pending' | 'inFlight' | 'uncertain' | 'done' | 'rejected' | 'cancelled'>;

export function outstandingOf(s: Counts): number {
  return s.pending + s.inFlight + s.uncertain;
}

function finishedOf(s: Counts): number {
  return s.done + s.rejected + s.cancelled;
}

/** The platform's state changed: an outage or a maintenance window marks the waiting backlog as held. */
export function notePlatform(t: ReplayTracker, state: 'online' | 'offline' | 'maintenance' | 'unknown'): ReplayTracker {
  return state === 'offline' || state === 'maintenance' ? { ...t, held: true } : t;
}

/** A new sample of the counts at time `at` (ms); `down` says the platform is offline or in maintenance now. */
export function advanceReplay(t: ReplayTracker, stats: Counts, at: number, down = false): ReplayTracker {
  const outstanding = outstandingOf(stats);
  const finished = finishedOf(stats);
  const sample = { outstanding, finished, at };
  // An empty backlog ends a replay; filings saved during a continuing outage are held again.
  if (outstanding === 0) return { last: sample, held: down, run: null };
  let run = t.run;
  if (!run && !down && t.last && outstanding < t.last.outstanding && (t.held || t.last.outstanding >= REPLAY_MIN_BACKLOG)) {
    run = { startedAt: t.last.at, startFinished: t.last.finished, afterOutage: t.held };
  }
  return { last: sample, held: t.held || down, run };
}

export function replayProgress(t: ReplayTracker): ReplayProgress | null {
  if (!t.run || !t.last) return null;
  const processed = Math.max(0, t.last.finished - t.run.startFinished);
  const elapsed = t.last.at - t.run.startedAt;
  return {
    processed,
    total: processed + t.last.outstanding,
    perMinute: elapsed >= 1_000 ? (processed * 60_000) / elapsed : null,
    afterOutage: t.run.afterOutage,
  };
}
