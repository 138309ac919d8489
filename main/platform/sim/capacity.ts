// The capacity fault: at most maxConcurrent platform requests handled at once, the rest wait in
// FIFO order (beyond maxQueued they are turned away). Without a limit it only counts, so the
// inspection API can report the peak concurrency a run produced.
export interface CapacityLimit {
  maxConcurrent: number;
  maxQueued?: number;
}

export interface Slot {
  release(): void;
}

export class Capacity {
  active = 0;
  peak = 0;
  peakQueued = 0;
  private readonly waiting: (() => void)[] = [];
  private limit: CapacityLimit | null = null;

  get queued(): number {
    return this.waiting.length;
  }

  /** A slot, or null when the queue is full. */
  async acquire(limit: CapacityLimit | null): Promise<Slot | null> {
    this.limit = limit;
    if (limit && this.active >= limit.maxConcurrent) {
      if (limit.maxQueued !== undefined && this.waiting.length >= limit.maxQueued) return null;
      // pump() counts the slot as taken when it wakes us, so nobody can slip in between.
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.peakQueued = Math.max(this.peakQueued, this.waiting.length);
      });
    } else {
      this.active += 1;
    }
    this.peak = Math.max(this.peak, this.active);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.pump(this.limit);
      },
    };
  }

  /** Lets waiting requests in while there is room (also after the limit was raised or lifted). */
  pump(limit: CapacityLimit | null): void {
    this.limit = limit;
    while (this.waiting.length > 0 && (!limit || this.active < limit.maxConcurrent)) {
      this.active += 1;
      this.waiting.shift()!();
    }
  }

  resetPeaks(): void {
    this.peak = this.active;
    this.peakQueued = this.waiting.length;
  }
}
