// Retry delays for the upload queue: exponential, capped, with full jitter (architecture §5).
// Full jitter spreads the desks of a city that all lost the platform at the same minute, so they do
// not come back in lock-step when it returns.

export interface BackoffPolicy {
  /** The first retry's ceiling. */
  baseMs: number;
  /** No delay ever exceeds this. */
  capMs: number;
}

export const DEFAULT_SEND_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** A random source in [0, 1); injected so tests can pin it. */
export type RandomSource = () => number;

/** The ceiling before jitter for the `attempt`-th retry (1-based): min(cap, base * 2^(attempt-1)). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** Full jitter: a uniform delay in [0, ceiling). */
export function fullJitter(attempt: number, policy: BackoffPolicy, random: RandomSource): number {
  return Math.floor(clampUnit(random()) * backoffCeiling(attempt, policy));
}

/** Equal jitter: a uniform delay in [ceiling/2, ceiling); for probes, which should never fire at once. */
export function equalJitter(attempt: number, policy: BackoffPolicy, random: RandomSource): number {
  const ceiling = backoffCeiling(attempt, policy);
  return Math.floor(ceiling / 2 + (clampUnit(random()) * ceiling) / 2);
}

function clampUnit(x: number): number {
  if (!Number.isFinite(x) || x < 0) return 0;
  return x >= 1 ? 1 - Number.EPSILON : x;
}
