/**
 * Declarations of the gameplay facade `HelpshiftTS/helpshift` (Content/JavaScript/HelpshiftTS/helpshift.js), for a
 * game project's own TypeScript. Self-contained: it declares only this module and reads nothing of Puerts' `ue`
 * module but its `Object` class (which Puerts' generated ue.d.ts declares), so it compiles beside Puerts'
 * `puerts.d.ts` and `ue.d.ts`. Do not add the plugin's other Typing/ folders (`ue`, `puerts`) to a game project:
 * they are the plugin's internal subset of Puerts' typings and collide with the real ones.
 *
 * A game adds this file to its tsconfig.json `include` list, beside its scripts' folder:
 * `"Plugins/HelpshiftTS/Typing/helpshift/index.d.ts"` (docs/unreal.md, "Typings for your game's TypeScript").
 *
 * The string unions spell TypeScript/contract/names.ts; test/typings checks this file against the facade
 * (TypeScript/ue/helpshift.ts) in both directions and type-checks a Puerts-shaped host project with it.
 *
 * @example
 * import { createHelpshift, LoginFailure } from "HelpshiftTS/helpshift";
 * const helpshift = createHelpshift(gameInstance);
 * helpshift.on("userSessionExpired", () => void relogin());
 * helpshift.onStateChange((s) => showBadge(s.state === "refreshing" ? "Refreshing…" : s.state));
 */
declare module "HelpshiftTS/helpshift" {
  import type { Object as UObject } from "ue";

  /** Why a login failed (the SDK's login failure reasons). */
  export type LoginFailureReason =
    | "loginInProgress"
    | "loginConfigInvalid"
    | "identityTokenInvalid"
    | "identitiesDataInvalid"
    | "loginConfigSizeLimitExceeded"
    | "identitiesSizeLimitExceeded"
    | "identityFeatureNotEnabled"
    | "uidOrEmailIsMandatory"
    | "iatIsMandatory"
    | "networkError"
    | "unknownError";

  /** What failed for one key, in `LoginFailure.errors` and in validation events' data. */
  export type ErrorValue =
    | "exceededKeyLengthLimit"
    | "exceededValueLengthLimit"
    | "exceededCountLimit"
    | "invalidValueType"
    | "invalidData"
    | "emptyData"
    | "metadataExceededCountLimit"
    | "metadataExceededKeyLengthLimit"
    | "metadataExceededValueLengthLimit"
    | "metadataEmptyKeyOrValue";

  /** A diagnostic code that may accompany a failure reason (never replaces it). */
  export type FailureDetail =
    | "notInitialized"
    | "cancelledByLogout"
    | "signatureInvalid"
    | "algorithmNotAllowed"
    | "iatTooOld"
    | "iatInFuture"
    | "iatNotANumber"
    | "malformedToken"
    | "payloadNotJson"
    | "identitiesNotArray"
    | "unknownApp"
    | "sessionExpired"
    | "sessionRevoked"
    | "rateLimited"
    | "badRequest"
    | "unexpectedResponse"
    | "disposed";

  /** The events the SDK sends to the game. */
  export type HelpshiftEvent =
    | "userSessionExpired"
    | "refreshUserCredentials"
    | "userIdentityNotEnabled"
    | "identityTokenInvalid"
    | "iatIsMandatory"
    | "identitiesSizeLimitExceeded"
    | "identitiesDataInvalid"
    | "identityDataSyncFailed"
    | "masterAttributesValidationFailed"
    | "appAttributesValidationFailed"
    | "masterAttributesSyncFailed"
    | "appAttributesSyncFailed"
    | "masterAttributesLimitExceeded"
    | "appAttributesLimitExceeded";

  /** Per-key errors of a failed login: key → error value. */
  export type ErrorMap = Record<string, ErrorValue>;

  /** An event's data: key → value (for validation events, key → error value). */
  export type HelpshiftEventData = Readonly<Record<string, string>>;

  /** A login config value (`full_privacy_enabled` → boolean). */
  export type LoginConfigValue = string | boolean | number;
  export type LoginConfig = Readonly<Record<string, LoginConfigValue>>;

  /** A master or app attribute value: a string, a string list (tags) or a string map (custom fields). */
  export type AttributeValue = string | readonly string[] | Readonly<Record<string, string>>;
  export type AttributeMap = Readonly<Record<string, AttributeValue>>;

  /** `Init` parameters; they win over Project Settings → Plugins → HelpshiftTS. */
  export interface InitFields {
    serviceUrl?: string | undefined;
    appId?: string | undefined;
    flushIntervalMs?: number | undefined;
    refreshLeadSeconds?: number | undefined;
    multilineCustomFields?: string | string[] | undefined;
    logLevel?: "debug" | "info" | "warn" | "error" | undefined;
    requestIdentityTokens?: boolean | undefined;
  }

  /** A failed login, as data: what `loginWithIdentity` rejects with. */
  export class LoginFailure extends Error {
    readonly reason: LoginFailureReason;
    readonly errors: ErrorMap;
    readonly detail?: FailureDetail;
    constructor(reason: LoginFailureReason, errors: ErrorMap, detail?: FailureDetail);
  }

  /** Receives every event with its data. */
  export type EventListener = (event: HelpshiftEvent, data: HelpshiftEventData) => void;

  /** A request for a fresh identity token (the plugin's identityTokenRequested event). */
  export interface IdentityTokenRequest {
    readonly requestId: number;
    readonly reason: "refresh" | "expired";
  }

  /**
   * The identity state: `notInitialized` (before Init), `loggedOut`, `loggingIn`, `loggedIn`, `refreshing` (the
   * user stays logged in while the client gets a fresh session), `expired` (the session ended; until a login
   * succeeds).
   */
  export type IdentityStateName = "notInitialized" | "loggedOut" | "loggingIn" | "loggedIn" | "refreshing" | "expired";

  /**
   * The identity state as gameplay sees it: the user while a session exists, its expiry (epoch ms on the trusted
   * clock), and while `refreshing` why (`refresh` ahead of expiry, or `expired`).
   */
  export interface HelpshiftIdentityStateView {
    readonly state: IdentityStateName;
    readonly userId?: string;
    readonly anonymous?: boolean;
    readonly expiresAt?: number;
    readonly reason?: "refresh" | "expired";
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
     * With `requestIdentityTokens` in Init: the client wants a fresh token for the user logged in now. Answer with
     * `provideIdentityToken` or `provideIdentityTokenFailed`. Returns the function that stops listening.
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

  /** Makes the facade for a world context (the GameInstance, or any UObject with a world). */
  export function createHelpshift(worldContext: UObject): HelpshiftFacade;

  /**
   * What C++ reports, checked against the contract: an unknown reason becomes `unknownError`, unknown error values
   * are dropped, an unknown detail is left out.
   */
  export function toLoginFailure(
    reason: string,
    errors: Readonly<Record<string, string>>,
    detail: string,
  ): LoginFailure;
}
