/**
 * A manual clock and scheduler for deterministic tests: time only moves when the test says so.
 *
 * @example
 * const time = createManualTime(1_700_000_000_000);
 * const client = createHelpshiftClient({ ...ports, clock: time.clock, scheduler: time.scheduler });
 * await time.advance(30_000); // runs every timer due in the next 30 s, in order, settling promises between
 */
import type { Clock, Scheduler } from "../../TypeScript/core/ports";

/** Node and browsers run a timer longer than this after 1 ms; the fake does the same so chunking is tested. */
export const NODE_MAX_DELAY_MS = 2_147_483_647;

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly delay: number;
  readonly callback: () => void;
}

/** Clock and scheduler ports driven by the test. */
export interface ManualTime {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Current time, epoch ms. */
  now(): number;
  /** Moves time forward by `ms`, running due timers in due order and settling promises after each. */
  advance(ms: number): Promise<void>;
  /** Runs timers already due (delay 0) without moving time. */
  runDue(): Promise<void>;
  /** Moves the wall clock without running timers (a device that slept, or a clock change). */
  jump(ms: number): void;
  /** Timers not yet run, sorted by due time. */
  pending(): ReadonlyArray<{ due: number; delay: number }>;
  /** Every delay ever requested (to check nothing above {@link NODE_MAX_DELAY_MS} was asked). */
  readonly requestedDelays: number[];
}

/**
 * Lets pending promise chains and async functions settle: several macrotask turns, so chains of `await`s that
 * each resolve on a microtask (and transports that answer asynchronously) all complete.
 *
 * @example
 * client.Logout(); await settle(); expect(transport.requestsTo("/logout")).toHaveLength(1);
 */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Makes a {@link ManualTime} starting at `start` (epoch ms). */
export function createManualTime(start = 1_700_000_000_000): ManualTime {
  let current = start;
  let nextId = 1;
  const timers = new Map<number, PendingTimer>();
  const requestedDelays: number[] = [];

  const nextDue = (limit: number): PendingTimer | undefined => {
    let best: PendingTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  };

  const runUntil = async (target: number) => {
    await settle();
    for (let guard = 0; guard < 100_000; guard++) {
      const timer = nextDue(target);
      if (!timer) break;
      timers.delete(timer.id);
      current = Math.max(current, timer.due);
      timer.callback();
      await settle();
    }
    current = Math.max(current, target);
    await settle();
  };

  return {
    clock: { now: () => current },
    scheduler: {
      setTimeout(callback, delayMs) {
        requestedDelays.push(delayMs);
        const delay = delayMs > NODE_MAX_DELAY_MS || !(delayMs >= 0) ? 1 : delayMs;
        const id = nextId++;
        timers.set(id, { id, due: current + delay, delay, callback });
        return id;
      },
      clearTimeout(handle) {
        if (typeof handle === "number") timers.delete(handle);
      },
    },
    now: () => current,
    advance: (ms) => runUntil(current + ms),
    runDue: () => runUntil(current),
    jump(ms) {
      current += ms;
    },
    pending: () =>
      [...timers.values()].sort((a, b) => a.due - b.due || a.id - b.id).map((t) => ({ due: t.due, delay: t.delay })),
    requestedDelays,
  };
}
