/**
 * The identity core's ports in a browser: `fetch`, `localStorage`, `Date`, `performance.now` (the monotonic clock),
 * window timers, `crypto.getRandomValues` and the console. The transport hands the core the answer headers it
 * reads for its trusted clock (`x-server-time`, `date`). Only the tester page's bundle imports this file.
 *
 * @example
 * const client = createHelpshiftClient(browserPorts(globalThis as unknown as BrowserGlobals));
 */
import type { Ports } from "../../core/ports";

/** The few browser globals the ports use (the project's types have no DOM library). */
export interface BrowserGlobals {
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<{
    status: number;
    text(): Promise<string>;
    readonly headers: { get(name: string): string | null };
  }>;
  readonly localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  readonly crypto: { getRandomValues(array: Uint8Array): Uint8Array };
  /** The page's monotonic clock (absent in odd hosts: the core then runs on the wall clock alone). */
  readonly performance?: { now(): number };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  readonly console: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
}

/**
 * The answer headers the core reads: the service's time, for its trusted clock (docs/core.md). The page is served
 * by the service, so these same-origin headers are readable without CORS exposure.
 */
export const CLOCK_HEADERS = ["x-server-time", "date"] as const;

/** Store keys are prefixed so the tester's state cannot collide with anything else on the origin. */
export const STORE_PREFIX = "helpshift-ts-tester:";

/**
 * Builds the ports. `storePrefix` separates apps: each app id gets its own persisted state.
 *
 * @example
 * browserPorts(window as unknown as BrowserGlobals, `${STORE_PREFIX}demo:`)
 */
export function browserPorts(g: BrowserGlobals, storePrefix = STORE_PREFIX): Ports {
  return {
    transport: {
      async send(request) {
        const init = {
          method: request.method,
          headers: { ...request.headers },
          ...(request.body !== undefined ? { body: request.body } : {}),
        };
        const response = await g.fetch(request.url, init);
        const body = await response.text();
        const headers: Record<string, string> = {};
        for (const name of CLOCK_HEADERS) {
          const value = response.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return { status: response.status, body, headers };
      },
    },
    store: {
      get: (key) => g.localStorage.getItem(storePrefix + key) ?? undefined,
      set: (key, value) => g.localStorage.setItem(storePrefix + key, value),
      remove: (key) => g.localStorage.removeItem(storePrefix + key),
    },
    clock: { now: () => Date.now() },
    ...(g.performance ? { monotonic: { now: () => (g.performance as { now(): number }).now() } } : {}),
    scheduler: {
      schedule: (callback, delayMs) => g.setTimeout(callback, delayMs),
      cancel: (handle) => g.clearTimeout(handle),
    },
    random: { bytes: (count) => g.crypto.getRandomValues(new Uint8Array(count)) },
    logger: {
      log(level, message, fields) {
        const line = `[helpshift-ts] ${level}: ${message}`;
        if (level === "error") g.console.error(line, fields ?? "");
        else if (level === "warn") g.console.warn(line, fields ?? "");
        else g.console.log(line, fields ?? "");
      },
    },
  };
}
