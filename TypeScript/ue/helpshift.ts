/**
 * The gameplay facade: for TypeScript running in the game's own Puerts JsEnv. It never builds a second
 * identity client; it calls the plugin's UFUNCTIONs by reflection, so the subsystem's env stays the one owner
 * of the identity state. Each login binds to the delegate properties of its own async action object and
 * unbinds when it settles, so no delegate proxy outlives the call.
 *
 * @example
 * import { createHelpshift, LoginFailure } from "HelpshiftTS/helpshift";
 * const helpshift = createHelpshift(gameInstance);
 * const stop = helpshift.on("userSessionExpired", () => relogin());
 * const stopState = helpshift.onStateChange((s) => showBadge(s.state === "refreshing" ? "Refreshing…" : s.state));
 * async function logIn(jwt: string) { // Puerts loads CommonJS: no top-level await
 *   try { await helpshift.loginWithIdentity(jwt, { full_privacy_enabled: false }); }
 *   catch (e) { if (e instanceof LoginFailure) console.warn(e.reason, e.errors, e.detail); }
 * }
 */
import type * as UE from "ue";
// Deep imports on purpose: the contract's index also carries the zod protocol schemas, which this small module
// (shipped to every gameplay JsEnv) does not need.
import type { AttributeMap } from "../contract/attributes";
import type { LoginConfig } from "../contract/config";
import { ErrorValue, FailureDetail, HelpshiftEvent, LoginFailureReason } from "../contract/names";
import type { ErrorMap } from "../contract/result";
import type { HelpshiftEventData, IdentityStateName, RefreshReason } from "../core/api";
import { HostEvent } from "./commands";
import type { InitFields } from "./messages";
import { type StringTMap, tmapToRecord } from "./tmap";

/** A failed login, as data (`reason` is one of the contract's failure reasons). */
export class LoginFailure extends Error {
  readonly reason: LoginFailureReason;
  readonly errors: ErrorMap;
  readonly detail?: FailureDetail;
  constructor(reason: LoginFailureReason, errors: ErrorMap, detail?: FailureDetail) {
    super(`login failed: ${reason}`);
    this.name = "LoginFailure";
    this.reason = reason;
    this.errors = errors;
    if (detail) this.detail = detail;
  }
}

export type EventListener = (event: HelpshiftEvent, data: HelpshiftEventData) => void;

/** A request for a fresh identity token (the plugin's identityTokenRequested event). */
export interface IdentityTokenRequest {
  readonly requestId: number;
  readonly reason: "refresh" | "expired";
}

/**
 * The identity state as gameplay sees it: `state` (`notInitialized` before Init, `loggedOut`, `loggingIn`,
 * `loggedIn`, `refreshing`, `expired`), the user while a session exists, its expiry (epoch ms on the trusted
 * clock), and while `refreshing` why (`refresh` ahead of expiry, or `expired`).
 */
export interface HelpshiftIdentityStateView {
  readonly state: IdentityStateName;
  readonly userId?: string;
  readonly anonymous?: boolean;
  readonly expiresAt?: number;
  readonly reason?: RefreshReason;
}

export interface HelpshiftFacade {
  /** `Init` with install parameters (they win over the developer settings). */
  init(parameters?: InitFields): void;
  /** Resolves on success; rejects with a {@link LoginFailure}. */
  loginWithIdentity(identityJwt: string, loginConfig?: LoginConfig): Promise<void>;
  logout(): void;
  addUserIdentities(identitiesJwt: string): void;
  updateMasterAttributes(attributes: AttributeMap): void;
  updateAppAttributes(attributes: AttributeMap): void;
  /** The vendor's ClearAnonymousUserOnLogin: whether the next identified login discards the anonymous user. */
  clearAnonymousUserOnLogin(clear: boolean): void;
  /** Listens to one event; returns the function that stops listening. */
  on(event: HelpshiftEvent, listener: (data: HelpshiftEventData) => void): () => void;
  /**
   * With `requestIdentityTokens` in Init: the client wants a fresh token for the user logged in now (`reason`:
   * `refresh` ahead of expiry, or `expired`). Answer with {@link provideIdentityToken} or
   * {@link provideIdentityTokenFailed}. Returns the function that stops listening.
   */
  onIdentityTokenRequested(listener: (request: IdentityTokenRequest) => void): () => void;
  /** Answers an identity token request (requestId: the request's, or left out for whichever is pending). */
  provideIdentityToken(identityJwt: string, requestId?: number): void;
  /** The game cannot get a token now: the client retries with backoff, within a budget. */
  provideIdentityTokenFailed(requestId?: number): void;
  /** Listens to every event; returns the function that stops listening. */
  addEventListener(listener: EventListener): () => void;
  /** The identity state now (`notInitialized` when no game instance runs HelpshiftTS). */
  getState(): HelpshiftIdentityStateView;
  /**
   * Hears the current identity state first (on a later engine tick, never inside this call), then every change,
   * in order. Returns the function that stops listening (it cancels this listener's async action).
   */
  onStateChange(listener: (state: HelpshiftIdentityStateView) => void): () => void;
}

/** The reflected classes the facade calls (the `ue` module; tests pass a fake). */
export type FacadeUE = Pick<
  typeof UE,
  | "HelpshiftTSLibrary"
  | "HelpshiftTSLoginAsyncAction"
  | "HelpshiftTSEventAsyncAction"
  | "HelpshiftTSIdentityStateAsyncAction"
>;

// A bare engine's console (ENGINE-FACTS: globals are ECMAScript, `console` and timers).
declare const console: { error(message: string): void; warn(message: string): void };

// Puerts' require, left alone by the bundler (`ue` is external).
declare const require: (name: "ue") => FacadeUE;

/**
 * Puerts' `ue` module, read when a class is used: it is a lazy Proxy whose own keys are only the classes loaded so
 * far, so a namespace import (which copies the keys at load time) would miss the plugin's classes.
 */
const puertsUE = (): FacadeUE => require("ue");

const reasons = new Set<string>(Object.values(LoginFailureReason));
const errorValues = new Set<string>(Object.values(ErrorValue));
const details = new Set<string>(Object.values(FailureDetail));
const events = new Set<string>(Object.values(HelpshiftEvent));

/** The state names in EHelpshiftIdentityState's order: a UENUM reaches JS as its value, this array's index. */
const IDENTITY_STATE_NAMES: readonly IdentityStateName[] = [
  "notInitialized",
  "loggedOut",
  "loggingIn",
  "loggedIn",
  "refreshing",
  "expired",
];

/**
 * Makes the facade for a world context (the GameInstance, or any object with a world). `classes` is for tests;
 * by default every call reads the class from Puerts' `ue` module at the moment it is used.
 */
export function createHelpshift(worldContext: UE.Object, classes?: FacadeUE): HelpshiftFacade {
  const ue = (): FacadeUE => classes ?? puertsUE();
  const listeners = new Set<EventListener>();
  const tokenListeners = new Set<(request: IdentityTokenRequest) => void>();
  let eventAction: UE.HelpshiftTSEventAsyncAction | undefined;
  const onEvent = (name: string, data: UE.HelpshiftStringMap) => {
    const record = tmapToRecord(data?.Entries as unknown as StringTMap);
    if (name === HostEvent.identityTokenRequested) {
      const request = toTokenRequest(record);
      if (request) for (const listener of [...tokenListeners]) listener(request);
      return;
    }
    if (!events.has(name)) return;
    for (const listener of [...listeners]) listener(name as HelpshiftEvent, record);
  };
  // One event action for every listener of this facade; cancelled when the last one stops.
  const ensureEventAction = () => {
    if (eventAction) return;
    eventAction = ue().HelpshiftTSEventAsyncAction.ListenForHelpshiftEvents(worldContext);
    eventAction.OnEvent.Add(onEvent);
    eventAction.Activate();
  };
  const releaseEventAction = () => {
    if (listeners.size > 0 || tokenListeners.size > 0 || !eventAction) return;
    eventAction.OnEvent.Remove(onEvent);
    eventAction.Cancel();
    eventAction = undefined;
  };

  const addEventListener = (listener: EventListener) => {
    listeners.add(listener);
    ensureEventAction();
    return () => {
      listeners.delete(listener);
      releaseEventAction();
    };
  };

  return {
    init(parameters = {}) {
      ue().HelpshiftTSLibrary.InitFromJson(JSON.stringify(parameters));
    },
    loginWithIdentity(identityJwt, loginConfig = {}) {
      return new Promise<void>((resolve, reject) => {
        const action = ue().HelpshiftTSLoginAsyncAction.LoginWithIdentityFromJson(
          worldContext,
          identityJwt,
          JSON.stringify(loginConfig),
        );
        // An action that could not register with a game instance never broadcasts (ENGINE-FACTS): settle now.
        if (!action.IsActive()) {
          reject(new LoginFailure(LoginFailureReason.unknownError, {}, FailureDetail.notInitialized));
          return;
        }
        const unbind = () => {
          action.OnSuccess.Remove(onSuccess);
          action.OnFailure.Remove(onFailure);
        };
        const onSuccess = () => {
          unbind();
          resolve();
        };
        const onFailure = (reason: string, errors: UE.HelpshiftStringMap, detail: string) => {
          unbind();
          reject(toLoginFailure(reason, tmapToRecord(errors?.Entries as unknown as StringTMap), detail));
        };
        action.OnSuccess.Add(onSuccess);
        action.OnFailure.Add(onFailure);
        action.Activate();
      });
    },
    logout: () => ue().HelpshiftTSLibrary.Logout(),
    addUserIdentities: (jwt) => ue().HelpshiftTSLibrary.AddUserIdentities(jwt),
    updateMasterAttributes: (attributes) =>
      ue().HelpshiftTSLibrary.UpdateMasterAttributesFromJson(JSON.stringify(attributes)),
    clearAnonymousUserOnLogin: (clear) => ue().HelpshiftTSLibrary.ClearAnonymousUserOnLogin(clear),
    onIdentityTokenRequested(listener) {
      tokenListeners.add(listener);
      ensureEventAction();
      return () => {
        tokenListeners.delete(listener);
        releaseEventAction();
      };
    },
    provideIdentityToken: (jwt, requestId = 0) => ue().HelpshiftTSLibrary.ProvideIdentityToken(jwt, requestId),
    provideIdentityTokenFailed: (requestId = 0) => ue().HelpshiftTSLibrary.ProvideIdentityTokenFailed(requestId),
    updateAppAttributes: (attributes) =>
      ue().HelpshiftTSLibrary.UpdateAppAttributesFromJson(JSON.stringify(attributes)),
    getState: () => toStateView(ue().HelpshiftTSLibrary.GetIdentityState()),
    onStateChange(listener) {
      // One async action per listener: the C++ node itself tells it the state as it was at this call, on a later
      // tick (so a listener added later still hears it first), then each later change once; Cancel unbinds it.
      let stopped = false;
      const onState = (state: UE.HelpshiftIdentityState) => {
        if (stopped) return;
        try {
          listener(toStateView(state));
        } catch (e) {
          console.error(`HelpshiftTS: an onStateChange listener threw: ${e instanceof Error ? e.message : String(e)}`);
        }
      };
      const action = ue().HelpshiftTSIdentityStateAsyncAction.ListenForIdentityState(worldContext);
      action.OnStateChanged.Add(onState);
      action.Activate();
      // An action with no game instance to register with never broadcasts (ENGINE-FACTS): say the state once,
      // after this call returns (a promise job runs only once the current JS stack has unwound), and release it.
      if (!action.IsActive()) {
        action.OnStateChanged.Remove(onState);
        action.Cancel();
        console.warn("HelpshiftTS: onStateChange has no game instance to listen to; it reports the state once");
        void Promise.resolve().then(() => onState(ue().HelpshiftTSLibrary.GetIdentityState()));
        return () => {
          stopped = true;
        };
      }
      return () => {
        if (stopped) return;
        stopped = true;
        action.OnStateChanged.Remove(onState);
        action.Cancel();
      };
    },
    on(event, listener) {
      return addEventListener((name, data) => {
        if (name === event) listener(data);
      });
    },
    addEventListener,
  };
}

/** FHelpshiftIdentityState as Puerts hands it over (int64 as a bigint), as gameplay reads it. */
function toStateView(state: UE.HelpshiftIdentityState | undefined): HelpshiftIdentityStateView {
  const name = IDENTITY_STATE_NAMES[Number(state?.State ?? 0)] ?? "notInitialized";
  const expiresAt = Number(state?.ExpiresAtUnixMs ?? 0);
  const reason = state?.RefreshReason;
  return {
    state: name,
    ...(state?.UserId ? { userId: state.UserId, anonymous: !!state.bAnonymous } : {}),
    ...(expiresAt > 0 ? { expiresAt } : {}),
    ...(name === "refreshing" && (reason === "refresh" || reason === "expired") ? { reason } : {}),
  };
}

/** The identityTokenRequested event's data, checked: `{requestId: "<int>", reason: "refresh" | "expired"}`. */
function toTokenRequest(data: Readonly<Record<string, string>>): IdentityTokenRequest | undefined {
  const requestId = Number(data.requestId);
  const reason = data.reason;
  if (!Number.isInteger(requestId) || (reason !== "refresh" && reason !== "expired")) return undefined;
  return { requestId, reason };
}

/**
 * What C++ reports, checked against the contract: an unknown reason becomes `unknownError`, unknown error
 * values are dropped, an unknown detail is left out.
 */
export function toLoginFailure(reason: string, errors: Readonly<Record<string, string>>, detail: string): LoginFailure {
  const checkedErrors: ErrorMap = {};
  for (const [key, value] of Object.entries(errors)) {
    if (errorValues.has(value)) checkedErrors[key] = value as ErrorValue;
  }
  return new LoginFailure(
    reasons.has(reason) ? (reason as LoginFailureReason) : LoginFailureReason.unknownError,
    checkedErrors,
    details.has(detail) ? (detail as FailureDetail) : undefined,
  );
}
