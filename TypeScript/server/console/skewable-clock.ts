/**
 * The service clock with an offset the console can set ("bend the clock"): everything in the service reads this
 * one clock (sessions, `iat` age, rate limits, housekeeping, `X-Server-Time`), so shifting it moves them all.
 *
 * @example
 * const clock = new SkewableClock({ now: () => Date.now() });
 * clock.offsetMs = 5 * 60_000; // the service now lives 5 minutes ahead
 */
export class SkewableClock {
  /** Added to the underlying clock's time, ms (negative: behind). */
  offsetMs = 0;

  constructor(private readonly base: { now(): number }) {}

  now(): number {
    return this.base.now() + this.offsetMs;
  }
}
