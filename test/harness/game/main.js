// A game's own gameplay script (the "gameplay_ts" scenario): started by the game in ITS OWN Puerts JsEnv
// (FJsEnv::Start("game/main", {GameInstance, Probe})), it uses the plugin's built facade exactly as docs/unreal.md
// shows. Copied by harness.test.ts into the temp project's Content/JavaScript/game/. The Probe (harness-only)
// records which promise or listener fired, with which values, how many frames after the facade call that caused
// it, and whether it fired inside one of this script's facade calls.
const { argv } = require("puerts");
const { createHelpshift, LoginFailure } = require("HelpshiftTS/helpshift");

const game = argv.getByName("GameInstance");
const probe = argv.getByName("Probe");

let depth = 0;
/** A facade call: what fires while it runs fired inside it. Returns the frame it was made on and its result. */
const call = (fn) => {
  const frame = probe.Frame();
  depth++;
  try {
    return { frame, result: fn() };
  } finally {
    depth--;
  }
};
const record = (key, values, since) => probe.Record(key, values, since, depth);
const entries = (data) =>
  `{${Object.keys(data)
    .sort()
    .map((k) => `${k}:${data[k]}`)
    .join(",")}}`;
const nextFrames = (n) => new Promise((resolve) => setTimeout(resolve, n * 20));

const helpshift = createHelpshift(game);
let since = probe.Frame();
// The identity state through Puerts' real shapes: the struct by reflection, its enum as a number, its int64 as a
// BigInt; the first state comes from the C++ node on a later frame, then each change once.
const stateStart = probe.Frame();
const stopState = call(() =>
  helpshift.onStateChange((s) =>
    record("ts.state", `state=${s.state} user=${s.userId ? "set" : "none"} expires=${typeof s.expiresAt}`, stateStart),
  ),
).result;
const stopOn = call(() =>
  helpshift.on("masterAttributesValidationFailed", (data) => record("ts.on", `data=${entries(data)}`, since)),
).result;
const stopAll = call(() =>
  helpshift.addEventListener((name, data) => record("ts.listener", `name=${name} data=${entries(data)}`, since)),
).result;

async function play() {
  const ok = call(() => helpshift.loginWithIdentity(probe.Config("token.gameplay"), { full_privacy_enabled: false }));
  try {
    await ok.result;
    record("ts.login.resolved", "", ok.frame);
  } catch (e) {
    record("ts.login.rejected", `reason=${e.reason}`, ok.frame);
  }

  const now = helpshift.getState();
  probe.Line("ts.getState", `state=${now.state} user=${now.userId ? "set" : "none"} expires=${typeof now.expiresAt}`);
  since = call(() => helpshift.updateMasterAttributes({ first_name: "Tess", nickname: "tt" })).frame;
  await nextFrames(5);

  const bad = call(() =>
    helpshift.loginWithIdentity(probe.Config("token.uidTooLong"), { full_privacy_enabled: false }),
  );
  try {
    await bad.result;
    record("ts.badLogin.resolved", "", bad.frame);
  } catch (e) {
    record(
      "ts.badLogin.rejected",
      `loginFailure=${e instanceof LoginFailure} error=${e instanceof Error} reason=${e.reason} errors=${entries(e.errors)} detail=${e.detail ?? ""}`,
      bad.frame,
    );
  }

  // Stop listening: both listeners go, the facade's event action is cancelled, nothing fires any more.
  stopOn();
  stopAll();
  stopState();
  since = call(() => helpshift.updateAppAttributes({ bogus_key: "x" })).frame;
  await nextFrames(5);
  probe.Line("ts.done", "1");
}

play().catch((e) => probe.Line("ts.error", String(e?.stack ? e.stack.split("\n")[0] : e)));
