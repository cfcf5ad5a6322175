/**
 * Fixture: a game's own gameplay script in a Puerts project, using the facade beside Puerts' `ue` and `puerts`
 * modules. test/typings/host-project.test.ts type-checks it (with the documented example from docs/unreal.md) and
 * expects no diagnostic.
 */
import {
  type AttributeMap,
  createHelpshift,
  type HelpshiftEvent,
  type HelpshiftFacade,
  type HelpshiftIdentityStateView,
  LoginFailure,
  type LoginFailureReason,
  toLoginFailure,
} from "HelpshiftTS/helpshift";
import { $ref, $unref, argv } from "puerts";
import * as UE from "ue";

const gameInstance = argv.getByName("GameInstance") as UE.GameInstance;
const helpshift: HelpshiftFacade = createHelpshift(gameInstance);

export async function logIn(jwt: string): Promise<LoginFailureReason | "ok"> {
  helpshift.init({ serviceUrl: "https://id.example.com", appId: "my-game", logLevel: "warn" });
  try {
    await helpshift.loginWithIdentity(jwt, { full_privacy_enabled: false });
    return "ok";
  } catch (e) {
    if (!(e instanceof LoginFailure)) throw e;
    if (e.reason === "uidOrEmailIsMandatory") console.warn("ask for an email");
    for (const [key, value] of Object.entries(e.errors)) console.warn(key, value === "exceededValueLengthLimit");
    if (e.detail === "signatureInvalid") console.warn("check the signing key");
    return e.reason;
  }
}

const seen: HelpshiftEvent[] = [];
const stopAll = helpshift.addEventListener((event, data) => {
  seen.push(event);
  if (event === "masterAttributesValidationFailed") console.warn(data.first_name);
});
const stopExpired = helpshift.on("userSessionExpired", (data) => console.log(Object.keys(data).length));

const attributes: AttributeMap = { first_name: "Ada", new_tags: ["vip"], custom_user_fields: { level: "12" } };
helpshift.updateMasterAttributes(attributes);
helpshift.updateAppAttributes({ app_version: "1.2.0" });
helpshift.addUserIdentities("identities.jwt");
const state: HelpshiftIdentityStateView = helpshift.getState();
if (state.state === "loggedIn" && state.expiresAt !== undefined)
  console.log(state.userId, state.expiresAt - Date.now());
const stopState = helpshift.onStateChange((s) => {
  if (s.state === "refreshing") console.log("session refreshing", s.reason === "expired");
  if (s.state === "expired") console.warn("log in again");
});
helpshift.logout();
stopState();
stopExpired();
stopAll();

const failure: LoginFailure = toLoginFailure("networkError", {}, "");
console.log(failure.reason, failure.message, failure instanceof Error);

// Puerts' own API in the same file: the typings do not collide.
const world: UE.HelpshiftTSEventAsyncAction = UE.HelpshiftTSEventAsyncAction.ListenForHelpshiftEvents(gameInstance);
world.OnEvent.Add((name, data) => console.log(name, data.Entries.Num()));
UE.HelpshiftTSLibrary.Logout();
const out = $ref<string>("");
if (UE.KismetSystemLibrary.ParseParamValue("-jwt=abc", "jwt=", out)) console.log($unref(out));
