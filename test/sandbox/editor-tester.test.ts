/**
 * The editor's login tester bundle (HelpshiftTS/editor-tester), loaded into a bare context (ECMAScript +
 * console + timers) and driven exactly as Source/HelpshiftTSEditor drives it: each button press is one
 * `testerAction` command carrying every input's text; TypeScript answers with the whole view state through
 * `PublishState`, and does HTTP, files, randomness and logging through the editor bridge's UFUNCTIONs. HTTP goes
 * to the real identity service on 127.0.0.1:0.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jwtVerify } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build";
import { HelpshiftEvent, Limits, ProtocolPath } from "../../TypeScript/contract";
import type { HttpRequest, HttpResponse } from "../../TypeScript/core/ports";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { STATE_EVENT, TOKEN_EVENT } from "../../TypeScript/tester/view-model";
import { EditorTesterCommand } from "../../TypeScript/ue/editor/commands";
import type { EditorForm } from "../../TypeScript/ue/editor/messages";
import { EditorNotice } from "../../TypeScript/ue/editor/tester-host";
import type { EditorViewState } from "../../TypeScript/ue/editor/view-state";
import { readReflectedClasses } from "../consistency/cpp-reflection";
import { BridgeHost } from "./puerts-host";

const SECRET = "editor-dev-secret-0123456789abcdef";
const APP = "sandbox";
let editorJs = "";
let service: IdentityService;
let serviceUrl = "";
const hosts: FakeEditorModule[] = [];

async function realHttp(request: HttpRequest): Promise<HttpResponse> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(request.url, init);
  // As the C++ transport does: the clock headers the core (and the tester's clock probe) read.
  const headers: Record<string, string> = {};
  for (const name of ["x-server-time", "date"]) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, body: await response.text(), headers };
}

/**
 * FHelpshiftTSEditorTester and the tab, in TypeScript: owns the editor bridge, sends one command per button with
 * the inputs' text, performs HTTP, keeps files in a map (Saved/HelpshiftTS/EditorTester) and keeps the last
 * state JSON, as the tab displays it.
 */
class FakeEditorModule extends BridgeHost {
  readonly states: string[] = [];

  constructor(code: string, http: (request: HttpRequest) => Promise<HttpResponse>, files?: Map<string, string>) {
    super({ http, files, keyPattern: /^[A-Za-z0-9_-]{1,200}$/, recordSavedValue: true });
    this.load(code, {
      PublishState: (stateJson: string) => {
        this.record("PublishState", [stateJson]);
        this.states.push(stateJson);
      },
    });
  }

  /**
   * FGuid::NewGuid stands in for the OS source in C++; here the OS source itself (batch ids must not repeat
   * across hosts: the service answers a repeated batch id with its earlier answer).
   */
  protected randomBytesHex(count: number): string {
    return randomBytes(count).toString("hex");
  }

  /** A button of the tab: one command with every input's text. */
  press(action: string, form: EditorForm) {
    this.command(0, EditorTesterCommand.action, JSON.stringify({ action, form }));
  }

  /** The state the tab shows now. */
  get view(): EditorViewState {
    return JSON.parse(this.states[this.states.length - 1] ?? "null") as EditorViewState;
  }

  /** ShutdownModule: the dispose command, after which the JsEnv goes away. */
  shutdown() {
    this.command(0, EditorTesterCommand.dispose, "{}");
  }
}

function start(http = realHttp, files?: Map<string, string>) {
  const host = new FakeEditorModule(editorJs, http, files);
  hosts.push(host);
  return host;
}

function form(fields: Partial<EditorForm> = {}): EditorForm {
  return {
    serviceUrl,
    appId: APP,
    secret: SECRET,
    uid: "ada-1",
    email: "ada@example.com",
    identity: "",
    config: '{"full_privacy_enabled": false}',
    masterAttributes: '{"first_name": "Ada", "new_tags": ["vip"]}',
    appAttributes: '{"app_version": "1.0.0"}',
    ...fields,
  };
}

/** Everything that left TypeScript as text: log lines, state JSON, HTTP requests, stored files. */
function everythingSentOut(host: FakeEditorModule): string[] {
  return host.calls.flatMap((c) => c.args.filter((a): a is string => typeof a === "string"));
}

beforeAll(async () => {
  const built = await build({ outDir: mkdtempSync(join(tmpdir(), "hsts-editor-")), only: ["editor-tester"] });
  editorJs = readFileSync(built[0]!.file, "utf8");
  service = await createIdentityService({ database: ":memory:" });
  service.apps.create({ id: APP, name: "Sandbox", identityEnabled: true, secret: SECRET });
  service.apps.create({ id: "other", name: "Other", identityEnabled: true, secret: SECRET });
  serviceUrl = await service.listen({ host: "127.0.0.1", port: 0 });
});

afterEach(() => {
  for (const host of hosts.splice(0)) host.shutdown();
});

afterAll(async () => {
  await service.close();
});

describe("the editor tester bundle in a bare engine", () => {
  it("is driven through a stand-in bridge with exactly the editor bridge's UFUNCTIONs", () => {
    const host = start();
    const header = readReflectedClasses([join(__dirname, "../../Source/HelpshiftTSEditor/Public")]).get(
      "UHelpshiftTSEditorBridge",
    );
    expect(header).toBeDefined();
    expect([...host.bridgeFunctionNames].sort()).toEqual([...header!.functions.keys()].sort());
  });

  it("binds OnCommand, reports ready, then publishes a first state with no client yet", () => {
    const host = start();
    expect(host.ready).toBe(true);
    expect(host.calls.map((c) => c.name).slice(0, 2)).toEqual(["NotifyReady", "PublishState"]);
    expect(host.view).toMatchObject({ serviceUrl: "", secretEntered: false, token: { present: false, length: 0 } });
    expect(host.view.client).toBeUndefined();
    expect(host.callsTo("SendHttpRequest")).toEqual([]);
  });

  it("mint → inspect → log in → push attributes → log out against the real service", async () => {
    const host = start();

    host.press("mint", form());
    const minted = host.view;
    expect(minted.lastResult).toMatchObject({ action: "mint", ok: true });
    expect(minted.secretEntered).toBe(true);
    expect(minted.token.present).toBe(true);
    expect(minted.serviceUrl).toBe(serviceUrl);
    expect(minted.inspection).toMatchObject({ ok: true, identifiers: ["uid", "email"], anonymous: false });

    host.press("inspect", form({ config: '{"full_privacy_enabled": "yes", "": 1}' }));
    expect(host.view.inspection).toMatchObject({
      ok: false,
      reason: "loginConfigInvalid",
      errors: { "": "emptyData" },
    });
    host.press("inspect", form());
    expect(host.view.inspection?.ok).toBe(true);

    host.press("login", form());
    expect(host.view.busy).toBe("login");
    await host.settleHttp();
    const loggedIn = host.view;
    expect(loggedIn.busy).toBeUndefined();
    expect(loggedIn.lastResult).toMatchObject({ action: "login", ok: true });
    expect(loggedIn.client).toMatchObject({ initialized: true, status: "loggedIn", anonymous: false });
    const user = service.context.users.findByIdentity(APP, "uid", "ada-1");
    expect(user).toBeDefined();
    expect(loggedIn.client?.userId).toBe(user!.id);
    expect(host.callsTo("SendHttpRequest").some((c) => c.args[2] === `${serviceUrl}${ProtocolPath.login(APP)}`)).toBe(
      true,
    );

    host.press("pushMasterAttributes", form());
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "masterAttributes", ok: true });
    expect(service.context.attributes.read(user!.id).master.first_name).toBe("Ada");
    // The service has no "vip" tag defined: the refusal reaches the tab as an event in the state.
    expect(host.view.events[0]).toMatchObject({
      event: "masterAttributesSyncFailed",
      data: { "new_tags.vip": "invalidData" },
    });

    host.press("logout", form());
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "logout", ok: true });
    expect(host.view.client).toMatchObject({ status: "loggedOut" });
    expect(host.callsTo("SendHttpRequest").some((c) => c.args[2] === `${serviceUrl}${ProtocolPath.logout(APP)}`)).toBe(
      true,
    );

    // The dev secret and every JWT stay inside TypeScript: not in logs, state, HTTP or files.
    const out = everythingSentOut(host);
    expect(out.length).toBeGreaterThan(10);
    for (const text of out) expect(text).not.toContain(SECRET);
    for (const state of host.states) expect(state).not.toMatch(/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./);
    for (const log of host.logs) expect(log.message).not.toMatch(/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./);
  });

  it("adds identities to the logged-in user with a freshly minted token, and shows a refused one as an event", async () => {
    const host = start();
    host.press("mint", form({ uid: "grace-1", email: "" }));
    host.press("login", form({ uid: "grace-1", email: "" }));
    await host.settleHttp();
    expect(host.view.client?.status).toBe("loggedIn");

    host.press("mint", form({ uid: "grace-1", email: "", identity: "steam_id=st-77" }));
    host.press("addIdentities", form({ uid: "grace-1", email: "", identity: "steam_id=st-77" }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "addIdentities", ok: true });
    const user = service.context.users.findByIdentity(APP, "uid", "grace-1")!;
    expect(service.context.users.identitiesOf(user.id)).toContainEqual(
      expect.objectContaining({ identifier: "steam_id", value: "st-77" }),
    );

    // A value of exactly 300 characters (the limit) is taken...
    const atLimit = "w".repeat(300);
    host.press("mint", form({ uid: "grace-1", email: "", identity: `xbox_live_id=${atLimit}` }));
    host.press("addIdentities", form({ uid: "grace-1", email: "", identity: `xbox_live_id=${atLimit}` }));
    await host.settleHttp();
    expect(service.context.users.identitiesOf(user.id)).toContainEqual(
      expect.objectContaining({ identifier: "xbox_live_id", value: atLimit }),
    );

    // ...one of 301 is refused on the client, as an identitiesDataInvalid event.
    const long = "v".repeat(301);
    host.press("mint", form({ uid: "grace-1", email: "", identity: `steam_id=${long}` }));
    host.press("addIdentities", form({ uid: "grace-1", email: "", identity: `steam_id=${long}` }));
    await host.settleHttp();
    expect(host.view.events[0]).toMatchObject({
      event: "identitiesDataInvalid",
      data: { steam_id: "exceededValueLengthLimit" },
    });
    expect(service.context.users.identitiesOf(user.id).some((i) => i.value === long)).toBe(false);
  });

  it("mints a token the service's own verifier accepts with the app secret (HS256)", async () => {
    const host = start();
    host.press("mint", form());
    // The token never leaves TypeScript, so take it from the login request the bundle sends.
    host.press("login", form());
    await host.settleHttp();
    const login = host.callsTo("SendHttpRequest").find((c) => String(c.args[2]).endsWith(ProtocolPath.login(APP)));
    const body = JSON.parse(String(login!.args[4])) as Record<string, unknown>;
    const jwt = Object.values(body).find((v) => typeof v === "string" && v.startsWith("eyJ")) as string;
    const verified = await jwtVerify(jwt, new TextEncoder().encode(SECRET), { algorithms: ["HS256"] });
    expect(verified.payload.identities).toEqual([
      { identifier: "uid", value: "ada-1" },
      { identifier: "email", value: "ada@example.com" },
    ]);
  });

  it("shows the service's refusal of a token minted with the wrong secret", async () => {
    const host = start();
    host.press("mint", form({ secret: "not-the-app-secret-0123456789" }));
    host.press("login", form({ secret: "not-the-app-secret-0123456789" }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({
      action: "login",
      ok: false,
      reason: "identityTokenInvalid",
      detail: "signatureInvalid",
    });
    expect(host.view.client?.status).toBe("loggedOut");
    for (const text of everythingSentOut(host)) expect(text).not.toContain("not-the-app-secret-0123456789");
  });

  it("checks the token locally before any request: 30 entries pass, the 31st is the size limit", () => {
    const host = start();
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `steam_id=s${i}`).join("\n");
    // uid + email + 28 more = 30 entries: a repeated identifier with distinct values is legal, up to the count.
    host.press("mint", form({ identity: lines(28) }));
    expect(host.view.inspection).toMatchObject({ ok: true });
    expect(host.view.inspection?.identifiers).toHaveLength(30);
    // One more is 31: the size limit, checked first.
    host.press("mint", form({ identity: lines(29) }));
    expect(host.view.inspection).toMatchObject({ ok: false, reason: "identitiesSizeLimitExceeded" });
    expect(host.callsTo("SendHttpRequest")).toEqual([]);
  });

  it("reports a flush that could not reach the service as not delivered, as the web page does", async () => {
    let down = false;
    const host = start((request) =>
      down && request.url.includes("/attributes")
        ? Promise.resolve({ status: 503, body: '{"reason":"unavailable"}' })
        : realHttp(request),
    );
    host.press("mint", form({ uid: "down-1", email: "" }));
    host.press("login", form({ uid: "down-1", email: "" }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "login", ok: true });
    down = true;
    host.press("pushMasterAttributes", form({ uid: "down-1", email: "", masterAttributes: '{"first_name": "Dee"}' }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "masterAttributes", ok: false });
    expect(host.view.lastResult?.message).toMatch(/did not reach the service/);
  });

  it("refuses a command it does not understand with a notice, and logs no payload", () => {
    const host = start();
    host.command(0, EditorTesterCommand.action, JSON.stringify({ action: "rm -rf", form: { secret: SECRET } }));
    expect(host.view.notice).toBe(EditorNotice.badCommand);
    host.command(0, EditorTesterCommand.action, `{"action":"mint","form":{"secret":"${SECRET}"`);
    expect(host.view.notice).toBe(EditorNotice.badCommand);
    expect(host.logs.filter((l) => l.level === "error")).toHaveLength(2);
    host.command(0, EditorTesterCommand.action, JSON.stringify({ action: "mint", form: { secret: 42 } }));
    expect(host.view.notice).toBe(EditorNotice.badCommand);
    host.command(
      0,
      EditorTesterCommand.action,
      JSON.stringify({ action: "pushAppAttributes", form: { appAttributes: {} } }),
    );
    expect(host.view.notice).toBe(EditorNotice.badCommand);
    expect(host.view.lastResult).toBeUndefined();
    for (const text of everythingSentOut(host)) expect(text).not.toContain(SECRET);
    host.press("inspect", form());
    expect(host.view.notice).toBeUndefined();
  });

  it("starts a new client when the service URL changes, and says so", async () => {
    const host = start();
    host.press("mint", form({ serviceUrl: "http://127.0.0.1:9" }));
    host.press("login", form({ serviceUrl: "http://127.0.0.1:9" }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "login", ok: false, reason: "networkError" });
    host.press("login", form());
    expect(host.view.notice).toBe(EditorNotice.serviceChanged);
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "login", ok: true });
    expect(host.view.serviceUrl).toBe(serviceUrl);
  });

  it("keeps each app's session apart in the tester's own storage, and restores it on the next start", async () => {
    const files = new Map<string, string>();
    const first = start(realHttp, files);
    first.press("mint", form());
    first.press("login", form());
    await first.settleHttp();
    expect(first.view.client?.status).toBe("loggedIn");
    const keys = [...files.keys()];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^sandbox_007e[0-9a-f]{12}_003a/);
    first.shutdown();

    // Another app id in the same folder: nothing of sandbox's session is seen.
    const other = start(realHttp, files);
    other.press("logout", form({ appId: "other" }));
    await other.settleHttp();
    expect(other.view.client).toMatchObject({ status: "loggedOut" });
    expect(other.callsTo("SendHttpRequest")).toEqual([]);
    other.shutdown();

    // Same app and service: the persisted session is back.
    const again = start(realHttp, files);
    again.press("pushMasterAttributes", form({ masterAttributes: '{"last_name": "Lovelace"}' }));
    await again.settleHttp();
    expect(again.view.client).toMatchObject({ status: "loggedIn", anonymous: false });
    const user = service.context.users.findByIdentity(APP, "uid", "ada-1")!;
    expect(service.context.attributes.read(user.id).master.last_name).toBe("Lovelace");
  });

  it("connect at start (as C++ sends it): a session stored by an earlier run shows before any button, nothing sent", async () => {
    const files = new Map<string, string>();
    const first = start(realHttp, files);
    first.press("mint", form({ uid: "stored-1", email: "" }));
    first.press("login", form({ uid: "stored-1", email: "" }));
    await first.settleHttp();
    const userId = first.view.client?.userId;
    expect(userId).toBeDefined();
    first.shutdown();

    // The next editor run: the tester starts, then C++ sends connect with the form the tab opens with.
    const again = start(realHttp, files);
    expect(again.view.client).toBeUndefined();
    again.press("connect", { serviceUrl, appId: APP });
    const view = again.view;
    expect(view.client).toMatchObject({ status: "loggedIn", userId, anonymous: false });
    expect(view.widget.identityState).toBe("loggedIn");
    expect(view.widget.userId).toBe(userId);
    expect(view.widget.secondsLeft).toBeGreaterThan(0);
    expect(view.widget.statusLine).toContain(`logged in (identified) · user ${userId} · session left `);
    expect(view.notice).toBeUndefined();
    await again.settleHttp();
    expect(again.callsTo("SendHttpRequest")).toEqual([]);

    // Another app's form restores nothing of it.
    const other = start(realHttp, files);
    other.press("connect", { serviceUrl, appId: "other" });
    expect(other.view.client).toMatchObject({ status: "loggedOut" });
    expect(other.view.client?.userId).toBeUndefined();
  });

  it("App foreground: nothing while the session is live; once the service ended it, every press re-sends userSessionExpired", async () => {
    const host = start();
    const expired = () => host.view.events.filter((e) => e.event === HelpshiftEvent.userSessionExpired);
    host.press("mint", form({ uid: "fg-1", email: "" }));
    host.press("login", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    expect(host.view.client?.status).toBe("loggedIn");

    host.press("foreground", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    expect(expired()).toEqual([]);
    expect(host.view.client).toMatchObject({ status: "loggedIn", expired: false });

    // The service ends the session (as an admin would); the next sync learns it. The dev secret is cleared, so
    // the tester's token provider cannot renew the session (with it, the session is renewed in place: see below).
    const user = service.context.users.findByIdentity(APP, "uid", "fg-1")!;
    service.db.prepare("UPDATE sessions SET revoked_at = 1 WHERE user_id = ?").run(user.id);
    host.press(
      "pushMasterAttributes",
      form({ uid: "fg-1", email: "", secret: "", masterAttributes: '{"first_name": "Fay"}' }),
    );
    await host.settleHttp();
    expect(expired()).toHaveLength(1);
    expect(host.view.client).toMatchObject({ status: "loggedOut", expired: true });
    expect(service.context.attributes.read(user.id).master.first_name).toBeUndefined();

    const requests = host.callsTo("SendHttpRequest").length;
    host.press("foreground", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    expect(expired()).toHaveLength(2);
    host.press("foreground", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    expect(expired()).toHaveLength(3);
    expect(expired()[0]?.data).toEqual({});
    // Foreground re-checks locally: it asks the service nothing.
    expect(host.callsTo("SendHttpRequest")).toHaveLength(requests);

    // A new login clears the expired state; foreground is quiet again.
    host.press("login", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    host.press("foreground", form({ uid: "fg-1", email: "" }));
    await host.settleHttp();
    expect(host.view.client).toMatchObject({ status: "loggedIn", expired: false });
    expect(expired()).toHaveLength(3);
  });

  it("a session the service ended is renewed in place by the tester's token provider, with the dev secret", async () => {
    const host = start();
    const fields = { uid: "renew-1", email: "" };
    host.press("mint", form(fields));
    host.press("login", form(fields));
    await host.settleHttp();
    const first = host.view.client!;
    const user = service.context.users.findByIdentity(APP, "uid", "renew-1")!;
    service.db.prepare("UPDATE sessions SET revoked_at = 1 WHERE user_id = ?").run(user.id);
    host.press("pushMasterAttributes", form({ ...fields, masterAttributes: '{"first_name": "Rena"}' }));
    await host.settleHttp(30);
    // userSessionExpired still fires; the provider mints a fresh token and the same user comes back in place.
    expect(host.view.events.some((e) => e.event === HelpshiftEvent.userSessionExpired)).toBe(true);
    const notes = host.view.events.map((e) => e.note).filter((n) => n !== undefined);
    expect(notes).toContain("fresh identity token minted for the refresh (the session expired)");
    expect(notes.some((n) => n.startsWith(`session refreshed in place: user ${user.id}`))).toBe(true);
    expect(host.view.identityState).toMatchObject({ state: "loggedIn", userId: user.id });
    expect(host.view.client?.userId).toBe(first.userId);
    // The attribute queued across the renewal went out with the new session.
    expect(service.context.attributes.read(user.id).master.first_name).toBe("Rena");
    for (const text of everythingSentOut(host)) expect(text).not.toContain(SECRET);
  });

  it("Refresh now (refreshSession): the view state shows refreshing, then logged in, and the log says so", async () => {
    const host = start();
    const fields = { uid: "now-1", email: "" };
    host.press("refreshSession", form(fields));
    expect(host.view.lastResult).toMatchObject({
      action: "refresh",
      ok: false,
      message: "Nothing to refresh: no user is logged in.",
    });
    host.press("mint", form(fields));
    host.press("login", form(fields));
    await host.settleHttp();
    const before = host.view;
    expect(before.identityState).toMatchObject({
      state: "loggedIn",
      text: expect.stringMatching(/^logged in \(identified\) · user \S+ · session left /),
    });
    expect(before.identityState?.secondsLeft).toBeGreaterThan(0);
    // The service's clock, from the X-Server-Time of the answers (same machine: in step).
    expect(before.serviceClock).toMatchObject({ text: expect.stringMatching(/^service clock /) });
    expect(Math.abs(before.serviceClock!.skewMs)).toBeLessThan(5_000);

    const published = host.states.length;
    host.press("refreshSession", form(fields));
    expect(host.view.busy).toBe("refresh");
    await host.settleHttp(30);
    const seen = host.states.slice(published).map((json) => (JSON.parse(json) as EditorViewState).identityState?.state);
    expect(seen).toContain("refreshing");
    expect(host.view.identityState?.state).toBe("loggedIn");
    expect(host.view.lastResult).toMatchObject({ action: "refresh", ok: true });
    expect(host.view.lastResult?.message).toMatch(/^Session refreshed in place: user \S+, until /);
    expect(host.view.client?.userId).toBe(before.client?.userId);
    // The token line comes when the provider answers; the state lines as the client publishes (a tick later).
    const newest = host.view.events.slice(0, 3);
    expect(newest.map((e) => e.event).sort()).toEqual([STATE_EVENT, STATE_EVENT, TOKEN_EVENT].sort());
    expect(newest.map((e) => e.note)).toContain("session refresh started (ahead of expiry)");
    expect(newest.map((e) => e.note)).toContain("fresh identity token minted for the refresh (ahead of expiry)");
    expect(newest[0]?.note).toMatch(/^session refreshed in place: user /);
    // One login request for the refresh, with a token minted by the tester.
    const logins = host
      .callsTo("SendHttpRequest")
      .filter((c) => c.args[2] === `${serviceUrl}${ProtocolPath.login(APP)}`);
    expect(logins).toHaveLength(2);
    for (const state of host.states) expect(state).not.toMatch(/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./);
  });

  it("App foreground before any client exists changes nothing but the form and asks the service nothing", async () => {
    const host = start();
    host.press("foreground", form({ appId: "other" }));
    await host.settleHttp();
    expect(host.view).toMatchObject({ appId: "other", events: [] });
    expect(host.view.client).toBeUndefined();
    expect(host.view.lastResult).toBeUndefined();
    expect(host.callsTo("SendHttpRequest")).toEqual([]);
  });

  it("pushes the app attribute map to the service's store, apart from the master map, at the value limit (255/256)", async () => {
    const host = start();
    host.press("mint", form({ uid: "app-1", email: "" }));
    host.press("login", form({ uid: "app-1", email: "" }));
    await host.settleHttp();
    const user = service.context.users.findByIdentity(APP, "uid", "app-1")!;

    host.press("pushAppAttributes", form({ uid: "app-1", email: "", appAttributes: '{"app_version": "2.5.0"}' }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "appAttributes", ok: true });
    expect(service.context.attributes.read(user.id)).toMatchObject({ app: { app_version: "2.5.0" }, master: {} });
    // Only the tester's own lines for the login's changes of state: no event.
    expect(host.view.events.filter((e) => e.event !== STATE_EVENT)).toEqual([]);

    const atLimit = "9".repeat(Limits.customFieldValueLength);
    host.press(
      "pushAppAttributes",
      form({ uid: "app-1", email: "", appAttributes: JSON.stringify({ os_version: atLimit }) }),
    );
    await host.settleHttp();
    expect(service.context.attributes.read(user.id).app).toEqual({ app_version: "2.5.0", os_version: atLimit });

    // One character more is refused on the client, as an event; the stored value stays.
    const over = `${atLimit}9`;
    host.press(
      "pushAppAttributes",
      form({ uid: "app-1", email: "", appAttributes: JSON.stringify({ os_version: over }) }),
    );
    await host.settleHttp();
    expect(host.view.events[0]).toMatchObject({
      event: HelpshiftEvent.appAttributesValidationFailed,
      data: { os_version: "exceededValueLengthLimit" },
    });
    expect(service.context.attributes.read(user.id).app.os_version).toBe(atLimit);

    // Not a JSON object: refused in the tester, nothing sent.
    const requests = host.callsTo("SendHttpRequest").length;
    host.press("pushAppAttributes", form({ uid: "app-1", email: "", appAttributes: '["app_version"]' }));
    await host.settleHttp();
    expect(host.view.lastResult).toMatchObject({ action: "appAttributes", ok: false });
    expect(host.callsTo("SendHttpRequest")).toHaveLength(requests);
  });

  it("Clear events empties the event log, even while an action runs, and sends nothing", async () => {
    const host = start();
    host.press("mint", form({ uid: "clr-1", email: "" }));
    host.press("login", form({ uid: "clr-1", email: "" }));
    await host.settleHttp();
    host.press("pushMasterAttributes", form({ uid: "clr-1", email: "" }));
    await host.settleHttp();
    expect(host.view.events.map((e) => e.event)).toContain(HelpshiftEvent.masterAttributesSyncFailed);

    const requests = host.callsTo("SendHttpRequest").length;
    host.press("clearEvents", form({ uid: "clr-1", email: "" }));
    expect(host.view.events).toEqual([]);
    expect(host.view.client?.status).toBe("loggedIn");
    expect(host.view.lastResult).toMatchObject({ action: "masterAttributes", ok: true });
    expect(host.callsTo("SendHttpRequest")).toHaveLength(requests);

    // New events arrive after a clear; a clear during a running action empties the log and leaves the action be.
    host.press("pushMasterAttributes", form({ uid: "clr-1", email: "" }));
    expect(host.view.busy).toBe("masterAttributes");
    host.press("clearEvents", form({ uid: "clr-1", email: "" }));
    expect(host.view.events).toEqual([]);
    expect(host.view.busy).toBe("masterAttributes");
    await host.settleHttp();
    expect(host.view.busy).toBeUndefined();
    expect(host.view.events).toHaveLength(1);
    host.press("clearEvents", form({ uid: "clr-1", email: "" }));
    expect(host.view.events).toEqual([]);
  });

  it("after dispose, answers nothing and publishes nothing", async () => {
    const host = start();
    host.press("mint", form());
    host.shutdown();
    const before = host.calls.length;
    host.press("login", form());
    host.command(1, EditorTesterCommand.httpResponse, JSON.stringify({ status: 200, body: "{}" }));
    await host.settleHttp(3);
    expect(host.calls.length).toBe(before);
  });
});
