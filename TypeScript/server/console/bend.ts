/**
 * What the console has bent on the service, and the words for it: the clock's offset and the network faults
 * (the next N `/v1/` requests fail with a status, or are held). The limits of each setting are here too.
 *
 * @example
 * const bend = new Bend(clock);
 * bend.setNetwork({ failNext: 2, failStatus: 503 }); // "The next 2 requests to /v1/ will fail with 503."
 * bend.takeFault();                                  // { fail: 503 } twice, then undefined
 */
import { z } from "zod";
import type { BendClockRequest, BendNetworkRequest, BendState } from "../../console/api-types";
import type { SkewableClock } from "./skewable-clock";
import { durationInWords, offsetInWords } from "./words";

/** Bounds of each setting (inclusive). */
export const BendLimits = {
  /** One year either way. */
  maxClockOffsetMs: 365 * 86_400_000,
  maxFailNext: 100,
  maxSlowNext: 100,
  maxDelayMs: 30_000,
} as const;

export const DEFAULT_FAIL_STATUS = 503;

const count = (max: number) => z.number().int().min(0).max(max);

export const BendClockRequestSchema = z.strictObject({
  offsetMs: z.number().int().min(-BendLimits.maxClockOffsetMs).max(BendLimits.maxClockOffsetMs),
});

export const BendNetworkRequestSchema = z.strictObject({
  failNext: count(BendLimits.maxFailNext).optional(),
  failStatus: z
    .number()
    .int()
    .refine((s) => s === 429 || (s >= 500 && s <= 599), "429 or 500-599")
    .optional(),
  slowNext: count(BendLimits.maxSlowNext).optional(),
  delayMs: count(BendLimits.maxDelayMs).optional(),
});

/** What happens to one `/v1/` request: answered with a status at once, held first, or left alone. */
export type Fault = { readonly fail: number } | { readonly delayMs: number } | undefined;

const UNDO_NETWORK = "undo: clear the network faults (DELETE bend/network)";

export class Bend {
  private failNext = 0;
  private failStatus = DEFAULT_FAIL_STATUS;
  private slowNext = 0;
  private delayMs = 0;

  constructor(private readonly clock: SkewableClock) {}

  /** The state now, with each active change in words. */
  state(): BendState {
    return {
      clockOffsetMs: this.clock.offsetMs,
      failNext: this.failNext,
      failStatus: this.failStatus,
      slowNext: this.slowNext,
      delayMs: this.delayMs,
      changes: this.changes(),
    };
  }

  /** Shifts the clock; returns what changed in words. */
  setClock(request: BendClockRequest): string {
    this.clock.offsetMs = request.offsetMs;
    return request.offsetMs === 0
      ? "Service clock back to real time."
      : `Service clock shifted to ${offsetInWords(request.offsetMs)}.`;
  }

  /** Sets the given network faults (omitted ones stay); returns what changed in words. */
  setNetwork(request: BendNetworkRequest): string {
    if (request.failNext !== undefined) this.failNext = request.failNext;
    if (request.failStatus !== undefined) this.failStatus = request.failStatus;
    if (request.slowNext !== undefined) this.slowNext = request.slowNext;
    if (request.delayMs !== undefined) this.delayMs = request.delayMs;
    const said = [this.failWords(), this.slowWords()].filter((s) => s !== undefined).map((s) => `${s}.`);
    return said.length > 0 ? said.map(capitalise).join(" ") : "No network faults.";
  }

  /** Clears both network faults (the status and delay go back to their defaults). */
  clearNetwork(): string {
    this.failNext = 0;
    this.failStatus = DEFAULT_FAIL_STATUS;
    this.slowNext = 0;
    this.delayMs = 0;
    return "Network faults cleared.";
  }

  /** Takes the fault for the next `/v1/` request, counting it down: a failure first, else a delay. */
  takeFault(): Fault {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return { fail: this.failStatus };
    }
    if (this.slowNext > 0) {
      this.slowNext -= 1;
      return { delayMs: this.delayMs };
    }
    return undefined;
  }

  private changes(): string[] {
    const changes: string[] = [];
    if (this.clock.offsetMs !== 0) {
      changes.push(`service clock ${offsetInWords(this.clock.offsetMs)} (undo: reset the clock, DELETE bend/clock)`);
    }
    const fail = this.failWords();
    if (fail) changes.push(`${fail} (${UNDO_NETWORK})`);
    const slow = this.slowWords();
    if (slow) changes.push(`${slow} (${UNDO_NETWORK})`);
    return changes;
  }

  private failWords(): string | undefined {
    if (this.failNext === 0) return undefined;
    return `the next ${plural(this.failNext, "request")} to /v1/ will fail with ${this.failStatus}`;
  }

  private slowWords(): string | undefined {
    if (this.slowNext === 0) return undefined;
    const each = this.slowNext === 1 ? "" : " each";
    return `the next ${plural(this.slowNext, "request")} to /v1/ will be held ${durationInWords(this.delayMs)}${each}`;
  }
}

function plural(n: number, noun: string): string {
  return n === 1 ? noun : `${n} ${noun}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
