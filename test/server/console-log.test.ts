/**
 * The live log: what each identity route writes (logins, refusals with reason and detail, identities, attribute
 * keys accepted and refused, duplicates, logouts, refused sessions), never a token, JWT, secret or attribute
 * value; filters and limits; the SSE stream live, with Last-Event-ID replay, heartbeats, and `close()` ending it.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { LIVE_LOG_CAPACITY, LiveLog } from "../../TypeScript/server/console";
import { call, openStream } from "./console-support";
import { type Harness, loginUid, ManualClock, post, signToken, startHarness } from "./harness";

const SECRET_VALUE = "Personal-Value-4711";

describe("console live log", () => {
  let h: Harness;
  const tokens: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ loginRateLimit: { max: 8, windowMs: 60_000 } });
  });
  afterAll(() => h.close());

  const entries = async (query = "") => (await call(h, "GET", `${ConsolePath.log}${query}`)).body.entries;

  it("records a login: app, user, which identifier, session expiry", async () => {
    const { token, userId } = await loginUid(h, "log-user");
    tokens.push(token);
    const [entry] = await entries("?limit=1");
    expect(entry).toMatchObject({ kind: "login", appId: h.appId, userId, seq: expect.any(Number), at: h.clock.now() });
    expect(entry.summary).toMatch(/^login by uid of user usr_.*, session until 2026-01-22T12:00:00.000Z$/);
  });

  it("records each refused login once, with the reason and detail the client got", async () => {
    const before = (await entries("?kind=loginFailed")).length;
    const wrong = await signToken([{ identifier: "uid", value: "x" }], h.secret, h.clock, { secret: "not-the-secret" });
    tokens.push(wrong);
    await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: wrong, fullPrivacy: false });
    const old = await signToken([{ identifier: "uid", value: "x" }], h.secret, h.clock, {
      iat: Math.floor(h.clock.now() / 1000) - 3 * 86_400,
    });
    await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: old, fullPrivacy: false });
    const noUid = await signToken([{ identifier: "email", value: "" }], h.secret, h.clock);
    await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: noUid, fullPrivacy: false });
    await post(`${h.url}/v1/apps/no-such-app/login`, { identityToken: "", fullPrivacy: false });
    const failed = await entries("?kind=loginFailed");
    expect(failed).toHaveLength(before + 4);
    expect(failed[3]).toMatchObject({ reason: "identityTokenInvalid", detail: "signatureInvalid", appId: h.appId });
    expect(failed[2]).toMatchObject({ reason: "identityTokenInvalid", detail: "iatTooOld" });
    expect(failed[1]).toMatchObject({ reason: "identitiesDataInvalid", detail: "email: emptyData" });
    expect(failed[0]).toMatchObject({ reason: "notFound", detail: "unknownApp", appId: "no-such-app" });
    expect(failed[0].summary).toBe("login refused (404): notFound (unknownApp)");
  });

  it("records a rate-limited login as refused", async () => {
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i += 1) {
      status = (await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: "nope", fullPrivacy: false })).status;
    }
    expect(status).toBe(429);
    const [entry] = await entries("?kind=loginFailed&limit=1");
    expect(entry).toMatchObject({ reason: "rateLimited", appId: h.appId });
    h.clock.advance(60_000);
  });

  it("records attribute batches by key (accepted, refused with the reason), never a value; duplicates say so", async () => {
    const token = tokens[0] as string;
    const batch = {
      batchId: "batch-1",
      master: { first_name: SECRET_VALUE, age: "200", unknown_key: SECRET_VALUE, new_tags: ["vip", "nope"] },
      app: { app_version: "1.0", custom_user_fields: { guild: SECRET_VALUE } },
    };
    expect((await post(`${h.url}/v1/apps/${h.appId}/attributes`, batch, { bearer: token })).status).toBe(200);
    const [entry] = await entries("?kind=attributes&limit=1");
    expect(entry.accepted).toEqual({
      master: ["first_name", "new_tags.vip"],
      app: ["app_version", "custom_user_fields.guild"],
    });
    expect(entry.refused.master).toEqual({
      age: "invalidData",
      unknown_key: "invalidData",
      "new_tags.nope": "invalidData",
    });
    expect(entry.refused.app).toBeUndefined();
    await post(`${h.url}/v1/apps/${h.appId}/attributes`, batch, { bearer: token });
    const [duplicate] = await entries("?kind=attributes&limit=1");
    expect(duplicate.summary).toMatch(/batch-1 again \(duplicate/);
    expect(JSON.stringify(await entries())).not.toContain(SECRET_VALUE);
  });

  it("records identities outcomes per identifier, refused bearer calls and logouts", async () => {
    const token = tokens[0] as string;
    await loginUid(h, "owner", [{ identifier: "email", value: "taken@example.com" }]);
    const jwt = await signToken(
      [
        { identifier: "email", value: "taken@example.com" },
        { identifier: "phone_number", value: "+1555" },
      ],
      h.secret,
      h.clock,
    );
    await post(`${h.url}/v1/apps/${h.appId}/identities`, { identityToken: jwt }, { bearer: token });
    const [identities] = await entries("?kind=identities&limit=1");
    expect(identities.outcomes).toEqual({ email: "ownedByAnotherUser", phone_number: "added" });
    expect((await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: token })).status).toBe(200);
    const [logout] = await entries("?kind=logout&limit=1");
    expect(logout.summary).toMatch(/^logout: usr_/);
    await post(`${h.url}/v1/apps/${h.appId}/attributes`, { batchId: "b", master: {} }, { bearer: token });
    await post(`${h.url}/v1/apps/${h.appId}/attributes`, { batchId: "b", master: {} }, { bearer: "hss_unknown" });
    const [unknown, revoked] = await entries("?kind=sessionRefused&limit=2");
    expect(revoked).toMatchObject({ reason: "sessionInvalid", detail: "sessionRevoked", userId: logout.userId });
    expect(unknown).toMatchObject({ reason: "sessionInvalid", detail: "unknown session" });
    expect(unknown.userId).toBeUndefined();
  });

  it("never holds a token, a JWT or the secret", async () => {
    const text = JSON.stringify(await entries(`?limit=${LIVE_LOG_CAPACITY}`));
    expect(text).not.toMatch(/eyJ|hss_[A-Za-z0-9]/);
    expect(text).not.toContain(h.secret);
    for (const token of tokens) expect(text).not.toContain(token);
  });

  it("filters by user and kinds, newest first, and bounds the limit at the buffer's size", async () => {
    const userId = (await entries("?kind=login")).at(-1).userId as string;
    const mine = await entries(`?user=${userId}`);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.every((e: { userId: string }) => e.userId === userId)).toBe(true);
    const seqs = mine.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const two = await entries("?kind=login,logout");
    expect(new Set(two.map((e: { kind: string }) => e.kind))).toEqual(new Set(["login", "logout"]));
    expect((await call(h, "GET", `${ConsolePath.log}?limit=${LIVE_LOG_CAPACITY}`)).status).toBe(200);
    const over = await call(h, "GET", `${ConsolePath.log}?limit=${LIVE_LOG_CAPACITY + 1}`);
    expect(over.status).toBe(400);
    expect(Object.keys(over.body.errors)).toEqual(["limit"]);
    const badKind = await call(h, "GET", `${ConsolePath.log}?kind=login,nope`);
    expect(badKind.status).toBe(400);
    expect(Object.keys(badKind.body.errors)[0]).toMatch(/^kind/);
  });

  it("streams a login as it happens, as an `entry` event with its seq as id, without the token", async () => {
    const stream = await openStream(h, `${ConsolePath.logStream}?kind=login`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/);
      expect(stream.headers["cache-control"]).toBe("no-store");
      expect(stream.headers["x-server-time"]).toBe(String(h.clock.now()));
      await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: "hss_x" });
      const { token, userId } = await loginUid(h, "streamed");
      const entry = await stream.waitFor((e) => e.userId === userId);
      expect(entry.kind).toBe("login");
      expect(stream.events().every((e) => e.entry.kind === "login")).toBe(true);
      expect(stream.events().at(-1)?.id).toBe(entry.seq);
      expect(stream.text()).not.toContain(token);
      expect(stream.text()).not.toMatch(/eyJ|hss_[A-Za-z0-9]/);
    } finally {
      stream.close();
    }
  });

  it("replays what a reconnecting stream missed after Last-Event-ID, filtered by user", async () => {
    const first = await loginUid(h, "replayed");
    const [mark] = await entries("?limit=1");
    await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: first.token });
    await loginUid(h, "someone-else");
    const stream = await openStream(h, `${ConsolePath.logStream}?user=${first.userId}`, {
      "last-event-id": String(mark.seq - 1),
    });
    try {
      await stream.waitFor((e) => e.kind === "logout");
      expect(stream.events().map((e) => e.entry.kind)).toEqual(["login", "logout"]);
      expect(stream.events()[0]?.id).toBe(mark.seq);
    } finally {
      stream.close();
    }
    const bad = await openStream(h, ConsolePath.logStream, { "last-event-id": "x" });
    expect(bad.status).toBe(400);
    bad.close();
  });

  it("removes the listener when the client goes away", async () => {
    const listeners = () => h.service.console.streams.size;
    const before = listeners();
    const stream = await openStream(h, ConsolePath.logStream);
    expect(listeners()).toBe(before + 1);
    stream.close();
    await expect.poll(listeners).toBe(before);
  });
});

describe("live log stream and close()", () => {
  it("sends heartbeat comments, and close() ends open streams and returns", async () => {
    const h = await startHarness({ console: { heartbeatMs: 50 } });
    const stream = await openStream(h, ConsolePath.logStream);
    await expect.poll(() => stream.text().includes(": heartbeat"), { timeout: 2000 }).toBe(true);
    const closed = h.close().then(() => "closed");
    const timeout = new Promise((resolve) => setTimeout(() => resolve("hung"), 5000));
    expect(await Promise.race([closed, timeout])).toBe("closed");
    await stream.ended;
  });
});

describe("LiveLog", () => {
  it("keeps the newest entries up to its capacity and never reuses a sequence number", () => {
    const log = new LiveLog(new ManualClock(5), undefined, 3);
    for (let i = 0; i < 5; i += 1) log.add({ kind: "console", summary: `n${i}` });
    expect(log.list({}, 10).map((e) => e.seq)).toEqual([5, 4, 3]);
    expect(log.after(3, {}).map((e) => e.summary)).toEqual(["n3", "n4"]);
    log.clear();
    expect(log.add({ kind: "console", summary: "after" }).seq).toBe(6);
  });
});

describe("live log stream and a client that stops reading", () => {
  it("cuts the stream off once about 1 MiB waits unsent, so memory stays bounded; other streams go on", async () => {
    const h = await startHarness({});
    try {
      const reader = await openStream(h, ConsolePath.logStream);
      const stalled = connect(Number(new URL(h.url).port), "127.0.0.1");
      await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
      stalled.write(`GET ${ConsolePath.logStream} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      await expect.poll(() => h.service.console.streams.size).toBe(2);
      stalled.pause(); // reads nothing more: the kernel's buffers fill, then the response's
      const summary = "x".repeat(10_000);
      // About 30 MB in all: well past the socket buffers and the 1 MiB the stream may hold.
      for (let i = 0; i < 3000 && h.service.console.streams.size === 2; i += 1) {
        h.service.context.liveLog.add({ kind: "console", summary });
        if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
      }
      await expect.poll(() => h.service.console.streams.size).toBe(1);
      h.service.context.liveLog.add({ kind: "console", summary: "still streaming" });
      await expect.poll(() => reader.text().includes("still streaming")).toBe(true);
      reader.close();
      stalled.destroy();
    } finally {
      await h.close();
    }
  });
});
