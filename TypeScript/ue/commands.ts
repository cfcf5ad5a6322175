/**
 * The names of the commands the C++ subsystem sends through `UHelpshiftTSBridge::OnCommand`
 * `(RequestId, Command, PayloadJson)`. Defined once here; scripts/gen-cpp.ts emits them into
 * Source/HelpshiftTS/Public/HelpshiftTSConstants.h (namespace HelpshiftTSCommand) so both sides spell them alike.
 *
 * @example
 * bridge.OnCommand.Bind((id, command, json) => { if (command === BridgeCommand.login) ... });
 */
export const BridgeCommand = {
  /** `{settings, parameters}`: the developer settings and the `Init` parameters. */
  init: "init",
  /** `{jwt, config}`; answered by `SucceedLogin(id)` or `FailLogin(id, reason, errorsJson, detail)`. */
  login: "login",
  /** `{}`; answered by `CompleteRequest(id)` once the user's pending batch was flushed and the session ended. */
  logout: "logout",
  /** `{jwt}`; answered by `CompleteRequest(id)`; problems arrive as events. */
  addUserIdentities: "addUserIdentities",
  /** `{attributes}`; answered by `CompleteRequest(id)`. */
  updateMasterAttributes: "updateMasterAttributes",
  updateAppAttributes: "updateAppAttributes",
  /** `{clear}`: the vendor's ClearAnonymousUserOnLogin(bool); answered by `CompleteRequest(id)`. */
  clearAnonymousUserOnLogin: "clearAnonymousUserOnLogin",
  /** `{jwt, requestId?}`: the answer to `RequestIdentityToken(requestId, reason)`. */
  provideIdentityToken: "provideIdentityToken",
  /** `{jwt: "", requestId?}`: the identity token request cannot be answered (retried with backoff). */
  provideIdentityTokenFailed: "provideIdentityTokenFailed",
  /** `{}`: the engine's ApplicationHasEnteredForegroundDelegate. */
  foreground: "foreground",
  /** `{}`: the engine's ApplicationWillEnterBackgroundDelegate. */
  background: "background",
  /** `{status, body}` or `{error}`: the answer to `SendHttpRequest(id, ...)`, same id. */
  httpResponse: "httpResponse",
  /** `{}`: the subsystem is going away; pending work fails with `unknownError` / `disposed`. */
  dispose: "dispose",
} as const;
export type BridgeCommand = (typeof BridgeCommand)[keyof typeof BridgeCommand];

/**
 * Events the plugin delivers beside the SDK's (through the same Blueprint event delegate, event node and facade
 * listeners). `identityTokenRequested` carries `{requestId, reason}` (`refresh` or `expired`).
 */
export const HostEvent = {
  identityTokenRequested: "identityTokenRequested",
} as const;
export type HostEvent = (typeof HostEvent)[keyof typeof HostEvent];

/** The names under which the C++ owner passes UObjects to `FJsEnv::Start` (read with `argv.getByName`). */
export const BridgeArgument = {
  bridge: "Bridge",
} as const;

/** The module the subsystem starts, relative to the plugin's Content/JavaScript. */
export const ENTRY_MODULE = "HelpshiftTS/main";

/** The gameplay facade module, for `require` from the game's own JsEnv. */
export const FACADE_MODULE = "HelpshiftTS/helpshift";
