import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../main/sync/breaker';

const options = { failureThreshold: 3, probe: { baseMs: 1_000, capMs: 8_000 } };
const breaker = () => new CircuitBreaker(options, () => 0.5);

describe('the connectivity circuit breaker', () => {
  it('stays closed below the failure threshold', () => {
    const b = breaker();
    expect(b.recordFailure(0)).toBe(false);
    expect(b.recordFailure(0)).toBe(false);
    expect(b.state).toBe('closed');
  });

  it('opens on the threshold-th consecutive transport failure', () => {
    const b = breaker();
    b.recordFailure(0);
    b.recordFailure(0);
    expect(b.recordFailure(100)).toBe(true);
    expect(b.state).toBe('open');
  });

  it('forgets failures once the platform answers', () => {
    const b = breaker();
    b.recordFailure(0);
    b.recordFailure(0);
    b.recordSuccess();
    b.recordFailure(0);
    expect(b.state).toBe('closed');
  });

  it('lets a probe through only once its jittered wait is over, and only one', () => {
    const b = breaker();
    for (let i = 0; i < 3; i += 1) b.recordFailure(10_000);
    // first wait: ceiling 1000 ms, equal jitter at 0.5 -> 750 ms
    expect(b.nextProbeAt).toBe(10_750);
    expect(b.probeDue(10_749)).toBe(false);
    expect(b.probeDue(10_750)).toBe(true);
    expect(b.state).toBe('half_open');
    expect(b.probeDue(10_800)).toBe(false);
  });

  it('closes when the probe is answered', () => {
    const b = breaker();
    b.forceOpen(0, true);
    expect(b.probeDue(0)).toBe(true);
    b.probeSucceeded();
    expect(b.state).toBe('closed');
    expect(b.nextProbeAt).toBeNull();
  });

  it('reopens with a longer, capped wait after each failed probe', () => {
    const b = breaker();
    b.forceOpen(0, true);
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i += 1) {
      expect(b.probeDue(now)).toBe(true);
      b.probeFailed(now);
      waits.push(b.nextProbeAt! - now);
      now = b.nextProbeAt!;
    }
    expect(waits).toEqual([1_500, 3_000, 6_000, 6_000, 6_000, 6_000]);
    expect(b.state).toBe('open');
  });

  it('probes at once when connectivity returns', () => {
    const b = breaker();
    for (let i = 0; i < 3; i += 1) b.recordFailure(0);
    b.probeSoon(5);
    expect(b.probeDue(5)).toBe(true);
  });
});
