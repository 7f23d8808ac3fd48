/**
 * A sliding-window rate limiter in memory (the demo runs as one process). Used against card
 * testing: attempts to add a card, or to pay with a new one, per account and per IP.
 */

/** A limit: at most `max` attempts per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts attempts per key within a sliding window. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => Date,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. Does not count an attempt. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit.max) return 0;
    const oldest = times[times.length - this.limit.max];
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - this.now().getTime()) / 1000));
  }

  /** Counts one attempt for `key`. */
  record(key: string): void {
    const times = this.recent(key);
    times.push(this.now().getTime());
    this.hits.set(key, times);
  }

  private recent(key: string): number[] {
    const cutoff = this.now().getTime() - this.limit.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.hits.delete(key);
    else this.hits.set(key, times);
    return times;
  }
}
