/**
 * Bends the network of the tester's own client, so the hard cases happen now: fail the next N requests (as a
 * network failure: the client keeps its outbox and retries), delay the next N requests by X ms, or go offline
 * (every request fails until it is turned off). A transport wrapper plus its controls; pure ECMAScript on a
 * {@link Scheduler} port, so it runs (and is tested) in Node, the browser and a bare engine alike. Each control
 * answers in words what it changed, and each can be undone.
 *
 * @example
 * const bend = createNetworkBend({ scheduler, clock });
 * const transport = bend.wrap(ports.transport);
 * bend.failNext(2); // "The next 2 requests will fail as network errors."
 * bend.undo("fail"); // "Undone: no more requests will fail (2 were still to fail)."
 */
import type { Clock, HttpRequest, Scheduler, Transport } from "../core/ports";

/** What the bend does to requests now. */
export interface NetworkBendState {
  /** Requests still to fail (as a network failure). */
  readonly failNext: number;
  /** Requests still to delay, and by how long each. */
  readonly delayNext: number;
  readonly delayMs: number;
  /** Every request fails while true. */
  readonly offline: boolean;
  /** Requests failed (offline or "fail next") and delayed so far. */
  readonly failed: number;
  readonly delayed: number;
  /** What the last control changed, in words. */
  readonly lastChange?: string;
}

/** What happened to one request the bend touched. */
export interface BentRequest {
  readonly atMs: number;
  /** `failed` by "fail next", `offline`, or `delayed` by `delayMs`. */
  readonly what: "failed" | "offline" | "delayed";
  readonly method: string;
  /** The request's path (no query, no host): `/v1/apps/demo/attributes`. */
  readonly path: string;
  readonly delayMs?: number;
}

/** Which control {@link NetworkBend.undo} undoes. */
export type BendControl = "fail" | "delay" | "offline";

export interface NetworkBend {
  /** The transport, bent. Wrap the innermost transport, so counters and clocks around it see the failures. */
  wrap(inner: Transport): Transport;
  /** The next `count` requests fail as network failures (replaces an earlier count). Returns what changed. */
  failNext(count: number): string;
  /** The next `count` requests wait `delayMs` before they are sent (replaces an earlier setting). */
  delayNext(count: number, delayMs: number): string;
  /** Offline: every request fails until turned off. */
  setOffline(offline: boolean): string;
  /** Undoes one control: no more failures, no more delays, or back online. */
  undo(control: BendControl): string;
  getState(): NetworkBendState;
  /** Hears every change of the state and every request the bend touched. Returns the function that stops it. */
  subscribe(listener: (state: NetworkBendState, bent?: BentRequest) => void): () => void;
}

/** The error a bent request rejects with (the core takes any rejection as a network failure). */
export class BentNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BentNetworkError";
  }
}

/** Largest count and delay the controls take: a typo must not stall the tester for hours. */
export const MAX_BEND_COUNT = 1000;
export const MAX_BEND_DELAY_MS = 120_000;

const requests = (n: number) => (n === 1 ? "1 request" : `${n} requests`);

/** `/v1/apps/demo/attributes` from an absolute URL (the path only: never a query). */
export function requestPath(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return (match ? match[1] : url.split(/[?#]/)[0]) || "/";
}

/** A whole number in [0, max], or undefined for anything else. */
export function bendNumber(value: unknown, max: number): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/**
 * Creates a bend with nothing bent.
 *
 * @example
 * const bend = createNetworkBend({ scheduler: { schedule: setTimeout, cancel: clearTimeout }, clock: Date });
 */
export function createNetworkBend(deps: { readonly scheduler: Scheduler; readonly clock: Clock }): NetworkBend {
  let state: NetworkBendState = { failNext: 0, delayNext: 0, delayMs: 0, offline: false, failed: 0, delayed: 0 };
  const listeners = new Set<(state: NetworkBendState, bent?: BentRequest) => void>();

  const set = (next: Partial<NetworkBendState>, bent?: BentRequest): void => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener(state, bent);
  };
  const changed = (next: Partial<NetworkBendState>, words: string): string => {
    set({ ...next, lastChange: words });
    return words;
  };
  const touched = (request: HttpRequest, what: BentRequest["what"], next: Partial<NetworkBendState>, ms?: number) =>
    set(next, {
      atMs: deps.clock.now(),
      what,
      method: request.method,
      path: requestPath(request.url),
      ...(ms !== undefined ? { delayMs: ms } : {}),
    });
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      deps.scheduler.schedule(resolve, ms);
    });

  const bend: NetworkBend = {
    wrap: (inner) => ({
      async send(request) {
        if (state.offline) {
          touched(request, "offline", { failed: state.failed + 1 });
          throw new BentNetworkError("offline (bent by the tester)");
        }
        if (state.failNext > 0) {
          touched(request, "failed", { failNext: state.failNext - 1, failed: state.failed + 1 });
          throw new BentNetworkError("request failed (bent by the tester)");
        }
        if (state.delayNext > 0) {
          const ms = state.delayMs;
          touched(request, "delayed", { delayNext: state.delayNext - 1, delayed: state.delayed + 1 }, ms);
          await wait(ms);
          // Gone offline while it waited: it fails like any other request now.
          if (state.offline) {
            touched(request, "offline", { failed: state.failed + 1 });
            throw new BentNetworkError("offline (bent by the tester)");
          }
        }
        return inner.send(request);
      },
    }),
    failNext(count) {
      const n = bendNumber(count, MAX_BEND_COUNT);
      if (n === undefined)
        return changed({}, `Not changed: the count must be a whole number from 0 to ${MAX_BEND_COUNT}.`);
      if (n === 0) return bend.undo("fail");
      return changed({ failNext: n }, `The next ${requests(n)} will fail as network errors.`);
    },
    delayNext(count, delayMs) {
      const n = bendNumber(count, MAX_BEND_COUNT);
      const ms = bendNumber(delayMs, MAX_BEND_DELAY_MS);
      if (n === undefined || ms === undefined) {
        return changed(
          {},
          `Not changed: the count must be a whole number from 0 to ${MAX_BEND_COUNT}, the delay from 0 to ${MAX_BEND_DELAY_MS} ms.`,
        );
      }
      if (n === 0 || ms === 0) return bend.undo("delay");
      return changed(
        { delayNext: n, delayMs: ms },
        `The next ${requests(n)} will wait ${ms} ms before ${n === 1 ? "it is" : "they are"} sent.`,
      );
    },
    setOffline(offline) {
      if (!offline) return bend.undo("offline");
      return changed({ offline: true }, "Offline: every request fails as a network error until you go back online.");
    },
    undo(control) {
      if (control === "fail") {
        const left = state.failNext;
        return changed(
          { failNext: 0 },
          left > 0
            ? `Undone: no more requests will fail (${left} ${left === 1 ? "was" : "were"} still to fail).`
            : "Nothing to undo: no requests were set to fail.",
        );
      }
      if (control === "delay") {
        const left = state.delayNext;
        return changed(
          { delayNext: 0, delayMs: 0 },
          left > 0
            ? `Undone: no more requests will be delayed (${left} ${left === 1 ? "was" : "were"} still to wait).`
            : "Nothing to undo: no requests were set to wait.",
        );
      }
      return changed(
        { offline: false },
        state.offline ? "Back online: requests go out again." : "Nothing to undo: the tester was online.",
      );
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return bend;
}
