/**
 * Where a refresh gets its fresh identity token: the app's `identityTokenProvider` function, or the host through
 * `identityTokenRequested` / `provideIdentityToken` (Blueprint and C++ cannot hand a JS function over the bridge).
 */
import type { IdentityTokenProvider, IdentityTokenRequest, RefreshReason } from "./api";
import { defer } from "./defer";
import type { CoreLog } from "./log";
import type { TimerSet } from "./timers";

/** A provider (or host) that has not answered after this long has failed this attempt. **(ours)** */
export const IDENTITY_TOKEN_TIMEOUT_MS = 30_000;

/** Gets fresh identity tokens. */
export interface TokenSource {
  /** True when the app configured a provider or host requests: the client refreshes sessions itself. */
  readonly configured: boolean;
  /** Sets the provider or host requests (at `Init`). */
  configure(provider: IdentityTokenProvider | undefined, hostRequests: boolean): void;
  /** A fresh token; rejects when the provider throws, rejects, times out or the host says it failed. */
  get(reason: RefreshReason): Promise<string>;
  /** Host listeners of token requests. */
  add(listener: (request: IdentityTokenRequest) => void): () => void;
  /** The host's answer to the pending request (ignored when `requestId` names another). */
  provide(jwt: string, requestId?: number): void;
  /** The host cannot answer the pending request. */
  fail(requestId?: number): void;
  /** Settles a pending request as failed and refuses new ones (dispose). */
  close(): void;
}

/** What {@link createTokenSource} is given. */
export interface TokenSourceOptions {
  readonly timers: TimerSet;
  readonly log: CoreLog;
  readonly timeoutMs?: number;
}

interface Pending {
  readonly id: number;
  readonly resolve: (jwt: string) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Makes the token source. One request at a time is enough: the refresh that asks is single-flight.
 *
 * @example
 * const source = createTokenSource({ timers, log });
 * source.configure((reason) => backend.helpshiftToken(), false);
 * const jwt = await source.get("refresh");
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { timers, log } = options;
  let provider: IdentityTokenProvider | undefined;
  let hostRequests = false;
  const timeoutMs = options.timeoutMs ?? IDENTITY_TOKEN_TIMEOUT_MS;
  const listeners = new Set<(request: IdentityTokenRequest) => void>();
  let pending: Pending | undefined;
  let nextId = 1;
  let closed = false;

  const withTimeout = (work: (settle: Pending) => void): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      if (closed) {
        reject(new Error("client disposed"));
        return;
      }
      let done = false;
      const finish = () => {
        done = true;
        timer.cancel();
        if (pending?.id === entry.id) pending = undefined;
      };
      const entry: Pending = {
        id: nextId++,
        resolve: (jwt) => {
          if (done) return;
          finish();
          resolve(jwt);
        },
        reject: (error) => {
          if (done) return;
          finish();
          reject(error);
        },
      };
      const timer = timers.after(timeoutMs, () => entry.reject(new Error(`no identity token within ${timeoutMs} ms`)));
      pending?.reject(new Error("superseded"));
      pending = entry;
      work(entry);
    });

  const fromProvider = (fn: IdentityTokenProvider, reason: RefreshReason) =>
    withTimeout((entry) => {
      let answer: Promise<string>;
      try {
        answer = Promise.resolve(fn(reason));
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (jwt) => entry.resolve(jwt),
        (error: unknown) => entry.reject(new Error(`identity token provider failed: ${String(error)}`)),
      );
    });

  const fromHost = (reason: RefreshReason) =>
    withTimeout((entry) => {
      const request: IdentityTokenRequest = Object.freeze({ reason, requestId: entry.id });
      if (listeners.size === 0) log.warn("an identity token is needed but nobody listens to identityTokenRequested");
      for (const listener of [...listeners]) {
        defer(
          () => listener(request),
          (error) => log.error("identityTokenRequested listener threw", { error: String(error) }),
        );
      }
    });

  const matches = (requestId?: number) =>
    pending !== undefined && (requestId === undefined || requestId === pending.id);

  return {
    get configured() {
      return provider !== undefined || hostRequests;
    },
    configure(fn, host) {
      provider = fn;
      hostRequests = host;
    },
    get(reason) {
      if (provider) return fromProvider(provider, reason);
      if (hostRequests) return fromHost(reason);
      return Promise.reject(new Error("no identity token provider"));
    },
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    provide(jwt, requestId) {
      if (!matches(requestId)) {
        log.warn("provideIdentityToken ignored: no identity token request is pending with this id", { requestId });
        return;
      }
      pending?.resolve(jwt);
    },
    fail(requestId) {
      if (!matches(requestId)) {
        log.warn("provideIdentityTokenFailed ignored: no identity token request is pending with this id", {
          requestId,
        });
        return;
      }
      pending?.reject(new Error("the host could not provide an identity token"));
    },
    close() {
      closed = true;
      listeners.clear();
      pending?.reject(new Error("client disposed"));
    },
  };
}
