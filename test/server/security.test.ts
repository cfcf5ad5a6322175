import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base64UrlEncode, Limits, utf8Encode } from "../../TypeScript/contract";
import { get, type Harness, loginUid, post, signToken, startHarness } from "./harness";

/** Every log line of this file: checked at the end for secrets and tokens. */
const logs: string[] = [];
/** Every secret, identity token and session token this file handled. */
const secrets: string[] = [];

const b64 = (value: unknown) => base64UrlEncode(utf8Encode(JSON.stringify(value)));

describe("token security", () => {
  let h: Harness;
  let login: string;
  const uid = [{ identifier: "uid", value: "sec-1" }];
  beforeAll(async () => {
    h = await startHarness({ logs });
    secrets.push(h.secret);
    login = `${h.url}/v1/apps/${h.appId}/login`;
  });
  afterAll(() => h.close());

  async function tryLogin(jwt: string) {
    secrets.push(jwt);
    const answer = await post(login, { identityToken: jwt, fullPrivacy: false });
    if (typeof answer.body.sessionToken === "string") secrets.push(answer.body.sessionToken);
    return answer;
  }

  it("accepts a correctly signed HS256 token (the control case)", async () => {
    expect((await tryLogin(await signToken(uid, h.secret, h.clock))).status).toBe(200);
  });

  it("refuses a tampered payload or signature: signatureInvalid", async () => {
    const jwt = await signToken(uid, h.secret, h.clock);
    const [header, , signature] = jwt.split(".");
    const forged = `${header}.${b64({ identities: [{ identifier: "uid", value: "admin" }], iat: Math.floor(h.clock.now() / 1000) })}.${signature}`;
    const tamperedSig = `${jwt.slice(0, -2)}${jwt.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [forged, tamperedSig]) {
      const answer = await tryLogin(bad);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ reason: "identityTokenInvalid", detail: "signatureInvalid" });
    }
  });

  it("refuses a token signed with another secret", async () => {
    const answer = await tryLogin(
      await signToken(uid, h.secret, h.clock, { secret: "not-the-app-secret-at-all-0123456789" }),
    );
    expect(answer.body).toEqual({ reason: "identityTokenInvalid", detail: "signatureInvalid" });
  });

  it("refuses alg none, HS512 (even with the right secret) and RS256: algorithmNotAllowed", async () => {
    const payload = { identities: uid, iat: Math.floor(h.clock.now() / 1000) };
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
    const hs512 = await signToken(uid, h.secret, h.clock, { alg: "HS512" });
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    expect((await exportJWK(publicKey)).kty).toBe("RSA");
    const rs256 = await new SignJWT(payload).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    // An HS256 header over an RS256 signature is still just a bad signature.
    const confused = `${b64({ alg: "HS256", typ: "JWT" })}.${rs256.split(".")[1]}.${rs256.split(".")[2]}`;
    for (const bad of [none, hs512, rs256]) {
      const answer = await tryLogin(bad);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ reason: "identityTokenInvalid", detail: "algorithmNotAllowed" });
    }
    expect((await tryLogin(confused)).body).toEqual({ reason: "identityTokenInvalid", detail: "signatureInvalid" });
  });

  it("checks iat: mandatory, at most 24 h old, at most 60 s ahead (inclusive limits)", async () => {
    const now = Math.floor(h.clock.now() / 1000);
    const missing = await tryLogin(await signToken(uid, h.secret, h.clock, { iat: null }));
    expect(missing.body).toEqual({ reason: "iatIsMandatory" });
    const oldest = await tryLogin(await signToken(uid, h.secret, h.clock, { iat: now - Limits.iatMaxAgeSeconds }));
    expect(oldest.status).toBe(200);
    const tooOld = await tryLogin(await signToken(uid, h.secret, h.clock, { iat: now - Limits.iatMaxAgeSeconds - 1 }));
    expect(tooOld.body).toEqual({ reason: "identityTokenInvalid", detail: "iatTooOld" });
    const latest = await tryLogin(
      await signToken(uid, h.secret, h.clock, { iat: now + Limits.iatFutureToleranceSeconds }),
    );
    expect(latest.status).toBe(200);
    const ahead = await tryLogin(
      await signToken(uid, h.secret, h.clock, { iat: now + Limits.iatFutureToleranceSeconds + 1 }),
    );
    expect(ahead.body).toEqual({ reason: "identityTokenInvalid", detail: "iatInFuture" });
    const text = await tryLogin(await signToken(uid, h.secret, h.clock, { iat: "yesterday" as unknown as number }));
    expect(text.body).toEqual({ reason: "identityTokenInvalid", detail: "iatNotANumber" });
  });

  it("stops accepting tokens signed with a secret once it is rotated", async () => {
    const before = await signToken(uid, h.secret, h.clock);
    const rotated = h.service.apps.rotateSecret(h.appId);
    secrets.push(rotated);
    try {
      expect((await tryLogin(before)).body).toEqual({ reason: "identityTokenInvalid", detail: "signatureInvalid" });
      expect((await tryLogin(await signToken(uid, rotated, h.clock))).status).toBe(200);
    } finally {
      (h as { secret: string }).secret = rotated;
    }
  });
});

describe("session security", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logs });
    secrets.push(h.secret);
  });
  afterAll(() => h.close());

  it("refuses a session replayed after logout: sessionRevoked", async () => {
    const { token } = await loginUid(h, "replay");
    secrets.push(token);
    expect((await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: token })).body).toEqual({ ok: true });
    for (const [path, body] of [
      ["logout", {}],
      ["attributes", { batchId: "b", master: { first_name: "x" } }],
      ["identities", { identityToken: await signToken([{ identifier: "email", value: "r@x.io" }], h.secret, h.clock) }],
    ] as const) {
      const answer = await post(`${h.url}/v1/apps/${h.appId}/${path}`, body, { bearer: token });
      expect(answer.status, path).toBe(401);
      expect(answer.body).toEqual({ reason: "sessionInvalid", detail: "sessionRevoked" });
    }
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, token)).body).toEqual({
      reason: "sessionInvalid",
      detail: "sessionRevoked",
    });
  });

  it("keeps each session to its own user's data", async () => {
    const alice = await loginUid(h, "alice");
    const bob = await loginUid(h, "bob");
    secrets.push(alice.token, bob.token);
    await post(
      `${h.url}/v1/apps/${h.appId}/attributes`,
      { batchId: "a1", master: { first_name: "Alice" } },
      { bearer: alice.token },
    );
    // Bob reuses Alice's batch id and even names her user id in the body: it is his own data that changes.
    const bobWrite = await post(
      `${h.url}/v1/apps/${h.appId}/attributes`,
      { batchId: "a1", userId: alice.userId, master: { first_name: "Bob" } },
      { bearer: bob.token },
    );
    expect(bobWrite.status).toBe(200);
    expect(bobWrite.body.duplicate).toBeUndefined();
    const aliceMe = await get(`${h.url}/v1/apps/${h.appId}/me`, alice.token);
    const bobMe = await get(`${h.url}/v1/apps/${h.appId}/me`, bob.token);
    expect(aliceMe.body.userId).toBe(alice.userId);
    expect(aliceMe.body.master).toEqual({ first_name: "Alice" });
    expect(bobMe.body.master).toEqual({ first_name: "Bob" });
    // Bob cannot take Alice's uid as an added identity.
    const steal = await post(
      `${h.url}/v1/apps/${h.appId}/identities`,
      { identityToken: await signToken([{ identifier: "uid", value: "alice" }], h.secret, h.clock) },
      { bearer: bob.token },
    );
    expect(steal.body).toEqual({ added: [], refused: { uid: "invalidData" } });
    // Bob logging out does not end Alice's session.
    await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: bob.token });
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, alice.token)).status).toBe(200);
  });

  it("refuses a session of one app on another app, unknown and garbage bearers", async () => {
    h.service.apps.create({ id: "other-app" });
    const { token } = await loginUid(h, "cross");
    secrets.push(token);
    const cross = await get(`${h.url}/v1/apps/other-app/me`, token);
    expect(cross.status).toBe(401);
    expect(cross.body).toEqual({ reason: "sessionInvalid" });
    for (const bearer of ["hss_unknown", "", "x".repeat(5000), token.toUpperCase()]) {
      const answer = await post(`${h.url}/v1/apps/${h.appId}/attributes`, { batchId: "z" }, { bearer });
      expect(answer.status).toBe(401);
      expect(answer.body.reason).toBe("sessionInvalid");
    }
    const noHeader = await post(`${h.url}/v1/apps/${h.appId}/logout`, {});
    expect(noHeader.status).toBe(401);
  });

  it("expires sessions on the service clock: sessionExpired", async () => {
    h.service.apps.setSessionSettings(h.appId, { sessionLifetimeSeconds: 60 });
    const { token } = await loginUid(h, "expiring");
    secrets.push(token);
    h.clock.advance(59_999);
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, token)).status).toBe(200);
    h.clock.advance(1);
    const expired = await get(`${h.url}/v1/apps/${h.appId}/me`, token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ reason: "sessionInvalid", detail: "sessionExpired" });
  });

  it("stores only a hash of session tokens", async () => {
    const { token } = await loginUid(h, "hashed");
    secrets.push(token);
    const rows = h.service.db.prepare("SELECT token_hash FROM sessions").all() as { token_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
  });
});

describe("logs", () => {
  it("never contain a secret, an identity token or a session token", () => {
    expect(logs.length).toBeGreaterThan(20);
    const all = logs.join("\n");
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(all.includes(secret), "a secret reached the log").toBe(false);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
    expect(all).not.toMatch(/hss_[A-Za-z0-9_-]{8}/);
  });
});
