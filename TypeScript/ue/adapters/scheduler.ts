/**
 * The core's `Scheduler` and `Clock` from what a bare Puerts engine has: ECMAScript's `Date` and Puerts'
 * timer globals (`setTimeout`/`clearTimeout`, ticked by the engine). Passed in, never read from globals
 * inside the core.
 *
 * @example
 * const scheduler = createTimerScheduler({ setTimeout, clearTimeout });
 */
import type { Clock, MonotonicClock, Scheduler } from "../../core/ports";

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

/** The bridge UFUNCTION behind the monotonic clock (FPlatformTime::Seconds). */
export interface MonotonicBridge {
  MonotonicSeconds(): number;
}

/**
 * The core's monotonic clock from the engine's FPlatformTime::Seconds, in milliseconds: a wall-clock change does
 * not move it, so the client can tell a clock jump or a suspended game from time that passed.
 */
export function createBridgeMonotonic(bridge: MonotonicBridge): MonotonicClock {
  return { now: () => bridge.MonotonicSeconds() * 1000 };
}

/** Wall clock from ECMAScript's `Date` (part of the language, present in every engine). */
export function createDateClock(): Clock {
  return { now: () => Date.now() };
}
