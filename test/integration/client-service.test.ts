/**
 * The real identity core (createNodeClient, real fetch transport) against the real service over HTTP on
 * 127.0.0.1, for every contract flow. Time on both sides is one manual timeline.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HelpshiftEvent } from "../../TypeScript/contract";
import type { HelpshiftClient, HelpshiftEventData } from "../../TypeScript/core/api";
import { LoginFailure } from "../../TypeScript/core/index";
import { createMemoryStore, createNodeClient } from "../../TypeScript/node";
import { type Harness, loginUid, START_MS, signToken, startHarness } from "../server/harness";
import { ManualTime, settle } from "../support/manual-time";

interface Rig {
  h: Harness;
  time: ManualTime;
  client: HelpshiftClient;
  events: [HelpshiftEvent, HelpshiftEventData][];
  logs: string[];
  token(identities: unknown, options?: { iat?: number | null; secret?: string }): Promise<string>;
  newClient(): HelpshiftClient;
}

async function rig(): Promise<Rig> {
  const time = new ManualTime(START_MS);
  const h = await startHarness({ clock: time });
  const logs: string[] = [];
  const events: [HelpshiftEvent, HelpshiftEventData][] = [];
  const newClient = () => {
    const client = createNodeClient({
      clock: time,
      scheduler: time,
      store: createMemoryStore(),
      logger: { log: (level, message, fields) => logs.push(JSON.stringify({ level, message, fields })) },
    });
    client.Init({ serviceUrl: h.url, appId: h.appId, multilineCustomFields: ["bio"], flushIntervalMs: 1_000 });
    client.addEventListener((event, data) => events.push([event, data]));
    return client;
  };
  return {
    h,
    time,
    client: newClient(),
    events,
    logs,
    token: (identities, options = {}) => signToken(identities, h.secret, time, options),
    newClient,
  };
}

async function failureOf(promise: Promise<void>): Promise<LoginFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginFailure);
  return error as LoginFailure;
}

const users = (r: Rig) => r.h.service.context.users;

describe("core ↔ service with a wrong app id", () => {
  it("a login fails with unknownError and the detail unknownApp, whose message names the fix", async () => {
    const r = await rig();
    const client = createNodeClient({ clock: r.time, scheduler: r.time, store: createMemoryStore() });
    try {
      client.Init({ serviceUrl: r.h.url, appId: "no-such-app" });
      const failure = await failureOf(client.loginWithIdentity(await r.token([{ identifier: "uid", value: "1" }])));
      expect(failure.toData()).toEqual({ reason: "unknownError", detail: "unknownApp", errors: {} });
      expect(failure.message).toContain("appId");
    } finally {
      client.dispose();
      r.client.dispose();
      await r.h.close();
    }
  });
});

describe("core ↔ service", () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig();
  });
  afterEach(async () => {
    r.client.dispose();
    await r.h.close();
  });

  it("uid login: the service resolves the user by uid and stores the identities", async () => {
    const jwt = await r.token([
      { identifier: "uid", value: "int-1" },
      { identifier: "email", value: "int1@example.com", metadata: { verified: "yes" } },
    ]);
    await r.client.loginWithIdentity(jwt, { full_privacy_enabled: false });
    const state = r.client.getState();
    expect(state).toMatchObject({ status: "loggedIn", anonymous: false, expired: false });
    const user = users(r).findByIdentity(r.h.appId, "uid", "int-1");
    expect(state.userId).toBe(user?.id);
    expect(
      users(r)
        .identitiesOf(user?.id as string)
        .map((i) => i.identifier),
    ).toEqual(["email", "uid"]);
    expect(state.expiresAt).toBe(START_MS + 7 * 24 * 3600 * 1000);
  });

  it("email login without uid", async () => {
    await r.client.loginWithIdentity(await r.token([{ identifier: "email", value: "only@example.com" }]));
    expect(r.client.getState().userId).toBe(users(r).findByIdentity(r.h.appId, "email", "only@example.com")?.id);
  });

  it("anonymous login: the same anonymous id and user on every empty-JWT login until an identified login", async () => {
    await r.client.loginWithIdentity("");
    const first = r.client.getState();
    expect(first.anonymous).toBe(true);
    await r.client.logout();
    await r.client.loginWithIdentity("");
    expect(r.client.getState().userId).toBe(first.userId);
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "int-anon" }]));
    expect(r.client.getState().anonymous).toBe(false);
    await r.client.loginWithIdentity("");
    // An identified login discarded the anonymous id: this is a new anonymous user.
    expect(r.client.getState().userId).not.toBe(first.userId);
  });

  it("ClearAnonymousUserOnLogin(false): after an identified login and a logout, the same anonymous user is back", async () => {
    r.client.ClearAnonymousUserOnLogin(false);
    await r.client.loginWithIdentity("");
    const anonymous = r.client.getState().userId;
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "int-keep" }]));
    expect(r.client.getState()).toMatchObject({ anonymous: false });
    await r.client.logout();
    await r.client.loginWithIdentity("");
    expect(r.client.getState()).toMatchObject({ anonymous: true, userId: anonymous });
  });

  it("full privacy: without uid an anonymous user whose identities are not stored; with uid only the uid", async () => {
    const emailOnly = await r.token([{ identifier: "email", value: "priv@example.com" }]);
    await r.client.loginWithIdentity(emailOnly, { full_privacy_enabled: "true" });
    expect(r.client.getState().anonymous).toBe(true);
    expect(users(r).findByIdentity(r.h.appId, "email", "priv@example.com")).toBeUndefined();
    await r.client.loginWithIdentity(
      await r.token([
        { identifier: "uid", value: "priv-uid" },
        { identifier: "email", value: "priv@example.com" },
      ]),
      { full_privacy_enabled: true },
    );
    const state = r.client.getState();
    expect(state.anonymous).toBe(false);
    expect(
      users(r)
        .identitiesOf(state.userId as string)
        .map((i) => i.identifier),
    ).toEqual(["uid"]);
  });

  it("server-side refusals arrive as login failures with reason and detail", async () => {
    const wrong = await r.token([{ identifier: "uid", value: "x" }], { secret: "not-the-secret-not-the-secret" });
    const failure = await failureOf(r.client.loginWithIdentity(wrong));
    expect(failure.reason).toBe("identityTokenInvalid");
    expect(failure.detail).toBe("signatureInvalid");
    const old = await r.token([{ identifier: "uid", value: "x" }], { iat: START_MS / 1000 - 24 * 3600 - 1 });
    expect((await failureOf(r.client.loginWithIdentity(old))).detail).toBe("iatTooOld");
    expect(r.client.getState().status).toBe("loggedOut");
  });

  it("add identities: added on the service; one owned by another user → identityDataSyncFailed", async () => {
    await loginUid(r.h, "owner", [{ identifier: "email", value: "owned@example.com" }]);
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "adder" }]));
    await r.client.addUserIdentities(
      await r.token([
        { identifier: "email", value: "owned@example.com" },
        { identifier: "steam_id", value: "765" },
      ]),
    );
    await settle(1);
    const me = users(r).findByIdentity(r.h.appId, "uid", "adder");
    expect(
      users(r)
        .identitiesOf(me?.id as string)
        .map((i) => i.identifier),
    ).toEqual(["steam_id", "uid"]);
    expect(r.events).toContainEqual(["identityDataSyncFailed", { email: "invalidData" }]);
  });

  it("attributes: synced in batches; refused fields and tags → *AttributesSyncFailed; data stored", async () => {
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "attrs" }]));
    r.client.UpdateMasterAttributes({
      first_name: "Ada",
      new_tags: ["vip", "undefined-tag"],
      custom_user_fields: { guild: "red", nope: "x", level: "abc" },
    });
    r.client.UpdateAppAttributes({ app_version: "2.0", custom_user_fields: { tier: "platinum" } });
    await r.client.flush();
    await settle(1);
    expect(r.events).toContainEqual([
      "masterAttributesSyncFailed",
      {
        "new_tags.undefined-tag": "invalidData",
        "custom_user_fields.nope": "invalidData",
        "custom_user_fields.level": "invalidData",
      },
    ]);
    expect(r.events).toContainEqual(["appAttributesSyncFailed", { "custom_user_fields.tier": "invalidData" }]);
    const userId = r.client.getState().userId as string;
    const stored = r.h.service.context.attributes.read(userId);
    expect(stored.master).toEqual({ first_name: "Ada", custom_user_fields: { guild: "red" } });
    expect(stored.app).toEqual({ app_version: "2.0" });
    expect(stored.tags).toEqual(["vip"]);
  });

  it("logout flushes the pending batch with the user's session, then revokes it on the service", async () => {
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "leaver" }]));
    const userId = r.client.getState().userId as string;
    r.client.UpdateMasterAttributes({ last_name: "Lovelace" });
    await r.client.logout();
    expect(r.client.getState().status).toBe("loggedOut");
    expect(r.h.service.context.attributes.read(userId).master).toEqual({ last_name: "Lovelace" });
    const sessions = r.h.service.db.prepare("SELECT revoked_at FROM sessions WHERE user_id = ?").all(userId) as {
      revoked_at: number | null;
    }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.revoked_at).not.toBeNull();
  });

  it("refreshUserCredentials before expiry, userSessionExpired at expiry and on every foreground", async () => {
    r.h.service.apps.setSessionSettings(r.h.appId, { sessionLifetimeSeconds: 120, refreshLeadSeconds: 30 });
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "short" }]));
    r.time.advanceSync(89_999);
    expect(r.events.map((e) => e[0])).not.toContain("refreshUserCredentials");
    r.time.advanceSync(1);
    await settle(1);
    expect(r.events.filter((e) => e[0] === "refreshUserCredentials")).toHaveLength(1);
    r.time.advanceSync(29_999);
    await settle(1);
    expect(r.events.map((e) => e[0])).not.toContain("userSessionExpired");
    r.time.advanceSync(1);
    await settle(1);
    expect(r.events.filter((e) => e[0] === "userSessionExpired")).toHaveLength(1);
    expect(r.client.getState()).toMatchObject({ status: "loggedOut", expired: true });
    r.client.appForeground();
    await settle(1);
    expect(r.events.filter((e) => e[0] === "userSessionExpired")).toHaveLength(2);
    // A new login clears the expired state.
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "short" }]));
    expect(r.client.getState().expired).toBe(false);
  });

  it("the service ends the session (expired server-side): the next sync raises userSessionExpired", async () => {
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "revoked-elsewhere" }]));
    r.h.service.db.prepare("UPDATE sessions SET revoked_at = 1").run();
    r.client.UpdateMasterAttributes({ first_name: "X" });
    await r.client.flush();
    await settle(1);
    expect(r.events.map((e) => e[0])).toContain("userSessionExpired");
  });

  it("feature disabled: login fails identityFeatureNotEnabled and userIdentityNotEnabled is sent", async () => {
    r.h.service.apps.setIdentityEnabled(r.h.appId, false);
    const failure = await failureOf(r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "off" }])));
    expect(failure.reason).toBe("identityFeatureNotEnabled");
    await settle(1);
    expect(r.events.map((e) => e[0])).toContain("userIdentityNotEnabled");
  });

  it("feature disabled mid-session: AddUserIdentities sends userIdentityNotEnabled", async () => {
    await r.client.loginWithIdentity(await r.token([{ identifier: "uid", value: "mid" }]));
    r.h.service.apps.setIdentityEnabled(r.h.appId, false);
    await r.client.addUserIdentities(await r.token([{ identifier: "email", value: "mid@example.com" }]));
    await settle(1);
    expect(r.events.map((e) => e[0])).toContain("userIdentityNotEnabled");
  });

  it("never logs a token, a session token or the secret", async () => {
    const jwt = await r.token([{ identifier: "uid", value: "quiet" }]);
    await r.client.loginWithIdentity(jwt);
    r.client.UpdateMasterAttributes({ first_name: "Q" });
    await r.client.logout();
    const all = [...r.logs, ...r.h.logs].join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(jwt);
    expect(all).not.toContain(r.h.secret);
    expect(all).not.toMatch(/hss_[A-Za-z0-9_-]{8}/);
  });
});
