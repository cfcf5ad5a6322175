import type { Clock, Scheduler, TimerHandle } from "./ports";

/** The longest delay a JS timer honours (2^31-1 ms, ~24.8 days); longer ones fire at once on most engines. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** A timer of a {@link TimerSet}. */
export interface Timer {
  cancel(): void;
}

/** Timers the core can cancel all at once (on logout, expiry, dispose). */
export interface TimerSet {
  /** Runs `callback` after `delayMs` (any length: long delays are chunked). */
  after(delayMs: number, callback: () => void): Timer;
  /** Runs `callback` when the clock reaches `time` (epoch ms), re-checking the wall clock at each chunk. */
  at(time: number, callback: () => void): Timer;
  /** Cancels every timer and refuses new ones. */
  close(): void;
}

/**
 * Timers on top of the {@link Scheduler} port: chunked so no single delay exceeds {@link MAX_TIMER_DELAY_MS},
 * measured against the {@link Clock} (a device that slept wakes the timer late, never early), and closable.
 *
 * @example
 * const timers = createTimerSet(scheduler, clock, (e) => log.error("timer threw", { error: String(e) }));
 * timers.at(session.expiresAt, () => expire());
 */
export function createTimerSet(scheduler: Scheduler, clock: Clock, onError: (error: unknown) => void): TimerSet {
  const live = new Set<{ handle: TimerHandle }>();
  let closed = false;

  const at = (time: number, callback: () => void): Timer => {
    const slot: { handle: TimerHandle } = { handle: undefined };
    let cancelled = closed;
    const arm = () => {
      if (cancelled) return;
      const remaining = time - clock.now();
      const delay = Math.max(0, Math.min(remaining, MAX_TIMER_DELAY_MS));
      slot.handle = scheduler.schedule(() => {
        if (cancelled) return;
        // A chunk ended (or the platform woke us early): wait for the rest.
        if (time - clock.now() > 0) {
          arm();
          return;
        }
        live.delete(slot);
        cancelled = true;
        try {
          callback();
        } catch (error) {
          onError(error);
        }
      }, delay);
    };
    if (!cancelled) {
      live.add(slot);
      arm();
    }
    return {
      cancel() {
        if (cancelled) return;
        cancelled = true;
        live.delete(slot);
        scheduler.cancel(slot.handle);
      },
    };
  };

  return {
    at,
    after: (delayMs, callback) => at(clock.now() + Math.max(0, delayMs), callback),
    close() {
      closed = true;
      for (const slot of live) scheduler.cancel(slot.handle);
      live.clear();
    },
  };
}
