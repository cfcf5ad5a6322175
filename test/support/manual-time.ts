/**
 * The one manual clock and scheduler for tests and benches: time only moves when the test says so.
 *
 * @example
 * const time = new ManualTime(1_700_000_000_000);
 * const client = createHelpshiftClient({ ...ports, clock: time, scheduler: time });
 * await time.advance(30_000); // runs every timer due in the next 30 s, in order, settling promises between
 * time.advanceSync(30_000); // the same, without waiting for promises between timers
 */
import type { Clock, MonotonicClock, Scheduler, TimerHandle } from "../../TypeScript/core/ports";

/** Node and browsers run a timer longer than this after 1 ms; the fake does the same so chunking is tested. */
export const NODE_MAX_DELAY_MS = 2_147_483_647;

/** Where {@link createManualTime} starts when not told (epoch ms, Nov 2023). */
export const DEFAULT_START_MS = 1_700_000_000_000;

/** More timers than this in one advance means a timer loop (a bug), not a test. */
const MAX_TIMERS_PER_ADVANCE = 100_000;

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly delay: number;
  readonly callback: () => void;
}

/**
 * Lets pending promise chains and async functions settle: several macrotask turns, so chains of `await`s that
 * each resolve on a microtask (and transports that answer asynchronously) all complete. Real event loop turns,
 * not time.
 *
 * @example
 * client.Logout(); await settle(); expect(transport.requestsTo("/logout")).toHaveLength(1);
 */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Options of {@link ManualTime}. */
export interface ManualTimeOptions {
  /**
   * Keep every requested delay in {@link ManualTime.requestedDelays} (default true). Long runs (the memory bench)
   * turn it off so the fake itself does not grow.
   */
  readonly recordDelays?: boolean;
}

/**
 * A wall clock and a scheduler in one object (it is both the `clock` and the `scheduler` port). Its shape also
 * fits test/server's `ManualClock` (`ms`, `now`, `advance`), so one timeline can drive the service and the client.
 *
 * @example
 * const time = new ManualTime(0);
 * time.schedule(fire, 1000);
 * time.advanceSync(1000); // fire() ran
 */
export class ManualTime implements Clock, Scheduler {
  /** The clock port (this object). */
  readonly clock: Clock = this;
  /** The scheduler port (this object). */
  readonly scheduler: Scheduler = this;
  /** Every delay ever requested (to check nothing above {@link NODE_MAX_DELAY_MS} was asked). */
  readonly requestedDelays: number[] = [];
  /**
   * The monotonic clock port: moves with {@link advance}, {@link advanceSync} and {@link jump}, not with
   * {@link jumpTo} (a wall-clock change), nor with a `jump` whose monotonic clock stops (a suspend on a platform
   * whose monotonic clock does not count sleep).
   */
  readonly monotonic: MonotonicClock = { now: () => this.ms - this.wallOnlyMs };
  private wallOnlyMs = 0;
  private readonly timers = new Map<number, PendingTimer>();
  private nextId = 1;
  private readonly recordDelays: boolean;

  /** @param ms Current time, epoch ms; public because test/server's `ManualClock` has it. */
  constructor(
    public ms: number = DEFAULT_START_MS,
    options: ManualTimeOptions = {},
  ) {
    this.recordDelays = options.recordDelays ?? true;
  }

  /** Current time, epoch ms. */
  now(): number {
    return this.ms;
  }

  /** Arms a timer. Like Node, a delay above {@link NODE_MAX_DELAY_MS} (or negative, or NaN) runs after 1 ms. */
  schedule(callback: () => void, delayMs: number): TimerHandle {
    if (this.recordDelays) this.requestedDelays.push(delayMs);
    const delay = delayMs > NODE_MAX_DELAY_MS || !(delayMs >= 0) ? 1 : delayMs;
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.ms + delay, delay, callback });
    return id;
  }

  cancel(handle: TimerHandle): void {
    if (typeof handle === "number") this.timers.delete(handle);
  }

  /** Moves time forward by `ms`, running due timers in due order (then creation order), settling promises after each. */
  async advance(ms: number): Promise<void> {
    const target = this.ms + ms;
    await settle();
    for (let timer = this.nextDue(target), fired = 0; timer; timer = this.nextDue(target)) {
      this.fire(timer, ++fired);
      await settle();
    }
    this.ms = Math.max(this.ms, target);
    await settle();
  }

  /**
   * Moves time forward by `ms`, running due timers in due order (then creation order), synchronously: nothing
   * the timers start (requests, awaits) runs before this returns.
   */
  advanceSync(ms: number): void {
    const target = this.ms + ms;
    for (let timer = this.nextDue(target), fired = 0; timer; timer = this.nextDue(target)) this.fire(timer, ++fired);
    this.ms = Math.max(this.ms, target);
  }

  /** Runs timers already due (delay 0) without moving time. */
  runDue(): Promise<void> {
    return this.advance(0);
  }

  /**
   * Moves time by `ms` without running timers (a device that slept): timers keep their due time, so those
   * overdue run at the next {@link advance} or {@link runDue}. `monotonicStops`: the monotonic clock did not count
   * the sleep (iOS, Linux CLOCK_MONOTONIC); by default it did (Windows, Node's performance.now on most hosts).
   */
  jump(ms: number, options: { readonly monotonicStops?: boolean } = {}): void {
    this.ms += ms;
    if (options.monotonicStops) this.wallOnlyMs += ms;
  }

  /**
   * Sets the wall clock without running timers (a clock change, forward or back). Timers keep their remaining
   * delay, as engine timers are monotonic and do not follow the wall clock.
   */
  jumpTo(time: number): void {
    const delta = time - this.ms;
    for (const [id, timer] of this.timers) this.timers.set(id, { ...timer, due: timer.due + delta });
    this.ms = time;
    this.wallOnlyMs += delta;
  }

  /** Timers not yet run, sorted by due time. */
  pending(): ReadonlyArray<{ due: number; delay: number }> {
    return [...this.timers.values()]
      .sort((a, b) => a.due - b.due || a.id - b.id)
      .map((t) => ({ due: t.due, delay: t.delay }));
  }

  private nextDue(limit: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  }

  /** Runs one timer; the `fired` count stops a timer that re-arms itself at the same instant from hanging the test. */
  private fire(timer: PendingTimer, fired: number): void {
    if (fired > MAX_TIMERS_PER_ADVANCE) throw new Error(`more than ${MAX_TIMERS_PER_ADVANCE} timers in one advance`);
    this.timers.delete(timer.id);
    this.ms = Math.max(this.ms, timer.due);
    timer.callback();
  }
}

/**
 * Makes a {@link ManualTime} starting at `start` (epoch ms).
 *
 * @example
 * const time = createManualTime(); // starts at DEFAULT_START_MS
 */
export function createManualTime(start = DEFAULT_START_MS): ManualTime {
  return new ManualTime(start);
}
