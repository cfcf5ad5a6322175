import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import type { ClientState, IdentityTokenProvider } from "../../TypeScript/core/api";
import { LoginFailure } from "../../TypeScript/core/errors";
import type { ServiceClockReading } from "../../TypeScript/tester/identity-view";
import {
  createTesterViewModel,
  MAX_EVENTS,
  STATE_EVENT,
  type TesterState,
  TOKEN_EVENT,
} from "../../TypeScript/tester/view-model";
import { type FakeClient, fakeClient } from "./fake-client";

const NOW_MS = 1_800_000_000_000;
const SECRET = "dev-secret-for-the-tester";

function setup(
  options: {
    restored?: FakeClient["restored"];
    undelivered?: () => number;
    clock?: { now(): number };
    serviceClock?: () => ServiceClockReading | undefined;
  } = {},
) {
  const clients: FakeClient[] = [];
  const clock = options.clock ?? { now: () => NOW_MS };
  const vm = createTesterViewModel({
    ...(options.undelivered ? { undelivered: options.undelivered } : {}),
    ...(options.serviceClock ? { serviceClock: options.serviceClock } : {}),
    clock,
    serviceUrl: "http://127.0.0.1:1",
    createClient(parameters) {
      const client = fakeClient();
      client.restored = options.restored;
      client.Init(parameters);
      clients.push(client);
      return client;
    },
  });
  const seen: TesterState[] = [];
  vm.subscribe((s) => seen.push(s));
  return { vm, clients, seen };
}

describe("tester view-model: mint and inspect", () => {
  it("mints an HS256 token from the form that verifies with the dev secret", async () => {
    const { vm } = setup();
    vm.update({
      secret: SECRET,
      uid: "42",
      email: "ada@example.com",
      identities: "steam_id=7656\n\n",
      metadata: "uid.tier=gold",
    });
    vm.mint();
    const { form, inspection, lastResult } = vm.getState();
    expect(lastResult).toMatchObject({ action: "mint", ok: true });
    const { payload } = await jwtVerify(form.token, new TextEncoder().encode(SECRET), {
      currentDate: new Date(NOW_MS),
    });
    expect(payload).toEqual({
      identities: [
        { identifier: "uid", value: "42", metadata: { tier: "gold" } },
        { identifier: "email", value: "ada@example.com" },
        { identifier: "steam_id", value: "7656" },
      ],
      iat: NOW_MS / 1000,
    });
    expect(inspection).toEqual({
      ok: true,
      anonymous: false,
      identifiers: ["uid", "email", "steam_id"],
      iatAgeSeconds: 0,
      warnings: [],
    });
  });

  it("re-inspects when the config or token changes", () => {
    const { vm } = setup();
    vm.update({ secret: SECRET, email: "a@b.c" });
    vm.mint();
    vm.update({ config: '{"full_privacy_enabled": "true"}' });
    expect(vm.getState().inspection).toMatchObject({
      ok: true,
      anonymous: true,
      warnings: [{ code: "emailOnlyWithFullPrivacy" }],
    });
    vm.update({ config: "{oops" });
    expect(vm.getState()).toMatchObject({ inspection: undefined, formError: "The login config is not valid JSON." });
    vm.update({ config: "{}", token: "garbage" });
    expect(vm.getState().inspection).toMatchObject({
      ok: false,
      reason: "identityTokenInvalid",
      detail: "malformedToken",
    });
    expect(vm.getState().formError).toBeUndefined();
  });

  it("inspects the token as login sends it: surrounding whitespace trimmed", () => {
    const { vm } = setup();
    vm.update({ secret: SECRET, uid: "1" });
    vm.mint();
    vm.update({ token: `  ${vm.getState().form.token}\n` });
    expect(vm.getState().inspection).toMatchObject({ ok: true, identifiers: ["uid"] });
  });

  it("an old iat is minted as asked and warned about; iat none gives iatIsMandatory", () => {
    const { vm } = setup();
    vm.update({ secret: SECRET, uid: "1", iat: String(NOW_MS / 1000 - 86_401) });
    vm.mint();
    expect(vm.getState().inspection).toMatchObject({
      ok: true,
      iatAgeSeconds: 86_401,
      warnings: [{ code: "iatTooOld" }],
    });
    vm.update({ iat: "none" });
    vm.mint();
    expect(vm.getState().inspection).toMatchObject({ ok: false, reason: "iatIsMandatory" });
  });

  it("refuses to mint without a secret or with a bad line", () => {
    const { vm } = setup();
    vm.update({ uid: "1" });
    vm.mint();
    expect(vm.getState().lastResult).toEqual({
      action: "mint",
      ok: false,
      message: "Enter the app's dev secret first.",
    });
    vm.update({ secret: SECRET, metadata: "nobody.k=v" });
    vm.mint();
    expect(vm.getState().lastResult?.message).toContain("not an identity");
    expect(vm.getState().form.token).toBe("");
  });
});

describe("tester view-model: driving the client", () => {
  it("creates one client per app id with the service URL, and logs in with the parsed config", async () => {
    const { vm, clients } = setup();
    vm.update({ token: "", config: '{"full_privacy_enabled": true}' });
    await vm.login();
    expect(clients).toHaveLength(1);
    expect(clients[0]?.init).toEqual({
      serviceUrl: "http://127.0.0.1:1",
      appId: "demo",
      identityTokenProvider: expect.any(Function),
    });
    expect(clients[0]?.calls).toContainEqual(["login", "", { full_privacy_enabled: true }]);
    expect(vm.getState()).toMatchObject({
      lastResult: { action: "login", ok: true, message: "Logged in as anonymous user hsft_anon_1." },
      client: { status: "loggedIn", anonymous: true },
      busy: undefined,
    });
    await vm.logout();
    expect(vm.getState().client?.status).toBe("loggedOut");
    vm.update({ appId: "other" });
    await vm.login();
    expect(clients).toHaveLength(2);
    expect(clients[0]?.disposed).toBe(true);
    expect(clients[1]?.init?.appId).toBe("other");
  });

  it("reports a login failure as data, without the token or the secret", async () => {
    const { vm, clients } = setup();
    vm.update({ secret: SECRET, uid: "1" });
    vm.mint();
    await vm.login();
    const client = clients[0] as FakeClient;
    client.loginOutcome = new LoginFailure({ reason: "identitiesDataInvalid", errors: { uid: "emptyData" } });
    await vm.login();
    const result = vm.getState().lastResult;
    expect(result).toMatchObject({
      action: "login",
      ok: false,
      reason: "identitiesDataInvalid",
      errors: { uid: "emptyData" },
    });
    client.loginOutcome = new Error(`boom ${vm.getState().form.token} ${SECRET}`);
    await vm.login();
    const message = vm.getState().lastResult?.message ?? "";
    expect(message).toContain("boom");
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(vm.getState().form.token);
  });

  it("shows busy while an action runs and ignores a second action meanwhile", async () => {
    const { vm, clients, seen } = setup();
    const first = vm.login();
    expect(vm.getState().busy).toBe("login");
    await vm.logout();
    await first;
    expect(clients[0]?.calls.map((c) => c[0])).toEqual(["Init", "login"]);
    expect(seen.some((s) => s.busy === "login")).toBe(true);
    expect(vm.getState().busy).toBeUndefined();
  });

  it("pushes attributes then flushes for an identified user; refuses JSON that is not an object", async () => {
    const { vm, clients } = setup();
    vm.update({ token: "a.b.c" });
    await vm.login();
    vm.update({ masterAttributes: '{"first_name": "Ada"}', appAttributes: '{"app_version": "2"}' });
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult).toEqual({
      action: "masterAttributes",
      ok: true,
      message: "Queued and flushed first_name.",
    });
    await vm.pushAttributes("app");
    expect(clients[0]?.calls.slice(2)).toEqual([
      ["master", { first_name: "Ada" }],
      ["flush"],
      ["app", { app_version: "2" }],
      ["flush"],
    ]);
    vm.update({ appAttributes: "[1]" });
    await vm.pushAttributes("app");
    expect(vm.getState().lastResult).toEqual({
      action: "appAttributes",
      ok: false,
      message: "The attributes must be a JSON object.",
    });
    vm.update({ masterAttributes: "{" });
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult?.message).toBe("The attributes are not valid JSON.");
  });

  it("never says attributes were queued and flushed when nobody identified is logged in", async () => {
    const { vm, clients } = setup();
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult).toEqual({
      action: "masterAttributes",
      ok: false,
      message: "Not queued: no user is logged in. Log in with an identity token first.",
    });
    await vm.login(); // an empty token: anonymous
    await vm.pushAttributes("app");
    expect(vm.getState().lastResult).toMatchObject({ action: "appAttributes", ok: false });
    expect(vm.getState().lastResult?.message).toMatch(/^Not queued: the user is anonymous/);
    expect(clients[0]?.calls.map((c) => c[0])).toEqual(["Init", "login"]);
  });

  it("names the keys refused on the client and by the service, and fails when every key is refused", async () => {
    const { vm, clients } = setup();
    vm.update({ token: "a.b.c" });
    await vm.login();
    const client = clients[0] as FakeClient;
    client.onFlush = () => client.emit("masterAttributesSyncFailed", { "new_tags.vip": "invalidData" });
    vm.update({ masterAttributes: '{"first_name": "Ada", "new_tags": ["vip"], "nickname": "x"}' });
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult).toEqual({
      action: "masterAttributes",
      ok: true,
      message:
        "Queued and flushed first_name, new_tags; refused on the client: nickname; refused by the service: new_tags.vip.",
    });
    vm.update({ masterAttributes: '{"nickname": "x"}' });
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult).toEqual({
      action: "masterAttributes",
      ok: false,
      message: "Not queued: the client refused every key (masterAttributesValidationFailed: nickname).",
    });
    client.onFlush = () => client.emit("appAttributesLimitExceeded");
    await vm.pushAttributes("app");
    expect(vm.getState().lastResult).toEqual({
      action: "appAttributes",
      ok: false,
      message: "Not queued: too many unsynced entries (appAttributesLimitExceeded).",
    });
  });

  it("says a flush did not reach the service when the platform's transport could not deliver it", async () => {
    let failures = 0;
    const { vm, clients } = setup({ undelivered: () => failures });
    vm.update({ token: "a.b.c", masterAttributes: '{"first_name": "Ada"}' });
    await vm.login();
    const client = clients[0] as FakeClient;
    client.onFlush = () => {
      failures++;
    };
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult).toEqual({
      action: "masterAttributes",
      ok: false,
      message:
        "Queued first_name, but the batch did not reach the service (network error or the service busy); the client keeps it and retries later.",
    });
    client.onFlush = undefined;
    await vm.pushAttributes("master");
    expect(vm.getState().lastResult?.ok).toBe(true);
  });

  it("sends a valid token as new identities of the identified user and says the service took them", async () => {
    const { vm, clients } = setup();
    vm.update({ secret: SECRET, uid: "1" });
    vm.mint();
    await vm.login();
    vm.update({ uid: "", email: "ada@example.com", identities: "steam_id=7" });
    vm.mint();
    const token = vm.getState().form.token;
    await vm.addIdentities();
    expect(clients[0]?.calls).toContainEqual(["addIdentities", token]);
    expect(vm.getState().lastResult).toEqual({
      action: "addIdentities",
      ok: true,
      message: "Identities sent and accepted: email, steam_id.",
    });
    const client = clients[0] as FakeClient;
    client.onAddIdentities = () => client.emit("identityDataSyncFailed", { steam_id: "invalidData" });
    await vm.addIdentities();
    expect(vm.getState().lastResult?.message).toBe(
      "Identities sent: email accepted; the service refused steam_id (identityDataSyncFailed).",
    );
    client.onAddIdentities = () => client.emit("userIdentityNotEnabled");
    await vm.addIdentities();
    expect(vm.getState().lastResult).toEqual({
      action: "addIdentities",
      ok: false,
      message: "Refused by the service: userIdentityNotEnabled.",
    });
  });

  it("never says identities were sent when the client refused the token or nobody identified is logged in", async () => {
    const { vm, clients } = setup();
    vm.update({ token: "a.b.c" });
    await vm.addIdentities();
    expect(vm.getState().lastResult).toEqual({
      action: "addIdentities",
      ok: false,
      message: "Not sent: no user is logged in. Log in with an identity token first.",
    });
    await vm.login();
    vm.update({ secret: SECRET, email: "x".repeat(301) });
    vm.mint();
    await vm.addIdentities();
    expect(vm.getState().lastResult).toEqual({
      action: "addIdentities",
      ok: false,
      reason: "identitiesDataInvalid",
      errors: { email: "exceededValueLengthLimit" },
      message: "Not sent: the client refused the token.",
    });
    vm.update({ token: "garbage" });
    await vm.addIdentities();
    expect(vm.getState().lastResult).toMatchObject({
      ok: false,
      reason: "identityTokenInvalid",
      detail: "malformedToken",
    });
    // The client still gets the call, so its own event reaches the log as in a game.
    expect(clients[0]?.calls.filter((c) => c[0] === "addIdentities")).toHaveLength(2);
  });

  it("never says it logged out when nobody was logged in", async () => {
    const { vm } = setup();
    await vm.logout();
    expect(vm.getState().lastResult).toEqual({
      action: "logout",
      ok: false,
      message: "Nothing to do: nobody was logged in.",
    });
    await vm.login();
    await vm.logout();
    expect(vm.getState().lastResult).toEqual({ action: "logout", ok: true, message: "Logged out." });
  });

  it("connect() creates the client at once, so a stored session shows without an action", () => {
    const { vm, clients } = setup({ restored: { status: "loggedIn", userId: "user-9", anonymous: false } });
    expect(vm.getState().client).toBeUndefined();
    vm.connect();
    expect(clients).toHaveLength(1);
    expect(vm.getState().client).toMatchObject({ initialized: true, status: "loggedIn", userId: "user-9" });
    expect(clients[0]?.calls.map((c) => c[0])).toEqual(["Init"]);
  });

  it("logs events newest first, at most MAX_EVENTS, and clears them", async () => {
    const { vm, clients } = setup();
    await vm.login();
    const client = clients[0] as FakeClient;
    client.emit("identitiesDataInvalid", { uid: "emptyData" });
    client.emit("userSessionExpired");
    expect(vm.getState().events).toEqual([
      { atMs: NOW_MS, event: "userSessionExpired", data: {} },
      { atMs: NOW_MS, event: "identitiesDataInvalid", data: { uid: "emptyData" } },
    ]);
    for (let i = 0; i < MAX_EVENTS + 5; i++) client.emit("refreshUserCredentials");
    expect(vm.getState().events).toHaveLength(MAX_EVENTS);
    vm.foreground();
    expect(client.calls.at(-1)).toEqual(["foreground"]);
    vm.clearEvents();
    expect(vm.getState().events).toEqual([]);
  });

  it("after dispose, the client is disposed and nothing is published", async () => {
    const { vm, clients, seen } = setup();
    await vm.login();
    vm.dispose();
    expect(clients[0]?.disposed).toBe(true);
    const count = seen.length;
    clients[0]?.emit("userSessionExpired");
    vm.update({ uid: "x" });
    expect(seen).toHaveLength(count);
  });
});

describe("tester view-model: identity state, refreshes and the token provider", () => {
  const LOGGED_IN: Partial<ClientState> = {
    state: "loggedIn",
    status: "loggedIn",
    userId: "user-1",
    anonymous: false,
    identity: "identified",
    expiresAt: NOW_MS + 120_000,
  };
  const notes = (vm: { getState(): TesterState }) =>
    vm
      .getState()
      .events.filter((e) => e.event === STATE_EVENT)
      .map((e) => e.note)
      .reverse();

  it("follows onStateChange: the state line changes, and each change of state is a line in the event log", async () => {
    const { vm, clients } = setup();
    vm.update({ token: "a.b.c" });
    await vm.login();
    const client = clients[0] as FakeClient;
    // The replay of the current state at binding is no change: no line.
    expect(notes(vm)).toEqual([]);
    client.changeState(LOGGED_IN);
    client.changeState({ state: "refreshing", refreshReason: "refresh" });
    expect(vm.getState().client).toMatchObject({ state: "refreshing", refreshReason: "refresh" });
    client.changeState({ state: "loggedIn", refreshReason: undefined, expiresAt: NOW_MS + 240_000 });
    expect(vm.getState().client).toMatchObject({ state: "loggedIn", expiresAt: NOW_MS + 240_000 });
    client.changeState({ state: "refreshing", refreshReason: "expired", expiresAt: NOW_MS - 1 });
    client.changeState({
      state: "expired",
      status: "loggedOut",
      expired: true,
      userId: undefined,
      expiresAt: undefined,
      refreshReason: undefined,
    });
    expect(notes(vm)).toEqual([
      `state: logged in (identified), user user-1, until ${new Date(NOW_MS + 120_000).toISOString()}`,
      "session refresh started (ahead of expiry)",
      `session refreshed in place: user user-1, until ${new Date(NOW_MS + 240_000).toISOString()}`,
      "session refresh started (the session expired)",
      "session refresh failed: the session expired (log in again)",
    ]);
    expect(vm.getState().events[0]).toEqual({
      atMs: NOW_MS,
      event: STATE_EVENT,
      data: { state: "expired" },
      note: "session refresh failed: the session expired (log in again)",
    });
    expect(vm.getState().events[1]?.data).toEqual({ state: "refreshing", reason: "expired", userId: "user-1" });
    // The same state published again adds nothing.
    client.changeState({});
    expect(notes(vm)).toHaveLength(5);
  });

  it("a refresh that gives up ahead of expiry, and one cancelled by a logout, say so", async () => {
    const { vm, clients } = setup({ restored: LOGGED_IN });
    vm.connect();
    const client = clients[0] as FakeClient;
    client.changeState({ state: "refreshing", refreshReason: "refresh" });
    client.changeState({ state: "loggedIn", refreshReason: undefined });
    client.changeState({ state: "refreshing", refreshReason: "refresh" });
    client.changeState({ state: "loggedOut", status: "loggedOut", userId: undefined, expiresAt: undefined });
    expect(notes(vm)).toEqual([
      "session refresh started (ahead of expiry)",
      `session refresh gave up; the session stays valid, until ${new Date(NOW_MS + 120_000).toISOString()}`,
      "session refresh started (ahead of expiry)",
      "session refresh cancelled: logged out",
    ]);
  });

  it("stops listening to a client it replaces or disposes", async () => {
    const { vm, clients } = setup();
    vm.connect();
    const first = clients[0] as FakeClient;
    expect(first.stateListenerCount()).toBe(1);
    vm.update({ appId: "other" });
    await vm.login();
    expect(first.stateListenerCount()).toBe(0);
    const second = clients[1] as FakeClient;
    expect(second.stateListenerCount()).toBe(1);
    const before = vm.getState();
    first.changeState({ state: "refreshing", refreshReason: "refresh", userId: "ghost" });
    expect(vm.getState()).toBe(before);
    vm.dispose();
    expect(second.stateListenerCount()).toBe(0);
  });

  it("gives the client a token provider that mints a fresh token for the last login's identities", async () => {
    let now = NOW_MS;
    const { vm, clients } = setup({ clock: { now: () => now } });
    vm.update({ secret: SECRET, uid: "42", email: "ada@example.com", metadata: "uid.tier=gold" });
    vm.mint();
    await vm.login();
    const provider = clients[0]?.init?.identityTokenProvider as IdentityTokenProvider;
    expect(provider).toBeTypeOf("function");
    // The form moves on (another uid typed, not minted): the refresh still renews the user who logged in.
    vm.update({ uid: "someone-else" });
    now += 3_600_000;
    const fresh = await provider("refresh");
    const { payload } = await jwtVerify(fresh, new TextEncoder().encode(SECRET), { currentDate: new Date(now) });
    expect(payload).toEqual({
      identities: [
        { identifier: "uid", value: "42", metadata: { tier: "gold" } },
        { identifier: "email", value: "ada@example.com" },
      ],
      iat: now / 1000,
    });
    expect(vm.getState().events[0]).toMatchObject({
      event: TOKEN_EVENT,
      data: { reason: "refresh", ok: "true" },
      note: "fresh identity token minted for the refresh (ahead of expiry)",
    });
    // Neither the secret nor a token reaches the event log.
    const log = JSON.stringify(vm.getState().events);
    expect(log).not.toContain(SECRET);
    expect(log).not.toMatch(/eyJ/);

    // Without the dev secret it cannot mint: it says so and answers no token (a final failure of that refresh).
    vm.update({ secret: "" });
    expect(await provider("expired")).toBe("");
    expect(vm.getState().events[0]).toMatchObject({
      event: TOKEN_EVENT,
      data: { reason: "expired", ok: "false" },
      note: "No fresh token: enter the app's dev secret (the tester mints the fresh token with it).",
    });
  });

  it("after a reload (no login in this page), the provider renews the form's token; with none it refuses", async () => {
    const { vm, clients } = setup({ restored: LOGGED_IN });
    vm.connect();
    const provider = clients[0]?.init?.identityTokenProvider as IdentityTokenProvider;
    vm.update({ secret: SECRET });
    expect(await provider("refresh")).toBe("");
    expect(vm.getState().events[0]?.note).toMatch(/no identity token to renew/);
    vm.update({ uid: "42" });
    vm.mint();
    const fresh = await provider("refresh");
    const { payload } = await jwtVerify(fresh, new TextEncoder().encode(SECRET), { currentDate: new Date(NOW_MS) });
    expect(payload.identities).toEqual([{ identifier: "uid", value: "42" }]);
  });

  it("Refresh now: refreshSession() with words for what happened", async () => {
    const { vm, clients } = setup();
    await vm.refresh();
    expect(vm.getState().lastResult).toEqual({
      action: "refresh",
      ok: false,
      message: "Nothing to refresh: no user is logged in.",
    });
    expect(clients[0]?.calls.map((c) => c[0])).toEqual(["Init"]);

    vm.update({ token: "a.b.c" });
    await vm.login();
    const client = clients[0] as FakeClient;
    client.changeState(LOGGED_IN);
    client.onRefresh = async () => {
      client.changeState({ state: "refreshing", refreshReason: "refresh" });
      await Promise.resolve();
      client.changeState({ state: "loggedIn", refreshReason: undefined, expiresAt: NOW_MS + 240_000 });
      return true;
    };
    const running = vm.refresh();
    expect(vm.getState().busy).toBe("refresh");
    await running;
    expect(vm.getState().lastResult).toEqual({
      action: "refresh",
      ok: true,
      message: `Session refreshed in place: user user-1, until ${new Date(NOW_MS + 240_000).toISOString()}.`,
    });
    expect(notes(vm).slice(-2)).toEqual([
      "session refresh started (ahead of expiry)",
      `session refreshed in place: user user-1, until ${new Date(NOW_MS + 240_000).toISOString()}`,
    ]);

    client.onRefresh = async () => false;
    await vm.refresh();
    expect(vm.getState().lastResult).toMatchObject({
      ok: false,
      message: "The refresh did not renew the session (see the event log); the session is kept.",
    });
    client.onRefresh = async () => {
      client.changeState({ state: "expired", status: "loggedOut", expired: true, userId: undefined });
      return false;
    };
    await vm.refresh();
    expect(vm.getState().lastResult?.message).toBe("The refresh failed and the session ended: log in again.");
    expect(client.calls.filter((c) => c[0] === "refreshSession")).toHaveLength(3);
  });

  it("carries the platform's reading of the service's clock", async () => {
    let reading: ServiceClockReading | undefined;
    const { vm } = setup({ serviceClock: () => reading });
    vm.connect();
    expect(vm.getState().serviceClock).toBeUndefined();
    reading = { skewMs: 1_500, atMs: NOW_MS };
    await vm.login();
    expect(vm.getState().serviceClock).toEqual({ skewMs: 1_500, atMs: NOW_MS });
  });
});
