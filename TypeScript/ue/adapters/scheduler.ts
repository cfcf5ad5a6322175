/**
 * The core's `Scheduler` and `Clock` from what a bare Puerts engine has: ECMAScript's `Date` and Puerts'
 * timer globals (`setTimeout`/`clearTimeout`, ticked by the engine). Passed in, never read from globals
 * inside the core.
 *
 * @example
 * const scheduler = createTimerScheduler({ setTimeout, clearTimeout });
 */
import type { Clock, Scheduler } from "../../core/ports";

export interface TimerFunctions {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function createTimerScheduler(timers: TimerFunctions): Scheduler {
  return {
    schedule: (callback, delayMs) => timers.setTimeout(callback, delayMs),
    cancel: (handle) => timers.clearTimeout(handle),
  };
}

/** Wall clock from ECMAScript's `Date` (part of the language, present in every engine). */
export function createDateClock(): Clock {
  return { now: () => Date.now() };
}
