/**
 * Issue 11: the token provider, in-place renewal of the same user, single-flight refresh bound to the session,
 * bounded retries, offline. Manual time throughout.
 */
import { describe, expect, it, vi } from "vitest";
import type { IdentityTokenRequest, RefreshReason } from "../../TypeScript/core/api";
import { DEFAULT_REFRESH_POLICY } from "../../TypeScript/core/refresh";
import { IDENTITY_TOKEN_TIMEOUT_MS } from "../../TypeScript/core/token-source";
import { type CoreHarness, createCoreHarness, recordLogin } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type RecordedRequest, type Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const HOUR = 3_600_000;
const LEAD_S = 3600;

const names = (h: CoreHarness) => h.events.map((e) => e.event);
const logins = (h: CoreHarness) => h.transport.requestsTo("/login");
const logouts = (h: CoreHarness) => h.transport.requestsTo("/logout");
const bearer = (r: RecordedRequest) => (r.headers.authorization ?? "").replace(/^Bearer /, "");

/** A harness with a 10 h session, a 1 h lead and a provider answering uid `uid`'s token. */
async function loggedInWithProvider(
  provider: (reason: RefreshReason) => Promise<string> = async () => uidToken("1"),
  options: { lifetimeMs?: number; monotonic?: boolean } = {},
) {
  const h = createCoreHarness({
    service: { lifetimeMs: options.lifetimeMs ?? 10 * HOUR },
    monotonic: options.monotonic ?? false,
  });
  const spy = vi.fn(provider);
  h.init({ refreshLeadSeconds: LEAD_S, identityTokenProvider: spy });
  await h.client.loginWithIdentity(uidToken("1"));
  return { h, provider: spy, start: h.time.now() };
}

/** Holds the next login requests at a gate (the first one already went through). */
function holdLogins(h: CoreHarness) {
  const gates: Array<{ request: RecordedRequest; resolve: (reply: Reply) => void }> = [];
  h.transport.route("POST", h.service.path("login"), (request) => {
    const gate = deferred<Reply>();
    gates.push({ request, resolve: gate.resolve });
    return gate.promise;
  });
  return {
    gates,
    /** Answers the held request `i` as the service would. */
    release(i = 0) {
      const held = gates[i]!;
      held.resolve(h.service.login(held.request));
    },
  };
}

describe("token provider: refresh ahead of expiry", () => {
  it("refreshes at the refresh point with the provider and renews the same user in place", async () => {
    const { h, provider, start } = await loggedInWithProvider();
    const first = h.service.lastSession()!;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.time.advance(9 * HOUR);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    expect(provider.mock.calls).toEqual([["refresh"]]);
    expect(logins(h)).toHaveLength(2);
    expect(logouts(h)).toHaveLength(0);
    const second = h.service.lastSession()!;
    expect(second.token).not.toBe(first.token);
    expect(second.userId).toBe(first.userId);
    expect(h.client.getState()).toMatchObject({
      state: "loggedIn",
      userId: "uid:1",
      identity: "identified",
      expiresAt: start + 19 * HOUR,
    });
    expect(JSON.parse(h.store.get("helpshift.session")!)).toMatchObject({ sessionToken: second.token });
    // The outbox carried over: the batch goes once, with the new session.
    await h.client.flush();
    const sent = h.transport.requestsTo("/attributes");
    expect(h.service.appliedBatches).toHaveLength(1);
    expect(new Set(sent.map((r) => (r.json as { batchId: string }).batchId)).size).toBe(1);
    // The old session is not used after the renewal.
    expect(sent.filter((r) => bearer(r) === first.token).length).toBeLessThanOrEqual(1);
    // The next refresh point is measured from the new session.
    await h.time.advance(9 * HOUR);
    expect(provider).toHaveBeenCalledTimes(2);
    expect(names(h)).toEqual(["refreshUserCredentials", "refreshUserCredentials"]);
  });

  it("uses the same anonymous id and no provider call for an empty-JWT session", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    const provider = vi.fn(async () => uidToken("9"));
    h.init({ refreshLeadSeconds: LEAD_S, identityTokenProvider: provider });
    await h.client.loginWithIdentity("");
    const anon = h.client.getState().userId;
    await h.time.advance(9 * HOUR);
    expect(provider).not.toHaveBeenCalled();
    expect(logins(h)).toHaveLength(2);
    expect((logins(h)[1]!.json as { anonymousId: string }).anonymousId).toBe(anon);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: anon, identity: "anonymous" });
    expect(logouts(h)).toHaveLength(0);
  });

  it("re-establishes with the same login config", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    const token = uidToken("5");
    h.init({ refreshLeadSeconds: LEAD_S, identityTokenProvider: async () => token });
    await h.client.loginWithIdentity(token, { full_privacy_enabled: true });
    await h.time.advance(9 * HOUR);
    expect(logins(h).map((r) => (r.json as { fullPrivacy: boolean }).fullPrivacy)).toEqual([true, true]);
  });
});

describe("single flight, bound to the session", () => {
  it("shares one refresh between the timer, foreground, refreshSession and a 401 (one provider call, one login)", async () => {
    const { h, provider } = await loggedInWithProvider();
    const held = holdLogins(h);
    await h.time.advance(9 * HOUR);
    expect(held.gates).toHaveLength(1);
    h.client.appForeground();
    const manual = h.client.refreshSession();
    h.service.lastSession()!.revoked = true;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    void h.client.flush();
    await settle();
    expect(h.client.getState()).toMatchObject({ state: "refreshing" });
    expect(provider).toHaveBeenCalledTimes(1);
    expect(held.gates).toHaveLength(1);
    held.release();
    expect(await manual).toBe(true);
    await h.client.flush();
    expect(provider).toHaveBeenCalledTimes(1);
    expect(logins(h)).toHaveLength(2);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
    expect(h.service.appliedBatches).toHaveLength(1);
  });

  it("refresh vs logout: the logout cancels it and the late session is revoked, never written back", async () => {
    const { h } = await loggedInWithProvider();
    const held = holdLogins(h);
    await h.time.advance(9 * HOUR);
    await h.client.logout();
    expect(h.client.getState()).toMatchObject({ state: "loggedOut", status: "loggedOut" });
    held.release();
    await settle();
    const late = h.service.lastSession()!;
    expect(logouts(h).map(bearer)).toContain(late.token);
    expect(late.revoked).toBe(true);
    expect(h.store.get("helpshift.session")).toBeUndefined();
    expect(h.client.getState().state).toBe("loggedOut");
    expect(h.logger.at("info").map((l) => l.message)).toContain("session refresh cancelled");
  });

  it("refresh vs a new login for another user: the refresh is cancelled, its late answer dropped", async () => {
    const { h } = await loggedInWithProvider();
    const held = holdLogins(h);
    await h.time.advance(9 * HOUR);
    const rec = recordLogin();
    h.client.LoginWithIdentity(uidToken("2"), {}, rec.onSuccess, rec.onFailure);
    await h.time.advance(1000);
    expect(held.gates).toHaveLength(2);
    held.release(1);
    await settle();
    expect(rec.calls).toEqual([{ ok: true }]);
    held.release(0);
    await settle();
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:2" });
    const refreshSession = h.service.sessions.find((s, i) => i > 0 && s.userId === "uid:1")!;
    expect(refreshSession.revoked).toBe(true);
    expect(JSON.parse(h.store.get("helpshift.session")!)).toMatchObject({ userId: "uid:2" });
  });
});

describe("the provider failing", () => {
  it("throwing: retried with jittered backoff within the budget, then given up (no loop); the session lives to expiry", async () => {
    const { h, provider } = await loggedInWithProvider(async () => {
      throw new Error("backend down");
    });
    await h.time.advance(9 * HOUR + 10 * 60_000);
    expect(provider).toHaveBeenCalledTimes(DEFAULT_REFRESH_POLICY.budget);
    expect(logins(h)).toHaveLength(1);
    expect(h.logger.at("error").map((l) => l.message)).toContain("session refresh gave up");
    expect(h.client.getState()).toMatchObject({ state: "loggedIn" });
    // At expiry: userSessionExpired, one more bounded cycle ("expired"), then the terminal state.
    await h.time.advance(HOUR);
    expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
    expect(provider.mock.calls.at(-1)).toEqual(["expired"]);
    await h.time.advance(HOUR);
    expect(provider).toHaveBeenCalledTimes(2 * DEFAULT_REFRESH_POLICY.budget);
    expect(h.client.getState()).toMatchObject({ state: "expired", status: "loggedOut", expired: true });
    expect(h.store.get("helpshift.session")).toBeUndefined();
    expect(h.time.pending()).toEqual([]);
  });

  it("hanging: each attempt times out, then the budget ends it", async () => {
    const { h, provider } = await loggedInWithProvider(() => new Promise<string>(() => undefined));
    await h.time.advance(9 * HOUR);
    expect(provider).toHaveBeenCalledTimes(1);
    await h.time.advance(IDENTITY_TOKEN_TIMEOUT_MS);
    expect(h.logger.at("warn").some((l) => String(l.fields?.why).includes("no identity token within"))).toBe(true);
    await h.time.advance(20 * 60_000);
    expect(provider).toHaveBeenCalledTimes(DEFAULT_REFRESH_POLICY.budget);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
    expect(logins(h)).toHaveLength(1);
  });

  it("returning another user's token: refused at once with a log line, never a silent switch", async () => {
    const { h, provider } = await loggedInWithProvider(async () => uidToken("2"));
    await h.time.advance(9 * HOUR + 10 * 60_000);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(logins(h)).toHaveLength(1);
    expect(h.logger.at("error").map((l) => l.message)).toContain(
      "the identity token provider returned a token for another user: refused, the session is kept",
    );
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
  });

  it("returning a token the service refuses (bad signature): not retried", async () => {
    const { h, provider } = await loggedInWithProvider();
    h.transport.route("POST", h.service.path("login"), () => ({
      status: 401,
      json: { reason: "identityTokenInvalid", detail: "signatureInvalid" },
    }));
    await h.time.advance(9 * HOUR + 10 * 60_000);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(logins(h)).toHaveLength(2);
    expect(h.logger.at("error").find((l) => l.message === "session refresh failed")?.fields).toMatchObject({
      why: "identityTokenInvalid/signatureInvalid",
    });
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
  });

  it("a service 5xx is retried with backoff within the budget", async () => {
    const { h } = await loggedInWithProvider();
    h.transport.route("POST", h.service.path("login"), () => ({ status: 503, body: "" }));
    await h.time.advance(9 * HOUR + 30 * 60_000);
    expect(logins(h)).toHaveLength(1 + DEFAULT_REFRESH_POLICY.budget);
  });
});

describe("expiry with a provider", () => {
  it("a 401 sends userSessionExpired, holds the session, renews it in place: outbox and identities carry over", async () => {
    const { h, provider } = await loggedInWithProvider();
    const held = holdLogins(h);
    h.service.lastSession()!.revoked = true;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired"]);
    expect(provider.mock.calls).toEqual([["expired"]]);
    expect(h.client.getState()).toMatchObject({ state: "refreshing", refreshReason: "expired", expired: true });
    const identities = h.client.addUserIdentities(uidToken("1"));
    await settle();
    expect(h.transport.requestsTo("/identities")).toHaveLength(0);
    held.release();
    await identities;
    await h.client.flush();
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", expired: false });
    expect(h.service.addedIdentities).toHaveLength(1);
    expect(h.service.appliedBatches).toHaveLength(1);
    const batchIds = h.transport.requestsTo("/attributes").map((r) => (r.json as { batchId: string }).batchId);
    expect(new Set(batchIds).size).toBe(1);
    expect(logouts(h)).toHaveLength(0);
  });

  it("a session that expired while the game was closed is renewed at Init, its outbox kept", async () => {
    const { h, provider } = await loggedInWithProvider(async () => uidToken("1"), { lifetimeMs: 2 * HOUR });
    h.transport.route("POST", h.service.path("attributes"), () => "network");
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    h.client.dispose();
    h.time.jump(3 * HOUR);
    h.transport.route("POST", h.service.path("attributes"), (r) => h.service.answer(r));
    const r = h.restart();
    r.init({ identityTokenProvider: provider });
    await r.time.runDue();
    expect(names(r)).toEqual(["userSessionExpired"]);
    expect(provider.mock.calls).toEqual([["expired"]]);
    expect(r.client.getState()).toMatchObject({ state: "loggedIn", expired: false, userId: "uid:1" });
    expect(r.service.appliedBatches).toHaveLength(1);
  });
});

describe("host-answered token requests (Blueprint/C++)", () => {
  it("asks with identityTokenRequested and takes provideIdentityToken; a stale id is ignored", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    h.init({ refreshLeadSeconds: LEAD_S, requestIdentityTokens: true });
    const requests: IdentityTokenRequest[] = [];
    h.client.onIdentityTokenRequested((r) => requests.push(r));
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(9 * HOUR);
    expect(requests).toEqual([{ reason: "refresh", requestId: 1 }]);
    h.client.provideIdentityTokenFailed(1);
    await h.time.advance(10_000);
    expect(requests).toHaveLength(2);
    const second = requests[1]!;
    h.client.provideIdentityToken(uidToken("1"), 1);
    await settle();
    expect(logins(h)).toHaveLength(1);
    h.client.provideIdentityToken(uidToken("1"), second.requestId);
    await settle();
    expect(logins(h)).toHaveLength(2);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
  });

  it("is off unless asked for: without a provider the events alone fire, as before", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    h.init({ refreshLeadSeconds: LEAD_S });
    const requests: IdentityTokenRequest[] = [];
    h.client.onIdentityTokenRequested((r) => requests.push(r));
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(10 * HOUR);
    expect(requests).toEqual([]);
    expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
    expect(await h.client.refreshSession()).toBe(false);
  });
});

describe("offline is not logged out", () => {
  it("past the refresh point with no network, the session stays usable and the refresh retries until the network returns", async () => {
    const { h, provider } = await loggedInWithProvider();
    h.transport.route("POST", h.service.path("login"), () => "network");
    await h.time.advance(9 * HOUR + 40 * 60_000);
    // More attempts than the budget: network errors while the session is valid do not count.
    expect(logins(h).length).toBeGreaterThan(1 + DEFAULT_REFRESH_POLICY.budget);
    expect(h.client.getState()).toMatchObject({ state: "refreshing", status: "loggedIn", userId: "uid:1" });
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    expect(h.logger.at("info").map((l) => l.message)).not.toContain(
      "UpdateMasterAttributes ignored: no identified user is logged in",
    );
    // The network is back: the next answer of the service wakes the refresh at once.
    h.transport.route("POST", h.service.path("login"), (r) => h.service.login(r));
    const before = logins(h).length;
    h.client.appForeground();
    await settle();
    expect(logins(h)).toHaveLength(before + 1);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
    expect(provider.mock.calls.every(([reason]) => reason === "refresh")).toBe(true);
  });

  it("only the expiry ends it: offline past expiry → userSessionExpired, bounded retries, then expired", async () => {
    const { h } = await loggedInWithProvider();
    h.transport.route("POST", h.service.path("login"), () => "network");
    await h.time.advance(10 * HOUR);
    expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
    await h.time.advance(HOUR);
    expect(h.client.getState()).toMatchObject({ state: "expired" });
    expect(h.time.pending()).toEqual([]);
  });
});

describe("the same user logged in again renews in place", () => {
  it("no logout, the outbox and listeners carry over, nothing is sent twice", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    const first = h.service.lastSession()!;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.loginWithIdentity(uidToken("1"));
    expect(logouts(h)).toHaveLength(0);
    expect(first.revoked).toBe(false);
    await h.client.flush();
    const sent = h.transport.requestsTo("/attributes");
    expect(sent).toHaveLength(1);
    expect(bearer(sent[0]!)).toBe(h.service.lastSession()!.token);
    expect(h.logger.at("info").map((l) => l.message)).toContain("session renewed in place");
    h.service.lastSession()!.revoked = true;
    h.client.UpdateMasterAttributes({ last_name: "B" });
    await h.client.flush();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired"]);
  });

  it("the same anonymous user too; another user is still logged out first", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity("");
    await h.client.loginWithIdentity("");
    expect(logouts(h)).toHaveLength(0);
    await h.client.loginWithIdentity(uidToken("1"));
    expect(logouts(h)).toHaveLength(1);
  });

  it("a failed renewal keeps the current session", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    h.transport.route("POST", h.service.path("login"), () => "network");
    await expect(h.client.loginWithIdentity(uidToken("1"))).rejects.toMatchObject({ reason: "networkError" });
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
  });
});
