import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Limits, LoginResponseSchema } from "../../TypeScript/contract";
import { get, type Harness, post, signToken, startHarness } from "./harness";

const ANON = "hsft_anon_AAAAAAAAAAAAAAAAAAAAAA";

describe("POST login", () => {
  let h: Harness;
  let login: string;
  beforeAll(async () => {
    h = await startHarness();
    login = `${h.url}/v1/apps/${h.appId}/login`;
  });
  afterAll(() => h.close());

  const token = (identities: unknown, options = {}) => signToken(identities, h.secret, h.clock, options);

  it("logs in by uid, answers the protocol's LoginResponse and stores every identity with its metadata", async () => {
    const jwt = await token([
      { identifier: "uid", value: "player-1" },
      { identifier: "email", value: "p1@example.com", metadata: { verified: "true" } },
      { identifier: "steam_id", value: "7656" },
    ]);
    const answer = await post(login, { identityToken: jwt, fullPrivacy: false });
    expect(answer.status).toBe(200);
    const body = LoginResponseSchema.parse(answer.body);
    expect(body.anonymous).toBe(false);
    expect(body.serverTime).toBe(h.clock.now());
    expect(body.expiresAt).toBe(h.clock.now() + 7 * 24 * 3600 * 1000);
    expect(body.refreshLeadSeconds).toBe(48 * 3600);
    expect(body.sessionToken).toMatch(/^hss_[A-Za-z0-9_-]{43}$/);
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, body.sessionToken);
    expect(me.body.identities).toEqual([
      { identifier: "email", value: "p1@example.com", metadata: { verified: "true" } },
      { identifier: "steam_id", value: "7656", metadata: {} },
      { identifier: "uid", value: "player-1", metadata: {} },
    ]);
  });

  it("resolves the same user for the same uid, and uid wins over an email owned by someone else", async () => {
    const first = await post(login, {
      identityToken: await token([{ identifier: "uid", value: "u-a" }]),
      fullPrivacy: false,
    });
    const again = await post(login, {
      identityToken: await token([{ identifier: "uid", value: "u-a" }]),
      fullPrivacy: false,
    });
    expect(again.body.userId).toBe(first.body.userId);
    expect(again.body.sessionToken).not.toBe(first.body.sessionToken);
    const byEmail = await post(login, {
      identityToken: await token([{ identifier: "email", value: "shared@example.com" }]),
      fullPrivacy: false,
    });
    const other = await post(login, {
      identityToken: await token([
        { identifier: "uid", value: "u-b" },
        { identifier: "email", value: "shared@example.com" },
      ]),
      fullPrivacy: false,
    });
    expect(other.status).toBe(200);
    expect(other.body.userId).not.toBe(byEmail.body.userId);
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, other.body.sessionToken as string);
    // The email stays with its first owner; the uid user logs in without it.
    expect(me.body.identities).toEqual([{ identifier: "uid", value: "u-b", metadata: {} }]);
  });

  it("logs in by email when there is no uid and full privacy is off; the same email is the same user", async () => {
    const a = await post(login, {
      identityToken: await token([{ identifier: "email", value: "e@x.io" }]),
      fullPrivacy: false,
    });
    const b = await post(login, {
      identityToken: await token([{ identifier: "email", value: "e@x.io" }]),
      fullPrivacy: false,
    });
    expect(a.status).toBe(200);
    expect(a.body.anonymous).toBe(false);
    expect(b.body.userId).toBe(a.body.userId);
  });

  it("logs in anonymously with an empty token and reuses the user for the same anonymous id", async () => {
    const a = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: ANON });
    const b = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: ANON });
    expect(a.status).toBe(200);
    expect(a.body.anonymous).toBe(true);
    expect(b.body.userId).toBe(a.body.userId);
    const other = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: `${ANON}B` });
    expect(other.body.userId).not.toBe(a.body.userId);
  });

  it("refuses an anonymous login without a well-formed anonymous id", async () => {
    for (const anonymousId of [
      undefined,
      "",
      "hsft_anon_",
      "hsft_anon_short",
      "anon_AAAAAAAAAAAAAAAA",
      `hsft_anon_${"a".repeat(129)}`,
      "hsft_anon_AAAA AAAAAAA",
    ]) {
      const answer = await post(login, { identityToken: "", fullPrivacy: false, anonymousId });
      expect(answer.status, String(anonymousId)).toBe(400);
      expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
    const longest = await post(login, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId: `hsft_anon_${"a".repeat(128)}`,
    });
    expect(longest.status).toBe(200);
  });

  it("full privacy without uid: an anonymous user, identities not stored", async () => {
    const jwt = await token([{ identifier: "email", value: "private@example.com" }]);
    const answer = await post(login, { identityToken: jwt, fullPrivacy: true, anonymousId: `${ANON}P` });
    expect(answer.status).toBe(200);
    expect(answer.body.anonymous).toBe(true);
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, answer.body.sessionToken as string);
    expect(me.body.identities).toEqual([]);
    // The email was not stored: an email login afterwards is a different, new user.
    const emailLogin = await post(login, { identityToken: jwt, fullPrivacy: false });
    expect(emailLogin.body.userId).not.toBe(answer.body.userId);
  });

  it("full privacy with uid: identified by uid, nothing but the uid kept", async () => {
    const jwt = await token([
      { identifier: "uid", value: "priv-uid" },
      { identifier: "email", value: "priv@example.com" },
    ]);
    const answer = await post(login, { identityToken: jwt, fullPrivacy: true });
    expect(answer.body.anonymous).toBe(false);
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, answer.body.sessionToken as string);
    expect(me.body.identities).toEqual([{ identifier: "uid", value: "priv-uid", metadata: {} }]);
  });

  it("re-validates the payload with the contract: uid/email rule, identities count and data", async () => {
    const noUid = await post(login, {
      identityToken: await token([{ identifier: "steam_id", value: "1" }]),
      fullPrivacy: false,
    });
    expect(noUid.body).toEqual({ reason: "uidOrEmailIsMandatory" });
    expect(noUid.status).toBe(400);
    const many = Array.from({ length: Limits.collectionSize + 1 }, (_, i) => ({ identifier: "uid", value: String(i) }));
    const tooMany = await post(login, { identityToken: await token(many), fullPrivacy: false });
    expect(tooMany.body).toEqual({ reason: "identitiesSizeLimitExceeded" });
    const longUid = "u".repeat(Limits.uidValueLength + 1);
    const bad = await post(login, {
      identityToken: await token([
        { identifier: "uid", value: longUid },
        { identifier: "nickname", value: "x" },
      ]),
      fullPrivacy: false,
    });
    expect(bad.body).toEqual({
      reason: "identitiesDataInvalid",
      errors: { uid: "exceededValueLengthLimit", nickname: "invalidData" },
    });
    const atLimit = await post(login, {
      identityToken: await token([{ identifier: "uid", value: "u".repeat(Limits.uidValueLength) }]),
      fullPrivacy: false,
    });
    expect(atLimit.status).toBe(200);
    const notArray = await post(login, { identityToken: await token({ uid: "1" }), fullPrivacy: false });
    expect(notArray.body).toEqual({ reason: "identityTokenInvalid", detail: "identitiesNotArray" });
  });

  it("refuses logins on an app without the identity feature: identityFeatureNotEnabled", async () => {
    h.service.apps.setIdentityEnabled(h.appId, false);
    try {
      const uid = await post(login, {
        identityToken: await token([{ identifier: "uid", value: "1" }]),
        fullPrivacy: false,
      });
      expect(uid.status).toBe(403);
      expect(uid.body).toEqual({ reason: "identityFeatureNotEnabled" });
      const anon = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: ANON });
      expect(anon.body).toEqual({ reason: "identityFeatureNotEnabled" });
    } finally {
      h.service.apps.setIdentityEnabled(h.appId, true);
    }
  });

  it("uses the app's session lifetime and refresh lead", async () => {
    h.service.apps.setSessionSettings(h.appId, { sessionLifetimeSeconds: 120, refreshLeadSeconds: 30 });
    try {
      const answer = await post(login, {
        identityToken: await token([{ identifier: "uid", value: "s" }]),
        fullPrivacy: false,
      });
      expect(answer.body.expiresAt).toBe(h.clock.now() + 120_000);
      expect(answer.body.refreshLeadSeconds).toBe(30);
    } finally {
      h.service.apps.setSessionSettings(h.appId, {
        sessionLifetimeSeconds: 7 * 24 * 3600,
        refreshLeadSeconds: 48 * 3600,
      });
    }
  });
});

describe("login rate limit", () => {
  it("allows max logins per app and address in a window, then 429 rateLimited until the window passes", async () => {
    const h = await startHarness({ loginRateLimit: { max: 3, windowMs: 10_000 } });
    try {
      const url = `${h.url}/v1/apps/${h.appId}/login`;
      const body = { identityToken: "", fullPrivacy: false, anonymousId: ANON };
      for (let i = 0; i < 3; i++) expect((await post(url, body)).status).toBe(200);
      const limited = await post(url, body);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ reason: "rateLimited", detail: "rateLimited" });
      // Bad requests count too: a flood of garbage is limited like a flood of logins.
      expect((await post(url, { nonsense: true })).status).toBe(429);
      h.clock.advance(9_999);
      expect((await post(url, body)).status).toBe(429);
      h.clock.advance(1);
      expect((await post(url, body)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("counts apps separately", async () => {
    const h = await startHarness({ loginRateLimit: { max: 1, windowMs: 10_000 } });
    try {
      h.service.apps.create({ id: "other" });
      const body = { identityToken: "", fullPrivacy: false, anonymousId: ANON };
      expect((await post(`${h.url}/v1/apps/${h.appId}/login`, body)).status).toBe(200);
      expect((await post(`${h.url}/v1/apps/${h.appId}/login`, body)).status).toBe(429);
      expect((await post(`${h.url}/v1/apps/other/login`, body)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
