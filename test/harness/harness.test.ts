/**
 * The C++ bridge RUNS: the real Source/HelpshiftTS/Private/*.cpp linked with the runnable stand-in engine
 * (test/engine) and the built bundles in a real V8 context (docs/harness.md), playing Blueprint-level scenarios
 * (test/harness/cpp/Scenarios.cpp) against the reference identity service on 127.0.0.1. Every pin line says how
 * many frames after its game call it fired ("later") and whether it fired inside a game call ("inCall").
 * The editor tester's JsEnv (Source/HelpshiftTSEditor without its Slate tab) plays the tab's buttons the same way.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityService } from "../../TypeScript/server";
import { buildHarness, type Harness } from "./build";

let harness: Harness;
let service: Awaited<ReturnType<typeof createIdentityService>>;
let base = "";
const secret = "harness-secret-0123456789abcdef";
const tokens: Record<string, string> = {};
const SHORT_APP = "harness-short";
/** How long the background/foreground scenario keeps the game thread suspended (the short app's sessions: 2 s). */
const SUSPEND_SECONDS = "2.3";

const sign = (identities: unknown[], key = secret) =>
  new SignJWT({ identities })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .sign(new TextEncoder().encode(key));

beforeAll(async () => {
  // HSTS_HARNESS_SOURCE=<a copy of Source/HelpshiftTS>: play against that copy (to show a deliberate break is caught).
  harness = await buildHarness(mkdtempSync(join(tmpdir(), "hsts-harness-")), {
    sourceDir: process.env.HSTS_HARNESS_SOURCE || undefined,
    // HSTS_HARNESS_EDITOR_SOURCE=<a copy of Source/HelpshiftTSEditor>: likewise for the editor tester.
    editorSourceDir: process.env.HSTS_HARNESS_EDITOR_SOURCE || undefined,
  });
  // Every scenario's logins come from 127.0.0.1 to one service within a minute or so: the default limit (30 a
  // minute per app and address) would refuse the later ones. Rate limits are tested in test/server.
  service = await createIdentityService({ database: ":memory:", loginRateLimit: { max: 1000, windowMs: 60_000 } });
  service.apps.create({
    id: "harness",
    name: "Harness",
    identityEnabled: true,
    secret,
    tags: ["vip"],
    customFields: [{ name: "guild", type: "singleline" }],
  });
  // Sessions of 2 s, no refresh: the background/foreground scenario lets one end while the game is suspended.
  service.apps.create({
    id: SHORT_APP,
    identityEnabled: true,
    secret,
    sessionLifetimeSeconds: 2,
    refreshLeadSeconds: 0,
  });
  base = await service.listen({ host: "127.0.0.1", port: 0 });
  tokens.valid = await sign([{ identifier: "uid", value: "harness-1" }]);
  // One user per scenario that logs in (the service is shared by every scenario of the file).
  for (const name of ["attributes", "events", "background", "shutdown", "pieA", "pieB", "gameplay", "widgetGame"])
    tokens[name] = await sign([{ identifier: "uid", value: `harness-${name}` }]);
  tokens.wrongSecret = await sign([{ identifier: "uid", value: "harness-1" }], "wrong-secret-0123456789abcdef");
  tokens.uidTooLong = await sign([{ identifier: "uid", value: "x".repeat(751) }]);
  tokens.phoneOnly = await sign([{ identifier: "phone_number", value: "123" }]);
}, 170_000);

afterAll(async () => {
  await service?.close();
});

/** Runs one scenario in its own process (async: this process keeps serving HTTP meanwhile). */
function play(
  name: string,
  extra: Record<string, string> = {},
  built: Harness = harness,
): Promise<Map<string, string[]>> {
  const projectDir = mkdtempSync(join(tmpdir(), "hsts-project-"));
  // The game's own gameplay scripts (gameplay_ts), in the project's Content/JavaScript as a game ships them.
  cpSync(join(__dirname, "game"), join(projectDir, "Content/JavaScript/game"), { recursive: true });
  const config = {
    serviceUrl: base,
    appId: "harness",
    shortAppId: SHORT_APP,
    suspendSeconds: SUSPEND_SECONDS,
    projectDir,
    helpshiftPlugin: built.helpshiftPlugin,
    puertsPlugin: built.puertsPlugin,
    ...Object.fromEntries(Object.entries(tokens).map(([k, v]) => [`token.${k}`, v])),
    ...extra,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      join(__dirname, "run-scenario.mjs"),
      built.addon,
      name,
      JSON.stringify(config),
    ]);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`scenario ${name} exited ${code}:\n${err}\n${out}`));
      const lines = new Map<string, string[]>();
      for (const line of out.split("\n").filter(Boolean)) {
        const at = line.indexOf("=");
        const key = line.slice(0, at);
        lines.set(key, [...(lines.get(key) ?? []), line.slice(at + 1)]);
      }
      resolve(lines);
    });
  });
}

/** The service's `GET /me` with a session token: the user as the service stores it (status and body). */
async function me(token: string, app = "harness"): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/v1/apps/${app}/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** "user=<id> anonymous=<bool> token=<token>" (a scenario's StoredSession line) as fields. */
function session(line: string | undefined): { user: string; anonymous: string; token: string } {
  const m = /^user=(\S+) anonymous=(\S+) token=(\S+)$/.exec(line ?? "");
  expect(m, `a stored session, got ${line}`).not.toBeNull();
  return { user: m![1]!, anonymous: m![2]!, token: m![3]! };
}

/**
 * Two PIE clients (PIEInstance 0 and 1) keep their state apart, each in Saved/HelpshiftTS/PIE-<n>: two anonymous
 * users with different ids, then two identified users; nothing in Saved/HelpshiftTS itself. A standalone game
 * afterwards uses Saved/HelpshiftTS (its own anonymous id) and leaves the PIE folders alone.
 */
async function expectOwnStoreFolders(seen: Map<string, string[]>) {
  const anonA = session(seen.get("a.anon.session")?.[0]);
  const anonB = session(seen.get("b.anon.session")?.[0]);
  expect(anonA.anonymous).toBe("true");
  expect(anonB.anonymous).toBe("true");
  expect(anonA.user).not.toBe(anonB.user);
  const idA = seen.get("a.anonymousId")?.[0];
  const idB = seen.get("b.anonymousId")?.[0];
  expect(idA).toMatch(/^"hsft_anon_/);
  expect(idB).toMatch(/^"hsft_anon_/);
  expect(idA).not.toBe(idB);
  // (Their sessions are revoked by the identified logins that follow, so the service is not asked about them.)
  expect(seen.get("a.anon.OnSuccess")).toEqual([expect.stringMatching(later)]);
  expect(seen.get("b.anon.OnSuccess")).toEqual([expect.stringMatching(later)]);
  const a = session(seen.get("a.session")?.[0]);
  const b = session(seen.get("b.session")?.[0]);
  expect(a.anonymous).toBe("false");
  expect(b.anonymous).toBe("false");
  expect(a.user).not.toBe(b.user);
  expect((await me(a.token)).body).toMatchObject({ identities: [{ identifier: "uid", value: "harness-pieA" }] });
  expect((await me(b.token)).body).toMatchObject({ identities: [{ identifier: "uid", value: "harness-pieB" }] });
  expect(seen.get("pie.files")).toEqual(["PIE-0,PIE-1"]);
  // A standalone game: Saved/HelpshiftTS itself, an anonymous id of its own; PIE-0 untouched.
  const standalone = session(seen.get("standalone.session")?.[0]);
  expect(standalone.anonymous).toBe("true");
  expect([anonA.user, anonB.user]).not.toContain(standalone.user);
  const standaloneId = seen.get("standalone.anonymousId")?.[0];
  expect(standaloneId).toMatch(/^"hsft_anon_/);
  expect([idA, idB]).not.toContain(standaloneId);
  expect(seen.get("standalone.files")?.[0]?.split(",")).toEqual(
    expect.arrayContaining(["PIE-0", "PIE-1", "helpshift_002eanonymousId", "helpshift_002esession"]),
  );
  expect(seen.get("standalone.pie0Session")).toEqual(seen.get("a.session"));
}

/** A pin fired on a later frame (the number is not pinned: HTTP timing varies), outside any game call. */
const later = /later=[1-9]\d* inCall=0$/;

describe("Blueprint scenarios through the compiled C++ bridge, V8 and the reference service", () => {
  it("Event Init: Init, a listener and a login node made before the subsystem exists wait, run, and report later", async () => {
    const seen = await play("event_init_login");
    expect(seen.get("eventInit.subsystem")).toEqual(["null"]);
    expect(seen.get("afterInit.subsystem")).toEqual(["running"]);
    expect(seen.get("node.OnSuccess")).toHaveLength(1);
    expect(seen.get("node.OnSuccess")![0]).toMatch(/^later=[1-9]\d* inCall=0$/);
    expect(seen.get("node.OnFailure")).toBeUndefined();
    expect(seen.get("static.OnFailure")).toHaveLength(1);
    expect(seen.get("static.OnFailure")![0]).toMatch(
      /^reason=identityTokenInvalid errors=\{\} later=[1-9]\d* inCall=0$/,
    );
    expect(seen.get("static.OnSuccess")).toBeUndefined();
    expect(seen.get("end.scriptCallsHead")).toEqual(["HelpshiftTSBridge.NotifyReady"]);
    expect(seen.get("js.exception")).toBeUndefined();
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("login failures reach the pins with reason, errors map and detail, on a later frame", async () => {
    const seen = await play("login_failures");
    const one = (key: string) => {
      expect(seen.get(key), key).toHaveLength(1);
      return seen.get(key)![0]!;
    };
    expect(one("configInvalid.OnFailure")).toMatch(
      /^reason=loginConfigInvalid errors=\{long:exceededValueLengthLimit\} detail= later=[1-9]\d* inCall=0$/,
    );
    expect(one("uidTooLong.OnFailure")).toMatch(
      /^reason=identitiesDataInvalid errors=\{uid:exceededValueLengthLimit\} detail= later=[1-9]\d* inCall=0$/,
    );
    expect(one("noUid.OnFailure")).toMatch(/^reason=uidOrEmailIsMandatory errors=\{\} detail= /);
    expect(one("badSignature.OnFailure")).toMatch(/^reason=identityTokenInvalid errors=\{\} detail=signatureInvalid /);
    expect(one("staticUidTooLong.OnFailure")).toMatch(
      /^reason=identitiesDataInvalid errors=\{uid:exceededValueLengthLimit\} later=[1-9]\d* inCall=0$/,
    );
    for (const key of seen.keys()) expect(key).not.toMatch(/OnSuccess/);
    for (const [key, values] of seen) if (key.endsWith(".OnFailure")) expect(values[0]).toMatch(later);
  });

  it("logout after a login revokes the session and removes the stored session", async () => {
    const seen = await play("logout");
    expect(seen.get("login.OnSuccess")![0]).toMatch(later);
    expect(seen.get("afterLogin.files")![0]).not.toBe("");
    expect(Number(seen.get("afterLogout.requests")![0])).toBeGreaterThanOrEqual(1);
    expect(seen.get("afterLogout.files")![0]!.split(",")).not.toEqual(seen.get("afterLogin.files")![0]!.split(","));
  });

  it("game-instance shutdown with a login in flight: unknownError/disposed during Shutdown, nothing after", async () => {
    const seen = await play("shutdown_login_in_flight");
    expect(seen.get("login.OnFailure")).toEqual(["reason=unknownError errors={} detail=disposed later=0 inCall=1"]);
    expect(seen.get("login.OnSuccess")).toBeUndefined();
    expect(seen.get("afterShutdown.subsystem")).toEqual(["null"]);
    expect(seen.get("afterShutdown.scriptCalls")).toEqual(["0"]);
    expect(seen.get("events.OnEvent")).toBeUndefined();
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("anonymous login persists across a restart of the game instance: same anonymous user over the same Saved/", async () => {
    const seen = await play("anonymous_restart");
    const first = session(seen.get("first.session")?.[0]);
    expect(first.anonymous).toBe("true");
    expect(seen.get("first.OnSuccess")).toEqual([expect.stringMatching(/^later=[1-9]\d* inCall=0$/)]);
    expect(seen.get("afterShutdown.subsystem")).toEqual(["null"]);
    // The new game instance restores the session from Saved/ ...
    expect(session(seen.get("second.restored")?.[0])).toEqual(first);
    // ... an empty-JWT login is the same anonymous user, and so is one after a logout (the id stays on the device).
    for (const key of ["second", "third"]) {
      expect(seen.get(`${key}.OnSuccess`), key).toEqual([expect.stringMatching(later)]);
      expect(seen.get(`${key}.OnFailure`), key).toBeUndefined();
    }
    expect(session(seen.get("second.session")?.[0]).user).toBe(first.user);
    expect(seen.get("afterLogout.session")).toEqual(["none"]);
    const third = session(seen.get("third.session")?.[0]);
    expect(third).toMatchObject({ user: first.user, anonymous: "true" });
    expect(seen.get("third.anonymousId")).toEqual(seen.get("first.anonymousId"));
    expect(seen.get("first.anonymousId")![0]).toMatch(/^"hsft_anon_/);
    const profile = await me(third.token);
    expect(profile).toEqual({
      status: 200,
      body: expect.objectContaining({ userId: first.user, anonymous: true, identities: [] }),
    });
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("attributes built with FHelpshiftConfigParameter reach the service; refused keys come back as events, later", async () => {
    const seen = await play("attributes");
    expect(seen.get("login.OnSuccess")![0]).toMatch(later);
    expect(seen.get("events.OnEvent")).toEqual([
      expect.stringMatching(
        /^name=masterAttributesValidationFailed data=\{last_name:invalidValueType,nickname:invalidData\} later=[1-9]\d* inCall=0$/,
      ),
      expect.stringMatching(
        /^name=appAttributesValidationFailed data=\{user_level:invalidValueType\} later=[1-9]\d* inCall=0$/,
      ),
    ]);
    const { token } = session(seen.get("session")?.[0]);
    // One batch with both scopes, sent with the session.
    expect(seen.get("http")).toEqual([`POST /v1/apps/harness/attributes auth=${token.slice(-12)}`]);
    const profile = await me(token);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      anonymous: false,
      master: { first_name: "Ada", age: "31", custom_user_fields: { guild: "owls" } },
      app: { app_version: "1.2.3", country: "PT", custom_user_fields: { guild: "app-owls" } },
      tags: ["vip"],
    });
    expect(profile.body.master).not.toHaveProperty("last_name");
    expect(profile.body.master).not.toHaveProperty("nickname");
    expect(profile.body.app).not.toHaveProperty("user_level");
    // The Blueprint getters read back what the autocasts made (types: Integer=1, Array=5, Map=6, Null=0).
    expect(seen.get("getters")).toEqual([
      "int=7 float=2.500000 bool=1 string=Ada array=2:b map=owls wrongType=0 types=1560",
    ]);
  });

  it("events reach Blueprint listeners bound before and after Init, on a later frame; rebinding replaces, cancel stops", async () => {
    const seen = await play("events_before_after_init");
    const nickname = "data={nickname:invalidData} later=1 inCall=0";
    const master = `name=masterAttributesValidationFailed ${nickname}`;
    const app = `name=appAttributesValidationFailed ${nickname}`;
    // Phase 1: the delegate and the node bound in _Event Init_ (before the subsystem existed) hear the event.
    // Phase 2: BindEventDelegate again replaces the first binding; both nodes hear it.
    // Phase 3: the early node was cancelled: only the late node and the current delegate hear it.
    expect(seen.get("boundBefore.OnEvent")).toEqual([master]);
    expect(seen.get("nodeBefore.OnEvent")).toEqual([master, app]);
    expect(seen.get("boundAfter.OnEvent")).toEqual([app, master]);
    expect(seen.get("nodeAfter.OnEvent")).toEqual([app, master]);
    expect(seen.get("end.lateNodeActive")).toEqual(["1"]);
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("Listen For Identity State started in the same call as a change: the state current when it listened first, then each later change once, in order, on later frames", async () => {
    const seen = await play("identity_state_listener");
    // EHelpshiftIdentityState: 1 LoggedOut, 2 LoggingIn, 3 LoggedIn.
    const heard = (label: string) => (seen.get(`${label}.OnState`) ?? []).map((line) => line.split(" ")[0]);
    expect(heard("listenThenLogout")).toEqual(["state=3", "state=1", "state=2", "state=3", "state=1"]);
    expect(heard("logoutThenListen")).toEqual(["state=1"]);
    for (const label of ["listenThenLogout", "logoutThenListen"]) {
      for (const line of seen.get(`${label}.OnState`) ?? []) expect(line).toMatch(later);
    }
    expect(seen.get("js.exception")).toBeUndefined();
  });

  it("gameplay TypeScript in a second JsEnv: the built facade's Promise resolves and rejects, listeners and the identity state fire and are removed", async () => {
    const seen = await play("gameplay_ts");
    expect(seen.get("ts.error")).toBeUndefined();
    expect(seen.get("js.exception")).toBeUndefined();
    expect(seen.get("end.done")).toEqual(["1"]);
    expect(seen.get("ts.login.resolved")).toEqual([expect.stringMatching(later)]);
    expect(seen.get("ts.login.rejected")).toBeUndefined();
    expect(seen.get("ts.on")).toEqual(["data={nickname:invalidData} later=1 inCall=0"]);
    expect(seen.get("ts.listener")).toEqual([
      "name=masterAttributesValidationFailed data={nickname:invalidData} later=1 inCall=0",
    ]);
    expect(seen.get("ts.badLogin.rejected")).toEqual([
      expect.stringMatching(
        /^loginFailure=true error=true reason=identitiesDataInvalid errors=\{uid:exceededValueLengthLimit\} detail= later=[1-9]\d* inCall=0$/,
      ),
    ]);
    expect(seen.get("ts.badLogin.resolved")).toBeUndefined();
    // onStateChange through the real glue: the struct from GetIdentityState and the node's pin, its enum as a
    // number (the facade names it), its int64 expiry as a BigInt (the facade makes it a number); the first state
    // on a later frame, then each change once; nothing after stopState().
    expect(seen.get("ts.state")).toEqual([
      "state=loggedOut user=none expires=undefined later=1 inCall=0",
      "state=loggingIn user=none expires=undefined later=1 inCall=0",
      expect.stringMatching(/^state=loggedIn user=set expires=number later=[1-9]\d* inCall=0$/),
    ]);
    expect(seen.get("ts.getState")).toEqual(["state=loggedIn user=set expires=number"]);
    // Bound while listening and logging in (one event action, one state action, one login action: OnSuccess +
    // OnFailure) ...
    expect(seen.get("afterStart.scriptBindings")).toEqual(["4"]);
    // ... and nothing left once the logins settled and the listeners stopped (the later event reached nobody).
    expect(seen.get("end.scriptBindings")).toEqual(["0"]);
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("app background flushes the pending attributes at once; foreground after the session ended: userSessionExpired, later", async () => {
    const seen = await play("background_foreground");
    expect(seen.get("login.OnSuccess")![0]).toMatch(later);
    const { user, token } = session(seen.get("session")?.[0]);
    const batch = `POST /v1/apps/${SHORT_APP}/attributes auth=${token.slice(-12)}`;
    // Queued with a 60 s flush interval: nothing goes out until WillDeactivate, which sends it inside its broadcast
    // (on the game thread, before an iOS suspension); WillEnterBackground right after finds nothing more to send.
    expect(seen.get("beforeBackground.http")).toEqual([""]);
    expect(seen.get("inWillDeactivate.http")).toEqual([batch]);
    expect(seen.get("afterBackground.http")).toEqual([batch]);
    expect(seen.get("afterBackground.stored")).toEqual([""]);
    expect(service.context.attributes.read(user).master).toMatchObject({ first_name: "Bea" });
    // Suspended past the session's end, then foreground: the event on a later frame, outside the broadcast; again
    // at the next foreground (the contract: until a login succeeds).
    expect(seen.get("foreground")).toEqual(["1", "2"]);
    expect(seen.get("events.OnEvent")).toEqual([
      "name=userSessionExpired data={} later=1 inCall=0",
      "name=userSessionExpired data={} later=1 inCall=0",
    ]);
    expect(seen.get("afterForeground.session")).toEqual(["none"]);
    expect(seen.get("end.http")).toEqual([batch]);
    expect((await me(token, SHORT_APP)).status).toBe(401);
  });

  it("shutdown with a login, a flush and a logout in flight: nothing after Shutdown, nothing lost at the next start", async () => {
    const seen = await play("shutdown_all_in_flight");
    const first = session(seen.get("first.session")?.[0]);
    const old = first.token.slice(-12);
    // In flight at Shutdown: the attribute batch (sent, unanswered), a login of another user (waiting for the
    // current user's logout), and the Logout that _Event Shutdown_ calls.
    expect(seen.get("beforeShutdown.http")).toEqual([`POST /v1/apps/harness/attributes auth=${old}`]);
    // The login's pin fails exactly once, during Shutdown (by design: after Shutdown nothing may fire).
    expect(seen.get("relogin.OnFailure")).toEqual(["reason=unknownError errors={} detail=disposed later=0 inCall=1"]);
    expect(seen.get("relogin.OnSuccess")).toBeUndefined();
    expect(seen.get("events.OnEvent")).toBeUndefined();
    expect(seen.get("afterShutdown.subsystem")).toEqual(["null"]);
    expect(seen.get("afterShutdown.scriptCalls")).toEqual(["0"]);
    expect(seen.get("afterShutdown.http")).toEqual([""]);
    // The logout is kept on the device ...
    expect(seen.get("afterShutdown.session")).toEqual(["none"]);
    expect(seen.get("afterShutdown.pending")).toEqual([`user=${first.user} token=${first.token}`]);
    // ... and completed by the next game instance: the pending attributes with the old session, then its revoke.
    expect(seen.get("second.http")).toEqual([
      `POST /v1/apps/harness/attributes auth=${old} | POST /v1/apps/harness/logout auth=${old}`,
    ]);
    expect(seen.get("second.pending")).toEqual(["none"]);
    expect(seen.get("second.session")).toEqual(["none"]);
    expect(service.context.attributes.read(first.user).master).toMatchObject({ first_name: "Cy" });
    expect((await me(first.token)).status).toBe(401);
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("two PIE game instances at once: each keeps its state in Saved/HelpshiftTS/PIE-<n>; static calls go to the newest subsystem; when it ends the older one takes over", async () => {
    const seen = await play("pie_two_instances");
    expect(seen.get("subsystems")).toEqual(["two running=11"]);
    expect(seen.get("a.login.OnSuccess")).toEqual([expect.stringMatching(later)]);
    expect(seen.get("b.login.OnSuccess")).toEqual([expect.stringMatching(later)]);
    expect(seen.get("primary.both")).toEqual(["B"]);
    expect(seen.get("b.events.OnEvent")).toEqual([
      "name=masterAttributesValidationFailed data={pie_key:invalidData} later=1 inCall=0",
    ]);
    expect(seen.get("primary.afterB")).toEqual(["A"]);
    expect(seen.get("a.events.OnEvent")).toEqual([
      "name=appAttributesValidationFailed data={pie_key:invalidData} later=1 inCall=0",
    ]);
    expect(seen.get("primary.afterA")).toEqual(["null"]);
    await expectOwnStoreFolders(seen);
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  // Found by this scenario and fixed in C++: the second client's _Event Init_ Init reaches the first client's
  // subsystem (the static call has no world context); the second subsystem, starting with no Init waiting and no
  // service in Project Settings, now initializes with the parameters of the last Init (InitWithoutWaitingInit).
  it("two PIE game instances, each calling Init(parameters) in _Event Init_: both initialize", async () => {
    const seen = await play("pie_two_instances_init_in_event_init");
    expect(seen.get("a.login.OnSuccess")).toEqual([expect.stringMatching(later)]);
    expect(seen.get("b.login.OnSuccess")).toEqual([expect.stringMatching(later)]);
    expect(seen.get("b.events.OnEvent")).toHaveLength(1);
    await expectOwnStoreFolders(seen);
  });
});

/** The view state the editor tab paints (a `<step>.state` line: the published JSON on one line). */
function viewState(line: string | undefined): Record<string, unknown> {
  expect(line, "a published state").toBeDefined();
  return JSON.parse(line!) as Record<string, unknown>;
}

describe("the editor tester's JsEnv: FHelpshiftTSEditorTester and its bridge with the built editor-tester bundle", () => {
  it("the tab's buttons (mint, log in, push master attributes, log out) reach the service; the published state follows on later frames; no secret or token leaves TypeScript; after Stop nothing arrives", async () => {
    const seen = await play("editor_tester", { devSecret: secret, editorUid: "harness-editor" });
    const one = (key: string) => {
      expect(seen.get(key), key).toHaveLength(1);
      return seen.get(key)![0]!;
    };
    expect(seen.get("js.exception")).toBeUndefined();

    // Start: the bundle's first call is NotifyReady; its first state is published while Start runs.
    expect(one("start.ready")).toBe("1");
    expect(one("start.running")).toBe("1");
    expect(one("start.callsHead")).toBe("HelpshiftTSEditorBridge.NotifyReady");
    // The first state, then the ones after the connect Start sends with DefaultInputs (the form's app's client,
    // nothing stored yet; the new client tells its listeners once more, on promise jobs still inside Start).
    expect(Number(one("start.publishes"))).toBeGreaterThanOrEqual(2);
    expect(viewState(one("start.state"))).toMatchObject({
      serviceUrl: "http://127.0.0.1:8787",
      appId: "demo",
      client: { initialized: true, status: "loggedOut" },
      secretEntered: false,
      token: { present: false },
      events: [],
    });

    // Mint: done in TypeScript with the dev secret (no request); the tab shows that a token exists, and its length.
    expect(one("mint.http")).toBe("");
    const minted = viewState(one("mint.state"));
    expect(minted).toMatchObject({
      serviceUrl: base,
      appId: "harness",
      secretEntered: true,
      token: { present: true },
      lastResult: { action: "mint", ok: true },
      inspection: { ok: true, anonymous: false, identifiers: ["uid"] },
    });
    expect((minted.token as { length: number }).length).toBeGreaterThan(100);

    // Log in: busy inside the press, the result on a later frame (the HTTP answer arrives on the game thread).
    expect(viewState(one("login.inCall"))).toMatchObject({ busy: "login" });
    expect(Number(one("login.later"))).toBeGreaterThanOrEqual(1);
    expect(one("login.http")).toBe("POST /v1/apps/harness/login auth=-");
    const stored = /^user=(\S+) token=(\S+)$/.exec(one("login.session"));
    expect(stored, "the tester's stored session").not.toBeNull();
    const [, userId, sessionToken] = stored!;
    expect(viewState(one("login.state"))).toMatchObject({
      lastResult: { action: "login", ok: true },
      client: { status: "loggedIn", userId, anonymous: false },
    });
    expect(viewState(one("login.state"))).not.toHaveProperty("busy");
    // The tester's state lives in Saved/HelpshiftTS/EditorTester, never in the game's Saved/HelpshiftTS.
    expect(one("login.gameFiles")).toBe("");
    expect(Number(one("login.testerFiles"))).toBeGreaterThanOrEqual(1);

    // Push master attributes: one batch with the session, later; the service has the value.
    expect(viewState(one("master.inCall"))).toMatchObject({ busy: "masterAttributes" });
    expect(Number(one("master.later"))).toBeGreaterThanOrEqual(1);
    expect(one("master.http")).toBe(`POST /v1/apps/harness/attributes auth=${sessionToken!.slice(-12)}`);
    expect(viewState(one("master.state"))).toMatchObject({
      lastResult: { action: "masterAttributes", ok: true, message: expect.stringContaining("first_name") },
      client: { status: "loggedIn", userId },
    });
    expect(service.context.attributes.read(userId!).master).toMatchObject({ first_name: "Eve" });

    // Log out: the session is revoked and the stored session removed.
    expect(Number(one("logout.later"))).toBeGreaterThanOrEqual(1);
    expect(one("logout.http")).toBe(`POST /v1/apps/harness/logout auth=${sessionToken!.slice(-12)}`);
    expect(viewState(one("logout.state"))).toMatchObject({
      lastResult: { action: "logout", ok: true },
      client: { status: "loggedOut" },
    });
    expect(one("logout.session")).toBe("none");
    expect((await me(sessionToken!)).status).toBe(401);

    // Stop with a login's answer queued for the game thread, and (after the tab reopened: a new JsEnv) with a
    // login in flight: during Stop the bundle disposes; afterwards no bridge call, no PublishState, no log line,
    // no request, nothing into the dead env, and the tab's text stays as it was.
    expect(viewState(one("answerQueued.state"))).toMatchObject({ busy: "login" });
    expect(one("restart.ready")).toBe("1");
    expect(Number(one("restart.publishes"))).toBeGreaterThanOrEqual(2);
    expect(viewState(one("restart.state"))).toMatchObject({ token: { present: false }, events: [] });
    expect(one("inFlight.count")).toBe("1");
    expect(viewState(one("inFlight.state"))).toMatchObject({ busy: "login" });
    for (const step of ["stopAnswerQueued", "stopInFlight"]) {
      expect(one(`${step}.running`), step).toBe("0");
      expect(one(`${step}.after.bridgeCalls`), step).toBe("0");
      expect(one(`${step}.after.publishes`), step).toBe("0");
      expect(one(`${step}.after.http`), step).toBe("");
      expect(one(`${step}.after.inFlight`), step).toBe("0");
      expect(one(`${step}.after.logLines`), step).toBe("0");
      expect(one(`${step}.after.displayUnchanged`), step).toBe("1");
      expect(one(`${step}.after.callsIntoDeadEnv`), step).toBe("0");
    }
    expect(one("destroyed.bridgeCalls")).toBe("0");
    expect(one("end.callsIntoDeadEnv")).toBe("0");

    // Neither the dev secret, nor a JWT (the minted identity token), nor the session token is in any published
    // state or log line (the harness's own lines naming the stored session and the requests are left out).
    const lines = [...seen].filter(([key]) => !key.endsWith(".http") && key !== "login.session");
    const logs = lines.filter(([key]) => key.startsWith("log.")).flatMap(([, values]) => values);
    expect(logs.some((line) => line.startsWith("[editor tester] logged in"))).toBe(true);
    for (const [key, values] of lines)
      for (const value of values) {
        expect(value, key).not.toContain(secret);
        expect(value, key).not.toContain(sessionToken);
        expect(value, key).not.toMatch(/eyJ[\w-]+\.[\w-]*\.?/);
      }
  });
});

describe("the login tester as an Editor Utility Widget: UHelpshiftTSTesterWidget on the same tester JsEnv", () => {
  it("the default layout is built in an empty tree and wired; clicks and Blueprint calls reach the service; the state, text blocks and On Tester State Changed follow on later frames; Set Token + Log In logs a game's own token in; a designer's names are wired; closing or shutting down leaves nothing behind", async () => {
    const seen = await play("editor_widget", { devSecret: secret, widgetUid: "harness-widget" });
    const one = (key: string) => {
      expect(seen.get(key), key).toHaveLength(1);
      return seen.get(key)![0]!;
    };
    expect(seen.get("js.exception")).toBeUndefined();
    const all = [
      "ServiceUrlInput",
      "AppIdInput",
      "DevSecretInput",
      "UidInput",
      "EmailInput",
      "MoreIdentitiesInput",
      "LoginConfigInput",
      "MasterAttributesInput",
      "AppAttributesInput",
      "MintButton",
      "InspectButton",
      "LogInButton",
      "LogOutButton",
      "AddIdentitiesButton",
      "AppForegroundButton",
      "RefreshNowButton",
      "PushMasterAttributesButton",
      "PushAppAttributesButton",
      "ClearEventsButton",
      "StatusText",
      "ResultText",
      "InspectionText",
      "DetailsText",
      "OutboxText",
      "EventsText",
    ].join(",");
    // An empty tree (the factory's empty root panel): the default layout replaces it, every slot bound.
    expect(one("default.slots")).toBe(all);
    expect(one("default.root")).toBe("HelpshiftTSDefaultScroll");
    expect(one("default.formUrl")).toBe("http://127.0.0.1:8787");
    expect(one("start.running")).toBe("1");
    expect(one("start.token")).toBe("none");
    expect(one("typed.secretIsPassword")).toBe("1");

    // Every step: On Tester State Changed never inside the call, at least once on a later frame.
    for (const step of [
      "mint",
      "login",
      "master",
      "foreground",
      "refresh",
      "logout",
      "gameLogin",
      "inspectBad",
      "clear",
      "relogin",
    ]) {
      expect(one(`${step}.firedInCall`), step).toBe("0");
      expect(Number(one(`${step}.later`)), step).toBeGreaterThanOrEqual(1);
      expect(Number(one(`${step}.fired`)), step).toBeGreaterThanOrEqual(1);
    }
    expect(one("mint.result")).toBe("mint:ok");
    expect(Number(one("mint.token"))).toBeGreaterThan(100);
    expect(one("mint.inspection")).toContain("OK: passes the client checks.");

    expect(one("login.result")).toBe("login:ok");
    expect(one("login.identity")).toBe("loggedIn");
    const userId = one("login.user");
    expect(userId).not.toBe("");
    expect(Number(one("login.secondsLeft"))).toBeGreaterThan(0);
    expect(one("login.statusText")).toContain("logged in (identified)");
    expect(one("login.statusText")).toContain(`user ${userId}`);
    expect(one("login.resultBlock")).toContain("login:");
    expect(one("login.sameAsTab")).toBe("1");
    expect(viewState(one("login.stateJson").replaceAll("|", "\n"))).toMatchObject({
      client: { status: "loggedIn", userId },
      widget: { identityState: "loggedIn", userId },
    });

    // The time left counts down with no press: republished about a second later, nothing sent.
    expect(one("countdown.counted")).toBe("1");
    expect(Number(one("countdown.after"))).toBeLessThan(Number(one("countdown.before")));
    expect(Number(one("countdown.after"))).toBeGreaterThan(0);
    expect(Number(one("countdown.fired"))).toBeGreaterThanOrEqual(1);
    expect(one("countdown.http")).toBe("0");
    expect(one("countdown.statusText")).toContain("session left");

    // Set Master Attributes Json (Blueprint) shows in the bound text box and is what is pushed.
    expect(one("master.box")).toBe('{"first_name": "Wid", "custom_user_fields": {"nope": "x"}}');
    expect(one("master.result")).toBe("masterAttributes:ok");
    expect(service.context.attributes.read(userId).master).toMatchObject({ first_name: "Wid" });
    // The outbox, key by key: the accepted key sent, the undefined custom field refused and why.
    const outbox = seen.get("master.outbox") ?? [];
    expect(outbox).toContain("master first_name: sent");
    expect(outbox.find((line) => line.startsWith("master custom_user_fields.nope: refused: "))).toBeDefined();
    expect(one("master.outboxBlock")).toContain("master custom_user_fields.nope: refused: ");
    expect(one("master.outboxBlock")).toContain("master first_name: sent");
    expect(one("foreground.identity")).toBe("loggedIn");
    // Refresh now: renewed in place with the tester's token provider, same user.
    expect(one("refresh.result")).toBe("refresh:ok");
    expect(one("refresh.user")).toBe(userId);
    expect(one("logout.result")).toBe("logout:ok");
    expect(one("logout.identity")).toBe("loggedOut");

    // A game's own button: Set Token (the game's JWT) + Log In logs that user in.
    expect(one("gameLogin.result")).toBe("login:ok");
    const gameUser = one("gameLogin.user");
    expect(gameUser).not.toBe("");
    expect(gameUser).not.toBe(userId);
    expect(one("inspectBad.inspection")).not.toBe("");
    expect(one("inspectBad.inspection")).not.toContain("OK: passes");
    expect(Number(one("gameLogin.events"))).toBeGreaterThan(0);
    expect(one("clear.events")).toBe("0");
    expect(one("clear.eventsBlock")).toBe("");

    // Closed while a logout was in flight: the widget hears nothing more; the tester (the tab's) lives on.
    expect(one("closed.firedAfter")).toBe("0");
    expect(one("closed.testerRunning")).toBe("1");
    expect(one("closed.tabSeesLogout")).toBe("1");

    // A designer's layout: no default layout; the named widgets are wired; the game's own button is left alone.
    expect(one("designed.slots")).toBe("LogInButton,StatusText");
    expect(one("designed.rootChildren")).toBe("3");
    expect(one("designedLogin.firedInCall")).toBe("0");
    expect(one("designedLogin.result")).toBe("login:ok");
    expect(one("designedLogin.user")).toBe(gameUser);
    expect(one("designedLogin.statusText")).toContain("logged in (identified)");
    // DefaultLayoutHost: the default layout inside it; the game's button beside it.
    expect(one("hosted.slots")).toBe(all);
    expect(one("hosted.hostChildren")).toBe("1");
    expect(one("hosted.rootChildren")).toBe("2");
    expect(one("hosted.user")).toBe(gameUser);

    // The module shut the tester down: a widget's action does nothing (no request, no event, no dead-env call).
    expect(one("shutdown.firedAfter")).toBe("0");
    expect(one("shutdown.http")).toBe("0");
    expect(one("shutdown.callsIntoDeadEnv")).toBe("0");
    // The next editor run: the stored session shows as the widget opens, before any press; nothing sent for it.
    expect(one("reopen.shownAtOnce")).toBe(gameUser);
    expect(one("reopen.identity")).toBe("loggedIn");
    expect(one("reopen.user")).toBe(gameUser);
    expect(Number(one("reopen.secondsLeft"))).toBeGreaterThan(0);
    expect(one("reopen.statusText")).toContain(`logged in (identified) · user ${gameUser} · session left `);
    expect(one("reopen.result")).toBe(":failed");
    expect(one("reopen.formApp")).toBe("harness");
    expect(one("reopen.http")).toBe("0");
    expect(one("end.callsIntoDeadEnv")).toBe("0");

    // No dev secret, JWT or session token in anything a Blueprint reads or a log line.
    for (const [key, values] of seen)
      for (const value of values) {
        expect(value, key).not.toContain(secret);
        expect(value, key).not.toMatch(/eyJ[\w-]+\.[\w-]*\.?/);
      }
  });
});
