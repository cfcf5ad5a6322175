/**
 * The core's `Clock` and `Scheduler` on Node's wall clock and timers. Node fires a timer longer than 2^31-1 ms
 * (about 24.8 days) at once, so long delays are chained in steps; a session that lives for weeks still gets its
 * expiry timer on time.
 *
 * @example
 * const scheduler = createNodeScheduler({ unref: true });
 * const handle = scheduler.schedule(() => console.log("later"), 1000);
 * scheduler.cancel(handle);
 */
import type { Clock, MonotonicClock, Scheduler, TimerHandle } from "../core/ports";

/** The longest delay Node's `setTimeout` honours. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export interface NodeSchedulerOptions {
  /** Let the process exit while timers are pending (CLI tools); default false (timers keep it alive). */
  readonly unref?: boolean;
  /** Longest single step (tests lower it to check chaining). */
  readonly maxStepMs?: number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** The monotonic clock port: `performance.now()` (never jumps with the wall clock). */
export const monotonicClock: MonotonicClock = { now: () => performance.now() };

interface ChainedTimer {
  timer: NodeJS.Timeout | undefined;
  cancelled: boolean;
}

/** Makes the scheduler. */
export function createNodeScheduler(options: NodeSchedulerOptions = {}): Scheduler {
  const maxStep = options.maxStepMs ?? MAX_TIMER_DELAY_MS;
  return {
    schedule(callback: () => void, delayMs: number): TimerHandle {
      const handle: ChainedTimer = { timer: undefined, cancelled: false };
      const arm = (remaining: number) => {
        const step = Math.min(Math.max(0, remaining), maxStep);
        handle.timer = setTimeout(() => {
          if (handle.cancelled) return;
          if (remaining > maxStep) arm(remaining - maxStep);
          else callback();
        }, step);
        if (options.unref) handle.timer.unref();
      };
      arm(Number.isFinite(delayMs) ? delayMs : 0);
      return handle;
    },
    cancel(handle: TimerHandle): void {
      const chained = handle as ChainedTimer | undefined;
      if (!chained || typeof chained !== "object") return;
      chained.cancelled = true;
      if (chained.timer) clearTimeout(chained.timer);
    },
  };
}
