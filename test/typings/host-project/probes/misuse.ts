/**
 * Negative probe: gameplay code that misuses the facade. Not part of the fixture's tsconfig; the test compiles it
 * beside the fixture and expects exactly the diagnostics marked `// expect TSxxxx` on each line, no more, no fewer.
 */
import { createHelpshift, LoginFailure, toLoginFailure } from "HelpshiftTS/helpshift";
import { argv } from "puerts";
import type * as UE from "ue";

const gameInstance = argv.getByName("GameInstance") as UE.GameInstance;
const helpshift = createHelpshift(gameInstance);

createHelpshift("GameInstance"); // expect TS2345
createHelpshift({ GetName: () => "not a UObject" }); // expect TS2353
helpshift.on("userSessionExpird", () => undefined); // expect TS2345
helpshift.addEventListener((event) => event === "sessionExpired"); // expect TS2367
helpshift.init({ serviceUrl: "https://id.example.com", appID: "my-game" }); // expect TS2561
helpshift.init({ logLevel: "verbose" }); // expect TS2322
void helpshift.loginWithIdentity(42); // expect TS2345
void helpshift.loginWithIdentity("jwt", { full_privacy_enabled: ["yes"] }); // expect TS2322
helpshift.updateMasterAttributes({ age: 12 }); // expect TS2322
helpshift.logout("now"); // expect TS2554
if (helpshift.getState().state === "sessionExpired") console.warn("no such state"); // expect TS2367
const view = helpshift.getState();
view.state = "loggedIn"; // expect TS2540
const stop: () => boolean = helpshift.on("userSessionExpired", () => undefined); // expect TS2322
new LoginFailure("badPassword", {}); // expect TS2345
new LoginFailure("networkError", { email: "tooLong" }); // expect TS2322

const failure = toLoginFailure("networkError", {}, "");
if (failure.reason === "timeout") console.warn(failure.detail); // expect TS2367
if (failure.detail === "expired") console.warn(failure.reason); // expect TS2367
failure.reason = "unknownError"; // expect TS2540
console.log(stop);
