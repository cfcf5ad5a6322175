/**
 * The public API of the identity client: the mirror of the Helpshift Unreal SDK's static calls
 * (`LoginWithIdentity`, `AddUserIdentities`, ...) and a Promise API beside it.
 */
import type {
  AttributeMap,
  AttributeRules,
  ErrorMap,
  FailureDetail,
  HelpshiftEvent,
  LoginConfig,
  LoginFailureReason,
} from "../contract";
import type { LogLevel } from "./ports";

/** `Init` parameters: the install config. */
export interface HelpshiftInitParameters extends AttributeRules {
  /** Base URL of the identity service, e.g. `http://127.0.0.1:8787`. */
  readonly serviceUrl: string;
  /** The app id registered with the service. */
  readonly appId: string;
  /** Attribute outbox flush interval (default 30 000 ms). */
  readonly flushIntervalMs?: number;
  /** `refreshUserCredentials` lead before expiry, seconds (default 48 h; the service may send its own). */
  readonly refreshLeadSeconds?: number;
  /** Lowest level that reaches the logger (default `info`). */
  readonly logLevel?: LogLevel;
  /**
   * Optional token provider (TS hosts). When set, the client refreshes the session itself: at the refresh point
   * (`"refresh"`) and when the session has expired (`"expired"`) it asks for a fresh identity token and logs the
   * same user in again with the same login config, in place. The events still fire. A token naming another user
   * is refused. Not JSON: leave it out when the parameters cross a bridge; use {@link requestIdentityTokens}.
   */
  readonly identityTokenProvider?: IdentityTokenProvider;
  /**
   * The token provider for hosts that cannot hand over a function (Blueprint/C++ through the bridge): the client
   * asks with `onIdentityTokenRequested` listeners and the host answers with `provideIdentityToken(jwt)` or
   * `provideIdentityTokenFailed()`. Ignored when {@link identityTokenProvider} is set. Default false.
   */
  readonly requestIdentityTokens?: boolean;
}

/** Why the client wants a fresh identity token: ahead of expiry, or because the session has expired. */
export type RefreshReason = "refresh" | "expired";

/** Returns a fresh identity token (JWT) for the user logged in now; rejects when it cannot. */
export type IdentityTokenProvider = (reason: RefreshReason) => Promise<string>;

/** A request for a fresh identity token, to be answered with `provideIdentityToken(jwt, requestId)`. */
export interface IdentityTokenRequest {
  readonly reason: RefreshReason;
  /** Names this request; an answer with another id (a late answer to an earlier one) is ignored. */
  readonly requestId: number;
}

/** Why a login failed, as data: `reason` is one of the contract's failure reasons (docs/contract.md). */
export interface LoginFailureData {
  readonly reason: LoginFailureReason;
  readonly errors: ErrorMap;
  readonly detail?: FailureDetail;
}

/** Event data: `{key → error value}` for the events that carry it, else empty. */
export type HelpshiftEventData = Readonly<Record<string, string>>;

/** Receives every event with its data (a frozen copy per listener). */
export type HelpshiftEventListener = (event: HelpshiftEvent, data: HelpshiftEventData) => void;

/** Where the client is (coarse; see {@link IdentityStateName} for the finer state). */
export type SessionStatus = "loggedOut" | "loggingIn" | "loggedIn";

/**
 * The identity state: `notInitialized` (before `Init`), `loggedOut`, `loggingIn`, `loggedIn`, `refreshing` (the
 * user stays logged in while the client gets a fresh session), `expired` (the session ended on the service's word
 * or its expiry; `userSessionExpired` was sent; until a login succeeds).
 */
export type IdentityStateName = "notInitialized" | "loggedOut" | "loggingIn" | "loggedIn" | "refreshing" | "expired";

/**
 * A snapshot of the client, for UIs and tests.
 *
 * @example
 * if (client.getState().status === "loggedIn") showProfile();
 */
export interface ClientState {
  readonly initialized: boolean;
  readonly status: SessionStatus;
  readonly userId?: string;
  readonly anonymous?: boolean;
  /** Session expiry on the local clock (skew-corrected), epoch ms. */
  readonly expiresAt?: number;
  /**
   * When the session began, on the same clock as `expiresAt` (the login answer's `serverTime`, skew-corrected), epoch
   * ms: `expiresAt - startedAt` is the session's lifetime. Absent for sessions stored before it existed.
   */
  readonly startedAt?: number;
  /** True once the session has expired and no login has succeeded since. */
  readonly expired: boolean;
  /**
   * The identity state (finer than `status`). Always set by `createHelpshiftClient`; optional in the type only so
   * that snapshots made before it existed (fixtures, fakes) still type-check.
   */
  readonly state?: IdentityStateName;
  /** With a session: `identified` or `anonymous` (the same as `anonymous`, spelled for UIs and Blueprint). */
  readonly identity?: "identified" | "anonymous";
  /** While `refreshing`: why. */
  readonly refreshReason?: RefreshReason;
}

/** Hears the state: the current one when added, then every change, in order (asynchronously). */
export type ClientStateListener = (state: ClientState) => void;

/** Which attribute map: master (global) or app-specific. */
export type AttributeScope = "master" | "app";

/**
 * One part of the logged-in user's attribute outbox, for UIs: the entries of one scope waiting to be cut into a
 * batch (`queued`), or one scope of the batch cut and sent (`sending`, or `waitingToRetry` after a failure: it is
 * re-sent with the same `batchId`).
 */
export interface PendingBatchView {
  readonly scope: AttributeScope;
  /**
   * Each entry's key, as the service keys a refusal: plain keys, `custom_user_fields.<field>`, `new_tags.<tag>`,
   * `tags_to_remove.<tag>`, `reset_tags.<tag>` (`reset_tags` for an empty reset). Keys only, never values.
   */
  readonly keys: readonly string[];
  readonly state: "queued" | "sending" | "waitingToRetry";
  /** The batch's id, once cut (the same across retries and restarts). */
  readonly batchId?: string;
  /** Sends of this batch tried by this client so far (0 while queued). */
  readonly attempts: number;
  /** When the first of these entries was queued (local epoch ms); absent for entries an earlier run stored. */
  readonly queuedAt?: number;
  /** Why the last send did not deliver it: `network`, `HTTP 503`, `rateLimited`, `sessionInvalid`, ... */
  readonly lastFailure?: string;
}

/** What became of one attribute entry the service answered for: `sent` (accepted) or `refused` with the reason. */
export interface AttributeKeyFate {
  readonly userId: string;
  readonly scope: AttributeScope;
  /** Keyed like {@link PendingBatchView.keys}. */
  readonly key: string;
  readonly fate: "sent" | "refused";
  /** With `refused`: the error value of the service's `refused` map (`invalidData`). */
  readonly reason?: string;
  /** With `refused`: more words, when the service refused the whole batch (`the whole batch: HTTP 400 badRequest`). */
  readonly detail?: string;
  readonly batchId: string;
  /** Sends it took. */
  readonly attempts: number;
  /** When the answer arrived (local epoch ms). */
  readonly atMs: number;
}

/** The logged-in user's outbox and the fates of recently answered entries, newest first. */
export interface OutboxView {
  /** The user whose outbox `pending` is; absent when nobody is logged in (then `pending` is empty). */
  readonly userId?: string;
  /** In flight first (master, then app), then what is queued behind it. */
  readonly pending: readonly PendingBatchView[];
  /** The last 50 entries the service answered for (any user of this client), newest first. */
  readonly settled: readonly AttributeKeyFate[];
}

/** Hears the outbox: the current view when added, then every change (asynchronously, coalesced). */
export type OutboxListener = (view: OutboxView) => void;

/**
 * The identity client. Every callback is asynchronous and fires exactly once.
 *
 * @example
 * client.Init({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
 * client.LoginWithIdentity(jwt, { full_privacy_enabled: false },
 *   () => console.log("logged in"),
 *   (reason, errors) => console.warn(reason, errors));
 */
export interface HelpshiftClient {
  /** Must be called first. Restores persisted state (anonymous id, session, pending attributes). */
  Init(parameters: HelpshiftInitParameters): void;
  /** The vendor's login call. `onFailure(reason, errors, detail?)`. */
  LoginWithIdentity(
    identityJwt: string,
    loginConfig: LoginConfig,
    onSuccess: () => void,
    onFailure: (reason: LoginFailureReason, errors: ErrorMap, detail?: FailureDetail) => void,
  ): void;
  /** Promise form of {@link LoginWithIdentity}: rejects with a {@link LoginFailure}. */
  loginWithIdentity(identityJwt: string, loginConfig?: LoginConfig): Promise<void>;
  /** Adds identities to the logged-in, non-anonymous user; no-op otherwise. Problems arrive as events. */
  AddUserIdentities(identitiesJwt: string): void;
  /** Promise form: resolves when the service answered (or at once for a no-op); never rejects. */
  addUserIdentities(identitiesJwt: string): Promise<void>;
  UpdateMasterAttributes(attributes: AttributeMap): void;
  UpdateAppAttributes(attributes: AttributeMap): void;
  /**
   * The vendor's `ClearAnonymousUserOnLogin(bool)`. `true` (the default, the vendor's documented behaviour): the next
   * successful login with a non-empty JWT discards the device's stored anonymous user, so a later empty-JWT
   * login creates a new one. `false`: identified logins keep it, so after a logout an empty-JWT login comes back
   * to the same anonymous user. Applies from the call on, to every later login; not persisted (call it after each
   * `Init`). Before `Init`, or with a non-boolean, it is ignored with an error logged.
   */
  ClearAnonymousUserOnLogin(clear: boolean): void;
  /** The same call under the Promise API's naming (it completes at once: nothing to wait for). */
  clearAnonymousUserOnLogin(clear: boolean): void;
  /** Flushes the user's pending attributes with their session, then ends it. */
  Logout(): void;
  logout(): Promise<void>;
  /** Sends pending attribute batches now. */
  flush(): Promise<void>;
  /** The engine says the app came to the foreground: re-check the session on the wall clock. */
  appForeground(): void;
  /** The engine says the app went to the background: flush the outbox. */
  appBackground(): void;
  /** Adds an event listener; returns the function that removes it. */
  addEventListener(listener: HelpshiftEventListener): () => void;
  getState(): ClientState;
  /**
   * Listens to the identity state: called with the current state right after binding (a microtask later), then
   * with every change. Returns the function that stops listening.
   */
  onStateChange(listener: ClientStateListener): () => void;
  /** The logged-in user's pending attribute outbox, read-only (empty when nobody is logged in). */
  getPendingAttributes(): readonly PendingBatchView[];
  /** The pending outbox and the fates of recently answered entries (sent, refused and why). */
  getOutbox(): OutboxView;
  /**
   * Listens to the outbox: called with the current view right after binding (a microtask later), then after every
   * change (queued, cut, sent, failed, answered; the user logging in or out), changes within one turn delivered
   * once. Returns the function that stops listening.
   */
  onOutboxChange(listener: OutboxListener): () => void;
  /**
   * Listens to identity token requests (only with `requestIdentityTokens: true` in `Init`). Answer each with
   * {@link provideIdentityToken} or {@link provideIdentityTokenFailed}; unanswered, it times out.
   */
  onIdentityTokenRequested(listener: (request: IdentityTokenRequest) => void): () => void;
  /** Answers the pending identity token request (the one named `requestId`, when given). */
  provideIdentityToken(identityJwt: string, requestId?: number): void;
  /** Says the pending identity token request cannot be answered (it is retried with backoff, within a budget). */
  provideIdentityTokenFailed(requestId?: number): void;
  /**
   * Refreshes the session now with the token provider (a "refresh"), joining one already running. Resolves true
   * when the session was renewed; false when there is nothing to refresh, no provider, or it failed.
   */
  refreshSession(): Promise<boolean>;
  /**
   * Stops timers and fails a pending login with `unknownError` / `disposed`; pending `flush`, `logout` and
   * `addUserIdentities` Promises resolve at once. Nothing fires and nothing is sent afterwards; a late answer
   * of the transport changes nothing.
   */
  dispose(): void;
}
