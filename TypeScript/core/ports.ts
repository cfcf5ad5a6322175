/**
 * The ports the identity core is handed. The core never touches `Date.now`, `setTimeout`, `fetch`, files,
 * Node or `ue`: each platform entry point (TypeScript/node, TypeScript/ue, tests) supplies adapters.
 *
 * @example
 * const client = createHelpshiftClient({ transport, store, clock, scheduler, random, logger });
 */

/** One HTTP request. `url` is absolute. */
export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One HTTP answer: any status (4xx/5xx included) resolves; only a failure to reach the service rejects. */
export interface HttpResponse {
  readonly status: number;
  readonly body: string;
  /**
   * Answer headers, names in lower case (optional: a transport that cannot read them leaves this out). The core
   * reads only `x-server-time` and `date` from them, to estimate the service's clock.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends HTTP. Rejects (with anything) when the network fails: the core maps that to `networkError`. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * Synchronous key-value persistence (files under `Saved/` in Unreal, a directory in Node, memory in tests).
 * Synchronous so that a write is durable before the call that caused it returns.
 */
export interface Store {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** Wall clock, epoch milliseconds. */
export interface Clock {
  now(): number;
}

/**
 * A monotonic clock, milliseconds from an arbitrary origin: never jumps with wall-clock changes (Node:
 * `performance.now()`; Unreal: `FPlatformTime::Seconds() * 1000`). It may or may not count time the device spent
 * suspended; the core copes with both.
 */
export interface MonotonicClock {
  now(): number;
}

/** An opaque timer handle. */
export type TimerHandle = unknown;

/** Timers. */
export interface Scheduler {
  /** Runs `callback` once after `delayMs` (any length: adapters chain delays their platform cannot hold). */
  schedule(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a scheduled callback; unknown or spent handles are ignored. */
  cancel(handle: TimerHandle): void;
}

/** Randomness for anonymous ids and batch ids; cryptographic where the platform has it. */
export interface Random {
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
}

/** Log levels, lowest first. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A sink for log lines. The core redacts before it calls the logger. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Everything the core needs from its platform. */
export interface Ports {
  readonly transport: Transport;
  readonly store: Store;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly random: Random;
  readonly logger: Logger;
  /**
   * Optional monotonic clock. With it, a wall-clock jump or a suspend is detected (the two clocks disagree) and the
   * session is re-checked against the service's time; without it the wall clock (skew-corrected) is trusted.
   */
  readonly monotonic?: MonotonicClock;
}
