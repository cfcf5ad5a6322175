import type { SessionRecord } from "./persisted";
import { serviceExpiresAt, serviceRefreshAt } from "./session-record";
import type { Timer, TimerSet } from "./timers";

/** The two moments of a session. */
export interface SessionTimerActions {
  /** `refreshAt` reached (sent once: the record remembers it). */
  refresh(): void;
  /** `expiresAt` reached. */
  expire(): void;
}

/**
 * Arms the refresh and expiry timers of a session from its record, on the service's clock (the timer set runs on
 * the trusted clock). Re-arming (on foreground, after a clock jump) replaces both, so a timer frozen while the app
 * slept is measured again.
 *
 * @example
 * const timers = createSessionTimers(timerSet, () => record, { refresh: sendRefresh, expire: endSession });
 * timers.arm();
 */
export function createSessionTimers(
  timers: TimerSet,
  record: () => SessionRecord,
  actions: SessionTimerActions,
): { arm(): void; stop(): void } {
  let refreshTimer: Timer | undefined;
  let expiryTimer: Timer | undefined;
  const stop = () => {
    refreshTimer?.cancel();
    expiryTimer?.cancel();
    refreshTimer = undefined;
    expiryTimer = undefined;
  };
  return {
    arm() {
      stop();
      const current = record();
      if (!current.refreshSent && current.refreshAt < current.expiresAt) {
        refreshTimer = timers.at(serviceRefreshAt(current), actions.refresh);
      }
      expiryTimer = timers.at(serviceExpiresAt(current), actions.expire);
    },
    stop,
  };
}
