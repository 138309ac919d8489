// The connectivity circuit breaker (architecture §5: "platform down -> the circuit opens, the whole
// queue waits for a probe to succeed"). Fed by transport failures (not_sent / unknown) of every
// exchange; while it is not closed nothing but the probe goes out.
//
//   closed --(threshold consecutive failures)--> open --(probe due)--> half_open
//   half_open --(probe answered)--> closed;  half_open --(probe failed)--> open (longer wait)
import { equalJitter, type BackoffPolicy, type RandomSource } from './backoff';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive transport failures that open the circuit. */
  failureThreshold: number;
  /** Wait before each probe: exponential in the number of failed probes, capped, equal jitter. */
  probe: BackoffPolicy;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, probe: { baseMs: 2_000, capMs: 60_000 } };

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private failedProbes = 0;
  private probeAt: number | null = null;

  constructor(
    private readonly options: BreakerOptions,
    private readonly random: RandomSource,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** When the next probe may go (ms since epoch), while open. */
  get nextProbeAt(): number | null {
    return this.current === 'open' ? this.probeAt : null;
  }

  /** A send or query reached the platform (it answered, whether yes or no). */
  recordSuccess(): void {
    this.failures = 0;
  }

  /** A send or query failed in transport. Returns true when this failure opened the circuit. */
  recordFailure(now: number): boolean {
    this.failures += 1;
    if (this.current === 'closed' && this.failures >= this.options.failureThreshold) {
      this.open(now);
      return true;
    }
    return false;
  }

  /** Opens the circuit now (e.g. after a maintenance window: replay waits for a probe). */
  forceOpen(now: number, probeImmediately = false): void {
    this.open(now);
    if (probeImmediately) this.probeAt = now;
  }

  /** Moves open -> half_open once the probe is due; returns true when the caller should probe now. */
  probeDue(now: number): boolean {
    if (this.current === 'half_open') return false;
    if (this.current !== 'open' || this.probeAt === null || now < this.probeAt) return false;
    this.current = 'half_open';
    return true;
  }

  /** Connectivity came back (or the operator pressed retry): probe at the next chance. */
  probeSoon(now: number): void {
    if (this.current === 'open') this.probeAt = now;
  }

  probeSucceeded(): void {
    this.current = 'closed';
    this.failures = 0;
    this.failedProbes = 0;
    this.probeAt = null;
  }

  probeFailed(now: number): void {
    this.failedProbes += 1;
    this.current = 'open';
    this.probeAt = now + equalJitter(this.failedProbes + 1, this.options.probe, this.random);
  }

  private open(now: number): void {
    this.current = 'open';
    this.probeAt = now + equalJitter(this.failedProbes + 1, this.options.probe, this.random);
  }
}
