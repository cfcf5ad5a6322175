import { describe, expect, it } from "vitest";
import { ANONYMOUS_ID_PREFIX, ProtocolPath } from "../../TypeScript/contract";
import { LoginFailure } from "../../TypeScript/core";
import { PREVIOUS_LOGOUT_WAIT_MS } from "../../TypeScript/core/client";
import { REQUEST_TIMEOUT_MS } from "../../TypeScript/core/service-client";
import { type CoreHarness, createCoreHarness, recordLogin } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type Reply } from "../support/route-transport";
import { identityToken, uidToken } from "../support/tokens";

const loginPath = ProtocolPath.login("demo");

/** A harness after Init (app "demo"), where almost every test starts. */
function initialized(): CoreHarness {
  const h = createCoreHarness();
  h.init();
  return h;
}

/** Starts a callback-style login (the Blueprint API) and records what it reports. */
function startLogin(h: CoreHarness, jwt = uidToken("1"), config: Record<string, unknown> = {}) {
  const rec = recordLogin();
  h.client.LoginWithIdentity(jwt, config as never, rec.onSuccess, rec.onFailure);
  return rec;
}

/**
 * Holds every login request at a gate: the login stays in flight until `release` answers it, by default with
 * the fake service's real answer to the first request.
 */
function holdLogins(h: CoreHarness) {
  const gate = deferred<Reply>();
  h.transport.route("POST", loginPath, () => gate.promise);
  return { release: (reply: Reply = h.service.login(h.transport.requests[0]!)) => gate.resolve(reply) };
}

/** An initialized harness with one callback-style login sent and held at the gate. */
async function loginInFlight() {
  const h = initialized();
  const held = holdLogins(h);
  const rec = startLogin(h);
  await settle();
  return { h, held, rec };
}

/** What a callback-style login reports for an unknownError with `detail`. */
const unknownError = (detail: string) => ({ ok: false, reason: "unknownError", errors: {}, detail });

describe("login before and around Init", () => {
  it("fails with unknownError/notInitialized before Init, asynchronously and once", async () => {
    const h = createCoreHarness();
    const rec = startLogin(h, uidToken("42"));
    expect(rec.calls).toEqual([]);
    await settle();
    expect(rec.calls).toEqual([unknownError("notInitialized")]);
    expect(h.transport.requests).toEqual([]);
  });

  it("makes other calls no-ops with an error logged before Init", async () => {
    const h = createCoreHarness();
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    h.client.AddUserIdentities(uidToken("1"));
    h.client.Logout();
    h.client.appForeground();
    await settle();
    expect(h.transport.requests).toEqual([]);
    expect(h.logger.at("error").length).toBeGreaterThanOrEqual(4);
    expect(h.client.getState()).toMatchObject({ initialized: false, status: "loggedOut" });
  });

  it("ignores a second Init with a warning", () => {
    const h = createCoreHarness();
    h.init({ appId: "demo" });
    h.init({ appId: "other" });
    expect(h.logger.at("warn").map((l) => l.message)).toContain("Init called again: ignored");
    expect(h.client.getState().initialized).toBe(true);
  });

  it("stays uninitialized when Init parameters are invalid", async () => {
    const h = createCoreHarness();
    h.client.Init({ serviceUrl: "", appId: "demo" });
    expect(h.client.getState().initialized).toBe(false);
    await expect(h.client.loginWithIdentity(uidToken("1"))).rejects.toMatchObject({ detail: "notInitialized" });
  });
});

describe("client-side checks", () => {
  it("runs the contract checks before any request", async () => {
    const h = initialized();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["not-a-jwt", {}, "identityTokenInvalid"],
      [identityToken([{ identifier: "uid", value: "1" }], null), {}, "iatIsMandatory"],
      [identityToken([{ identifier: "phone_number", value: "1" }]), {}, "uidOrEmailIsMandatory"],
      [
        uidToken("1"),
        Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, "v"])),
        "loginConfigSizeLimitExceeded",
      ],
      [uidToken("1"), { k: [1] }, "loginConfigInvalid"],
    ];
    for (const [jwt, config, reason] of cases) {
      await expect(h.client.loginWithIdentity(jwt, config as never)).rejects.toMatchObject({ reason });
    }
    expect(h.transport.requests).toEqual([]);
  });

  it("reports every offending identity in one errors map", async () => {
    const h = initialized();
    const jwt = identityToken([
      { identifier: "uid", value: "u".repeat(751) },
      { identifier: "email", value: "" },
    ]);
    const rec = startLogin(h, jwt);
    await settle();
    expect(rec.calls).toEqual([
      { ok: false, reason: "identitiesDataInvalid", errors: { uid: "exceededValueLengthLimit", email: "emptyData" } },
    ]);
  });

  it("accepts a uid of exactly 750 characters", async () => {
    const h = initialized();
    await h.client.loginWithIdentity(uidToken("u".repeat(750)));
    expect(h.client.getState()).toMatchObject({ status: "loggedIn", userId: `uid:${"u".repeat(750)}` });
  });

  it("checks loginInProgress first, before the token's own problems", async () => {
    const h = initialized();
    const held = holdLogins(h);
    const first = startLogin(h);
    const second = startLogin(h, "garbage");
    await settle();
    expect(second.calls).toEqual([{ ok: false, reason: "loginInProgress", errors: {} }]);
    expect(first.calls).toEqual([]);
    expect(h.client.getState().status).toBe("loggingIn");
    held.release();
    await settle();
    expect(first.calls).toEqual([{ ok: true }]);
    expect(h.transport.requestsTo("/login")).toHaveLength(1);
  });
});

describe("the login request and its answer", () => {
  it("posts LoginRequest as JSON and logs in on success, callbacks async and once", async () => {
    const h = initialized();
    const jwt = uidToken("42");
    const rec = startLogin(h, jwt, { full_privacy_enabled: false });
    expect(rec.calls).toEqual([]);
    await settle();
    expect(rec.calls).toEqual([{ ok: true }]);
    const [request] = h.transport.requests;
    expect(request).toMatchObject({
      method: "POST",
      url: `http://127.0.0.1:8787${loginPath}`,
      headers: { "content-type": "application/json" },
    });
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.json).toEqual({ identityToken: jwt, fullPrivacy: false });
    expect(h.client.getState()).toMatchObject({
      status: "loggedIn",
      userId: "uid:42",
      anonymous: false,
      expired: false,
    });
    await settle();
    expect(rec.calls).toHaveLength(1);
  });

  const answers: Array<[string, Reply, Record<string, unknown>]> = [
    [
      "a login failure reason with detail",
      { status: 401, json: { reason: "identityTokenInvalid", detail: "signatureInvalid" } },
      { reason: "identityTokenInvalid", detail: "signatureInvalid", errors: {} },
    ],
    [
      "identityFeatureNotEnabled",
      { status: 403, json: { reason: "identityFeatureNotEnabled" } },
      { reason: "identityFeatureNotEnabled", errors: {} },
    ],
    [
      "errors from the service",
      { status: 400, json: { reason: "identitiesDataInvalid", errors: { email: "invalidData" } } },
      { reason: "identitiesDataInvalid", errors: { email: "invalidData" } },
    ],
    [
      "rate limiting",
      { status: 429, json: { reason: "rateLimited" } },
      { reason: "networkError", detail: "rateLimited", errors: {} },
    ],
    [
      "a bad request",
      { status: 400, json: { reason: "badRequest" } },
      { reason: "unknownError", detail: "badRequest", errors: {} },
    ],
    [
      "a 500 with no body",
      { status: 500, body: "" },
      { reason: "unknownError", detail: "unexpectedResponse", errors: {} },
    ],
    ["bad JSON", { status: 200, body: "{oops" }, { reason: "unknownError", detail: "unexpectedResponse", errors: {} }],
    [
      "a 2xx of the wrong shape",
      { status: 200, json: { userId: 1 } },
      { reason: "unknownError", detail: "unexpectedResponse", errors: {} },
    ],
    ["a transport failure", "network", { reason: "networkError", errors: {} }],
    [
      "an unknown app id",
      { status: 404, json: { reason: "notFound", detail: "unknownApp" } },
      { reason: "unknownError", detail: "unknownApp", errors: {} },
    ],
    [
      "a 404 without the unknownApp detail (not the identity service)",
      { status: 404, json: { reason: "notFound" } },
      { reason: "unknownError", detail: "unexpectedResponse", errors: {} },
    ],
  ];
  for (const [name, reply, expected] of answers) {
    it(`maps ${name}`, async () => {
      const h = createCoreHarness();
      h.init();
      h.transport.route("POST", loginPath, () => reply);
      const error = await h.client.loginWithIdentity(uidToken("1")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoginFailure);
      expect((error as LoginFailure).toData()).toEqual(expected);
      expect((error as LoginFailure).code).toBe(expected.reason);
      expect(h.client.getState().status).toBe("loggedOut");
      // Never stuck in progress: the next login goes through.
      h.transport.route("POST", loginPath, (r) => h.service.login(r));
      await h.client.loginWithIdentity(uidToken("1"));
      expect(h.client.getState().status).toBe("loggedIn");
    });
  }

  it("a wrong app id says so, names the fix and logs the app id (not 'check that Init was called')", async () => {
    const h = initialized();
    h.transport.route("POST", loginPath, () => ({ status: 404, json: { reason: "notFound", detail: "unknownApp" } }));
    const error = (await h.client.loginWithIdentity(uidToken("1")).catch((e: unknown) => e)) as LoginFailure;
    expect(error.message).toContain("unknownApp");
    expect(error.message).toContain("appId");
    expect(error.message).not.toMatch(/Init was called/i);
    const logged = h.logger.at("error").find((l) => l.message.includes("app id"));
    expect(logged?.fields).toMatchObject({ appId: "demo" });
  });

  it("before Init the message says to call Init", async () => {
    const h = createCoreHarness();
    const error = (await h.client.loginWithIdentity(uidToken("1")).catch((e: unknown) => e)) as LoginFailure;
    expect(error.detail).toBe("notInitialized");
    expect(error.message).toMatch(/call Init/i);
  });

  it("fails with networkError when the service never answers (request timeout)", async () => {
    const h = initialized();
    h.transport.route("POST", loginPath, () => new Promise<Reply>(() => undefined));
    const rec = startLogin(h);
    await h.time.advance(REQUEST_TIMEOUT_MS - 1);
    expect(rec.calls).toEqual([]);
    expect(h.client.getState().status).toBe("loggingIn");
    await h.time.advance(1);
    expect(rec.calls).toEqual([{ ok: false, reason: "networkError", errors: {} }]);
    expect(h.client.getState().status).toBe("loggedOut");
  });

  it("sends userIdentityNotEnabled beside an identityFeatureNotEnabled login failure", async () => {
    const h = initialized();
    h.transport.route("POST", loginPath, () => ({ status: 403, json: { reason: "identityFeatureNotEnabled" } }));
    await h.client.loginWithIdentity(uidToken("1")).catch(() => undefined);
    await settle();
    expect(h.events).toEqual([{ event: "userIdentityNotEnabled", data: {} }]);
  });

  it("fails with unknownError when a handler throws inside the transport", async () => {
    const h = initialized();
    h.transport.route("POST", loginPath, () => {
      throw new Error("boom");
    });
    await expect(h.client.loginWithIdentity(uidToken("1"))).rejects.toMatchObject({ reason: "networkError" });
  });
});

describe("anonymous logins", () => {
  it("creates, persists and reuses one anonymous id for empty-JWT logins", async () => {
    const h = initialized();
    await h.client.loginWithIdentity("");
    const first = (h.transport.requests[0]!.json as { anonymousId: string }).anonymousId;
    expect(first.startsWith(ANONYMOUS_ID_PREFIX)).toBe(true);
    expect(first.slice(ANONYMOUS_ID_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(h.client.getState()).toMatchObject({ status: "loggedIn", anonymous: true, userId: first });
    await h.client.logout();
    const restarted = h.restart();
    restarted.init();
    await restarted.client.loginWithIdentity("");
    const logins = h.transport.requestsTo("/login");
    expect((logins[1]!.json as { anonymousId: string }).anonymousId).toBe(first);
    expect(logins[1]?.json).toEqual({ identityToken: "", fullPrivacy: false, anonymousId: first });
  });

  it("discards the anonymous id after a successful login with a token", async () => {
    const h = initialized();
    await h.client.loginWithIdentity("");
    const first = (h.transport.requests[0]!.json as { anonymousId: string }).anonymousId;
    await h.client.loginWithIdentity(uidToken("7"));
    expect(h.store.get("helpshift.anonymousId")).toBeUndefined();
    await h.client.loginWithIdentity("");
    const third = h.transport.requestsTo("/login")[2]!.json as { anonymousId: string };
    expect(third.anonymousId.startsWith(ANONYMOUS_ID_PREFIX)).toBe(true);
    expect(third.anonymousId).not.toBe(first);
  });

  it("keeps the anonymous id when the token login fails", async () => {
    const h = initialized();
    await h.client.loginWithIdentity("");
    const stored = h.store.get("helpshift.anonymousId");
    h.transport.route("POST", loginPath, () => "network");
    await h.client.loginWithIdentity(uidToken("7")).catch(() => undefined);
    expect(h.store.get("helpshift.anonymousId")).toBe(stored);
  });

  it("gives full privacy without uid a fresh anonymous id each time", async () => {
    const h = initialized();
    const jwt = identityToken([{ identifier: "email", value: "ana@example.com" }]);
    await h.client.loginWithIdentity(jwt, { full_privacy_enabled: "TRUE" });
    await h.client.loginWithIdentity(jwt, { full_privacy_enabled: true });
    const [a, b] = h.transport.requestsTo("/login").map((r) => r.json as { anonymousId: string; fullPrivacy: boolean });
    expect(a?.fullPrivacy).toBe(true);
    expect(a?.anonymousId.startsWith(ANONYMOUS_ID_PREFIX)).toBe(true);
    expect(b?.anonymousId).not.toBe(a?.anonymousId);
    expect(h.client.getState()).toMatchObject({ anonymous: true });
  });

  it("sends no anonymous id for full privacy with a uid", async () => {
    const h = initialized();
    await h.client.loginWithIdentity(uidToken("9"), { full_privacy_enabled: true });
    expect(h.transport.requests[0]?.json).toEqual({ identityToken: uidToken("9"), fullPrivacy: true });
  });
});

describe("races", () => {
  /** Logs "uid:a" in and leaves one attribute update waiting in the outbox; returns the session. */
  async function loggedInWithUnsentAttributes(h: CoreHarness) {
    await h.client.loginWithIdentity(uidToken("a"));
    const session = h.service.lastSession()!;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    return session;
  }

  /** The last path segment of every request, in order (which endpoints were called). */
  const endpoints = (h: CoreHarness) => h.transport.requests.map((r) => r.path.split("/").pop());

  it("logs the current user out (flush, then logout) before logging the next one in", async () => {
    const h = initialized();
    const first = await loggedInWithUnsentAttributes(h);
    await h.client.loginWithIdentity(uidToken("b"));
    expect(endpoints(h)).toEqual(["login", "attributes", "logout", "login"]);
    expect(h.transport.requests[1]?.headers.authorization).toBe(`Bearer ${first.token}`);
    expect(h.transport.requests[2]?.headers.authorization).toBe(`Bearer ${first.token}`);
    expect(first.revoked).toBe(true);
    expect(h.service.appliedBatches.map((b) => b.userId)).toEqual(["uid:a"]);
    expect(h.client.getState()).toMatchObject({ userId: "uid:b" });
  });

  it("finishes the previous user's logout before a login started right after Logout", async () => {
    const h = initialized();
    const first = await loggedInWithUnsentAttributes(h);
    h.client.Logout();
    await h.client.loginWithIdentity(uidToken("a"));
    expect(endpoints(h)).toEqual(["login", "attributes", "logout", "login"]);
    expect(first.revoked).toBe(true);
    expect(h.service.lastSession()?.revoked).toBe(false);
    expect(h.client.getState()).toMatchObject({ status: "loggedIn", userId: "uid:a" });
  });

  it("does not wait forever for a previous logout whose request never answers", async () => {
    const h = initialized();
    await h.client.loginWithIdentity(uidToken("a"));
    h.transport.route("POST", ProtocolPath.logout("demo"), () => new Promise<Reply>(() => undefined));
    const rec = startLogin(h, uidToken("b"));
    await h.time.advance(PREVIOUS_LOGOUT_WAIT_MS - 1);
    expect(h.transport.requestsTo("/login")).toHaveLength(1);
    expect(h.client.getState().status).toBe("loggingIn");
    await h.time.advance(1);
    expect(rec.calls).toEqual([{ ok: true }]);
    expect(h.client.getState()).toMatchObject({ status: "loggedIn", userId: "uid:b" });
  });

  it("restores a stored session at Init and logs it out before a new login", async () => {
    const h = initialized();
    await h.client.loginWithIdentity(uidToken("a"));
    h.client.dispose();
    const r = h.restart();
    r.init();
    await r.client.loginWithIdentity(uidToken("b"));
    expect(h.service.sessions.map((s) => [s.userId, s.revoked])).toEqual([
      ["uid:a", true],
      ["uid:b", false],
    ]);
  });

  it("cancels a login on Logout: failure once with cancelledByLogout, late success revoked", async () => {
    const { h, held, rec } = await loginInFlight();
    h.client.Logout();
    await settle();
    expect(rec.calls).toEqual([unknownError("cancelledByLogout")]);
    expect(h.client.getState().status).toBe("loggedOut");
    held.release();
    await settle();
    expect(rec.calls).toHaveLength(1);
    expect(h.client.getState().status).toBe("loggedOut");
    const logout = h.transport.requestsTo("/logout");
    expect(logout).toHaveLength(1);
    expect(logout[0]?.headers.authorization).toBe(`Bearer ${h.service.lastSession()?.token}`);
    expect(h.service.lastSession()?.revoked).toBe(true);
    expect(h.store.get("helpshift.session")).toBeUndefined();
  });

  it("drops a late failure after a cancel without a second callback", async () => {
    const { h, held, rec } = await loginInFlight();
    h.client.Logout();
    held.release("network");
    await settle();
    expect(rec.calls).toHaveLength(1);
    expect(h.transport.requestsTo("/logout")).toHaveLength(0);
  });

  it("fails a pending login with disposed on dispose and fires nothing afterwards", async () => {
    const { h, held, rec } = await loginInFlight();
    h.client.dispose();
    held.release();
    await settle();
    expect(rec.calls).toEqual([unknownError("disposed")]);
    const after = startLogin(h);
    await settle();
    expect(after.calls).toEqual([unknownError("disposed")]);
    expect(h.time.pending()).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it("keeps calling the other callback paths when an app callback throws", async () => {
    const h = initialized();
    h.client.LoginWithIdentity(
      uidToken("1"),
      {},
      () => {
        throw new Error("app bug");
      },
      () => undefined,
    );
    await settle();
    expect(h.client.getState().status).toBe("loggedIn");
    expect(h.logger.at("error").map((l) => l.message)).toContain("login callback threw");
  });
});
