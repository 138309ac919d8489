import { describe, expect, it } from 'vitest';
import { backoffCeiling, equalJitter, fullJitter } from '../../main/sync/backoff';

const policy = { baseMs: 1_000, capMs: 30_000 };

describe('retry backoff', () => {
  it('doubles the ceiling with every attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffCeiling(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never lets the ceiling pass the cap, however many attempts', () => {
    expect(backoffCeiling(6, policy)).toBe(30_000);
    expect(backoffCeiling(1_000, policy)).toBe(30_000);
  });

  it('draws a full-jitter delay uniformly below the ceiling from the injected random source', () => {
    expect(fullJitter(3, policy, () => 0)).toBe(0);
    expect(fullJitter(3, policy, () => 0.25)).toBe(1_000);
    expect(fullJitter(3, policy, () => 0.5)).toBe(2_000);
    expect(fullJitter(3, policy, () => 0.999999)).toBeLessThan(4_000);
  });

  it('keeps a jittered delay under the cap even when the random source misbehaves', () => {
    expect(fullJitter(50, policy, () => 1)).toBeLessThan(30_000);
    expect(fullJitter(50, policy, () => Number.NaN)).toBe(0);
  });

  it('keeps an equal-jitter delay between half the ceiling and the ceiling', () => {
    expect(equalJitter(2, policy, () => 0)).toBe(1_000);
    expect(equalJitter(2, policy, () => 0.5)).toBe(1_500);
  });
});
