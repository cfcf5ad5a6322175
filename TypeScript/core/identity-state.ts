/**
 * The observable identity state: derived from the client's variables, published when it changes, and replayed
 * to a listener that binds late (it gets the current state first), so nobody has to tell "logged out" from "still
 * starting" by guessing.
 */
import type { ClientState, ClientStateListener, IdentityStateName, RefreshReason } from "./api";
import { defer } from "./defer";
import type { CoreLog } from "./log";
import type { SessionRecord } from "./persisted";

/** What the state is derived from. */
export interface StateInputs {
  readonly initialized: boolean;
  readonly loggingIn: boolean;
  readonly record: SessionRecord | undefined;
  /** A refresh is running, and why. */
  readonly refreshing: RefreshReason | undefined;
  readonly expired: boolean;
}

/**
 * Derives the state. `status` and `expired` keep their old meaning (three statuses, the sticky flag); `state`
 * is the finer one: a refresh shows as `refreshing` (the user stays logged in meanwhile), an expired session with
 * no login or refresh running as `expired`.
 *
 * @example
 * deriveState({ initialized: true, loggingIn: false, record: undefined, refreshing: undefined, expired: true })
 * // { initialized: true, status: "loggedOut", expired: true, state: "expired" }
 */
export function deriveState(inputs: StateInputs): ClientState {
  const { initialized, loggingIn, record, refreshing, expired } = inputs;
  const status = loggingIn ? "loggingIn" : record ? "loggedIn" : "loggedOut";
  let state: IdentityStateName;
  if (!initialized) state = "notInitialized";
  else if (loggingIn) state = "loggingIn";
  else if (refreshing && record) state = "refreshing";
  else if (record && !expired) state = "loggedIn";
  else if (expired) state = "expired";
  else state = "loggedOut";
  const base = { initialized, status, expired, state } as const;
  if (!record) return base;
  const out: ClientState = {
    ...base,
    userId: record.userId,
    anonymous: record.anonymous,
    identity: record.anonymous ? "anonymous" : "identified",
    expiresAt: record.expiresAt,
    ...(record.startedAt !== undefined ? { startedAt: record.startedAt } : {}),
  };
  return refreshing && state === "refreshing" ? { ...out, refreshReason: refreshing } : out;
}

/** Publishes state changes to listeners. */
export interface StateFeed {
  /** The state changed (or may have): listeners hear it if it differs from the last one published. */
  publish(state: ClientState): void;
  /** Adds a listener; it hears the last published state first. Returns the function that removes it. */
  add(listener: ClientStateListener): () => void;
  close(): void;
}

const same = (a: ClientState, b: ClientState) =>
  a.state === b.state &&
  a.status === b.status &&
  a.expired === b.expired &&
  a.initialized === b.initialized &&
  a.userId === b.userId &&
  a.anonymous === b.anonymous &&
  a.expiresAt === b.expiresAt &&
  a.startedAt === b.startedAt &&
  a.refreshReason === b.refreshReason;

/**
 * Deliveries are asynchronous (a microtask, like events), in order per listener; a listener that throws is logged.
 *
 * @example
 * const feed = createStateFeed(log, initial);
 * feed.add((s) => console.log(s.state)); // logs the current state, then each change
 */
export function createStateFeed(log: CoreLog, initial: ClientState): StateFeed {
  const listeners = new Set<ClientStateListener>();
  let last = initial;
  let closed = false;
  const deliver = (listener: ClientStateListener, state: ClientState) =>
    defer(
      () => {
        if (!closed && listeners.has(listener)) listener(Object.freeze({ ...state }));
      },
      (error) => log.error("state listener threw", { error: String(error) }),
    );
  return {
    publish(state) {
      if (closed || same(state, last)) return;
      last = state;
      log.debug("identity state", { state: state.state });
      for (const listener of listeners) deliver(listener, state);
    },
    add(listener) {
      if (closed) return () => undefined;
      listeners.add(listener);
      deliver(listener, last);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
    },
  };
}
