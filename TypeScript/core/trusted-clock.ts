/**
 * The clock the session's decisions run on: the service's time, estimated from its answers and carried forward by
 * the device's clocks, so that a wrong device clock, a wall-clock change or a suspended game does not decide when a
 * session refreshes or expires.
 */
import type { Clock, MonotonicClock } from "./ports";

/**
 * Wall and monotonic elapsed times that differ by more than this (since the last anchor) mean the wall clock
 * jumped or the game was suspended while the monotonic clock stood still: the session is re-checked. **(ours)**
 */
export const CLOCK_DISAGREEMENT_MS = 60_000;

/** The service's clock as the client estimates it. Times are epoch ms on the service's clock. */
export interface TrustedClock extends Clock {
  /** The service's time now (estimate). */
  now(): number;
  /** The service's time minus the device's wall clock, now (positive: the service is ahead). */
  offset(): number;
  /**
   * The service said its time was `serverTime` in an answer to a request sent at `sent` (this clock's
   * {@link stamp}). Re-anchors the estimate (half the round trip added) and marks it verified.
   */
  observe(serverTime: number, sent: SendStamp): void;
  /** Takes `offsetMs` (a restored session's skew) as the estimate, unless the service was heard from already. */
  assumeOffset(offsetMs: number): void;
  /** The moment a request is sent, for {@link observe}. */
  stamp(): SendStamp;
  /**
   * True when the wall and monotonic clocks disagreed since the last anchor (a wall-clock jump, or a suspend that
   * stopped the monotonic clock): the estimate keeps the larger elapsed time (never late for an expiry), stops
   * being verified, and re-anchors so the same jump is reported once. Always false without a monotonic clock.
   */
  checkJump(): boolean;
  /** True when the estimate comes from an answer of the service since the last jump. */
  readonly verified: boolean;
}

/** When a request left, on both device clocks. */
export interface SendStamp {
  readonly wall: number;
  readonly mono?: number;
}

interface Anchor {
  readonly service: number;
  readonly wall: number;
  readonly mono?: number;
}

/**
 * Makes the trusted clock. Before any answer it is the wall clock (offset 0, or a restored session's skew).
 * Elapsed time since the last anchor is the larger of the wall and monotonic elapsed times: a wall clock set back
 * does not make a session live longer, a suspend that stopped the monotonic clock does not either.
 *
 * @example
 * const trusted = createTrustedClock(ports.clock, ports.monotonic);
 * const sent = trusted.stamp();
 * // ... the answer says serverTime ...
 * trusted.observe(serverTime, sent);
 * if (trusted.now() >= serviceExpiresAt) expire();
 */
export function createTrustedClock(wall: Clock, mono?: MonotonicClock): TrustedClock {
  const readMono = () => (mono ? mono.now() : undefined);
  const anchorAt = (service: number): Anchor => {
    const m = readMono();
    return m === undefined ? { service, wall: wall.now() } : { service, wall: wall.now(), mono: m };
  };
  let anchor = anchorAt(wall.now());
  let heard = false;
  let verified = false;

  const elapsed = () => {
    const wallElapsed = wall.now() - anchor.wall;
    const m = readMono();
    if (m === undefined || anchor.mono === undefined) return { wallElapsed, monoElapsed: undefined };
    return { wallElapsed, monoElapsed: m - anchor.mono };
  };
  const now = () => {
    const { wallElapsed, monoElapsed } = elapsed();
    return anchor.service + (monoElapsed === undefined ? wallElapsed : Math.max(wallElapsed, monoElapsed));
  };

  return {
    now,
    offset: () => now() - wall.now(),
    stamp() {
      const m = readMono();
      return m === undefined ? { wall: wall.now() } : { wall: wall.now(), mono: m };
    },
    observe(serverTime, sent) {
      if (!Number.isFinite(serverTime)) return;
      const m = readMono();
      const trip = m !== undefined && sent.mono !== undefined ? m - sent.mono : wall.now() - sent.wall;
      anchor = anchorAt(serverTime + Math.max(0, trip) / 2);
      heard = true;
      verified = true;
    },
    assumeOffset(offsetMs) {
      if (heard || !Number.isFinite(offsetMs)) return;
      anchor = anchorAt(wall.now() + offsetMs);
    },
    checkJump() {
      const { wallElapsed, monoElapsed } = elapsed();
      if (monoElapsed === undefined || Math.abs(wallElapsed - monoElapsed) <= CLOCK_DISAGREEMENT_MS) return false;
      anchor = anchorAt(now());
      verified = false;
      return true;
    },
    get verified() {
      return verified;
    },
  };
}

/**
 * The service's time in an answer: the body's `serverTime` (login, every answer of this project's service),
 * else the `x-server-time` header (epoch ms), else the HTTP `date` header (whole seconds, so the middle of that
 * second). Undefined when the answer carries none.
 *
 * @example
 * serverTimeOf({ "x-server-time": "1768478400000" }, undefined) // 1768478400000
 */
export function serverTimeOf(headers: Readonly<Record<string, string>> | undefined, body: unknown): number | undefined {
  if (body !== null && typeof body === "object" && "serverTime" in body) {
    const value = (body as { serverTime: unknown }).serverTime;
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  if (!headers) return undefined;
  const header = headers["x-server-time"];
  if (header !== undefined && /^\d{1,16}$/.test(header)) return Number(header);
  const date = headers.date;
  if (date === undefined) return undefined;
  const parsed = Date.parse(date);
  return Number.isFinite(parsed) ? parsed + 500 : undefined;
}
