/**
 * One manual timeline for both sides of an integration test: the service's clock and the client's clock and
 * scheduler. `advance` moves time and runs due timers in order; nothing waits on the real clock.
 */
import type { Clock, Scheduler, TimerHandle } from "../../TypeScript/core/ports";
import { ManualClock } from "../server/harness";

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

export class ManualTime extends ManualClock implements Clock, Scheduler {
  private timers: Timer[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.ms + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward by `ms`, running each timer at its due time (earliest first, then in creation order). */
  override advance(ms: number): void {
    const end = this.ms + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.ms = next.due;
      next.callback();
    }
    this.ms = end;
  }

  /** Number of pending timers (for checks that everything was cleaned up). */
  pending(): number {
    return this.timers.length;
  }
}
