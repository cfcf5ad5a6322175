/**
 * A fixed-window rate limiter keyed by any string (the service keys logins by app and client address).
 * Time comes from the injected clock, so tests move it instead of waiting.
 *
 * @example
 * const limiter = new RateLimiter({ max: 20, windowMs: 60_000 }, clock);
 * if (!limiter.take(`${appId}|${ip}`)) reply.code(429);
 */
export interface RateLimit {
  /** Requests allowed per window and key. */
  readonly max: number;
  readonly windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: { now(): number },
  ) {}

  /** Counts one request for `key`; false when the key is over its limit in the current window. */
  take(key: string): boolean {
    const now = this.clock.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.limit.windowMs) {
      // Dropping stale windows here keeps memory bounded by the keys active in one window.
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return this.limit.max >= 1;
    }
    window.count += 1;
    return window.count <= this.limit.max;
  }

  /** Milliseconds until `key`'s window ends (for `Retry-After`). */
  retryAfterMs(key: string): number {
    const window = this.windows.get(key);
    return window ? Math.max(0, window.start + this.limit.windowMs - this.clock.now()) : 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.limit.windowMs) this.windows.delete(key);
    }
  }
}
