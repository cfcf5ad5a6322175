import { describe, expect, it } from "vitest";
import { Defaults, Limits, ProtocolPath } from "../../TypeScript/contract";
import { REQUEST_TIMEOUT_MS } from "../../TypeScript/core/service-client";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type RecordedRequest, type Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const attributesPath = ProtocolPath.attributes("demo");

async function loggedIn(uid = "1", init: Parameters<ReturnType<typeof createCoreHarness>["init"]>[0] = {}) {
  const h = createCoreHarness();
  h.init(init);
  await h.client.loginWithIdentity(uidToken(uid));
  return h;
}

const batches = (h: ReturnType<typeof createCoreHarness>) =>
  h.transport.requestsTo("/attributes").map((r) => r.json as Record<string, unknown>);

describe("attribute updates", () => {
  it("are no-ops (logged at info) when logged out or anonymous", async () => {
    const h = createCoreHarness();
    h.init();
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.loginWithIdentity("");
    h.client.UpdateAppAttributes({ app_version: "1" });
    await h.time.advance(Defaults.flushIntervalMs);
    expect(batches(h)).toEqual([]);
    expect(h.store.get("helpshift.outbox")).toBeUndefined();
    expect(h.logger.at("info").filter((l) => l.message.includes("ignored"))).toHaveLength(2);
  });

  it("report validation errors and queue the accepted entries", async () => {
    const h = await loggedIn("1", { multilineCustomFields: ["bio"] });
    h.client.UpdateMasterAttributes({
      first_name: "Ana",
      nickname: "x",
      age: "old",
      custom_user_fields: { bio: "b".repeat(100_000), short: "s".repeat(256) },
    });
    h.client.UpdateAppAttributes({ app_version: "1.4", level: "9" });
    await settle();
    expect(h.events).toEqual([
      {
        event: "masterAttributesValidationFailed",
        data: {
          nickname: "invalidData",
          age: "invalidValueType",
          "custom_user_fields.short": "exceededValueLengthLimit",
        },
      },
      { event: "appAttributesValidationFailed", data: { level: "invalidData" } },
    ]);
    await h.client.flush();
    expect(batches(h)).toEqual([
      {
        batchId: expect.any(String),
        master: { first_name: "Ana", custom_user_fields: { bio: "b".repeat(100_000) } },
        app: { app_version: "1.4" },
      },
    ]);
  });

  it("refuse per key a value that breaks the vendor's value rules; the rest is queued", async () => {
    const h = await loggedIn();
    h.client.UpdateMasterAttributes({ age: String(Limits.ageMax + 1), first_name: "Ana" });
    h.client.UpdateAppAttributes({
      app_version: "1".repeat(Limits.appVersionLength + 1),
      user_paying_segment: "whale",
      count_refunds_90d: "-1",
      last_90d_spend: "12.50",
      last_login_date: "1700000000",
      os_version: "17",
    });
    h.client.UpdateAppAttributes({ app_version: "1".repeat(Limits.appVersionLength) });
    h.client.UpdateMasterAttributes({ age: String(Limits.ageMax) });
    await settle();
    expect(h.events).toEqual([
      { event: "masterAttributesValidationFailed", data: { age: "invalidData" } },
      {
        event: "appAttributesValidationFailed",
        data: {
          app_version: "exceededValueLengthLimit",
          user_paying_segment: "invalidData",
          count_refunds_90d: "invalidValueType",
        },
      },
    ]);
    await h.client.flush();
    expect(batches(h)).toEqual([
      {
        batchId: expect.any(String),
        master: { first_name: "Ana", age: "149" },
        app: { last_90d_spend: "12.50", last_login_date: "1700000000", os_version: "17", app_version: "1111111111" },
      },
    ]);
  });

  it("persist every change synchronously, before the call returns", async () => {
    const h = await loggedIn();
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    expect(h.store.json("helpshift.outbox")).toEqual({
      "uid:1": { master: { values: { first_name: "Ana" }, fields: {} }, app: { values: {}, fields: {} } },
    });
  });

  it("flush on the interval timer, coalesced, with the session's bearer token", async () => {
    const h = await loggedIn("1", { flushIntervalMs: 10_000 });
    h.client.UpdateMasterAttributes({ first_name: "Ana", new_tags: ["a"] });
    h.client.UpdateMasterAttributes({ first_name: "Bea", tags_to_remove: ["a"] });
    await h.time.advance(9_999);
    expect(batches(h)).toEqual([]);
    await h.time.advance(1);
    expect(batches(h)).toEqual([{ batchId: expect.any(String), master: { first_name: "Bea", tags_to_remove: ["a"] } }]);
    const request = h.transport.requestsTo("/attributes")[0];
    expect(request?.headers.authorization).toBe(`Bearer ${h.service.lastSession()?.token}`);
    expect(h.store.get("helpshift.outbox")).toBeUndefined();
  });

  it("flush at once when the outbox reaches flushAtEntries net entries", async () => {
    const h = await loggedIn();
    const fields = (from: number, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${from + i}`, "v"]));
    for (let i = 0; i < 3; i++) h.client.UpdateAppAttributes({ custom_user_fields: fields(i * 30, 30) });
    h.client.UpdateAppAttributes({ custom_user_fields: fields(90, Defaults.flushAtEntries - 91) });
    await settle();
    expect(batches(h)).toEqual([]);
    h.client.UpdateAppAttributes({ custom_user_fields: fields(99, 1) });
    await settle();
    // 100 fields go out as batches of at most 30 per map, one request at a time.
    expect(
      batches(h).map((b) => Object.keys((b.app as { custom_user_fields: object }).custom_user_fields).length),
    ).toEqual([30, 30, 30, 10]);
    expect(new Set(batches(h).map((b) => b.batchId)).size).toBe(4);
  });

  it("flush on appBackground", async () => {
    const h = await loggedIn();
    h.client.UpdateAppAttributes({ app_version: "2" });
    h.client.appBackground();
    await settle();
    expect(batches(h)).toHaveLength(1);
  });

  it("retry network errors and 5xx with exponential backoff and the same batchId", async () => {
    const h = await loggedIn();
    const answers: Reply[] = ["network", { status: 503, body: "" }, { status: 429, json: { reason: "rateLimited" } }];
    h.transport.route("POST", attributesPath, (r) => answers.shift() ?? okBatch(h, r));
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    expect(batches(h)).toHaveLength(1);
    await h.time.advance(Defaults.retryBaseMs - 1);
    expect(batches(h)).toHaveLength(1);
    await h.time.advance(1);
    expect(batches(h)).toHaveLength(2);
    await h.time.advance(2 * Defaults.retryBaseMs);
    expect(batches(h)).toHaveLength(3);
    await h.time.advance(4 * Defaults.retryBaseMs);
    expect(batches(h)).toHaveLength(4);
    expect(new Set(batches(h).map((b) => b.batchId)).size).toBe(1);
    expect(h.store.get("helpshift.outbox")).toBeUndefined();
    await h.time.advance(Defaults.retryMaxMs);
    expect(batches(h)).toHaveLength(4);
  });

  it("retries a batch whose request timed out with the same batchId", async () => {
    const h = await loggedIn();
    let calls = 0;
    h.transport.route("POST", attributesPath, (r) =>
      ++calls === 1 ? new Promise<Reply>(() => undefined) : okBatch(h, r),
    );
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    void h.client.flush();
    await h.time.advance(REQUEST_TIMEOUT_MS + Defaults.retryBaseMs - 1);
    expect(batches(h)).toHaveLength(1);
    await h.time.advance(1);
    expect(batches(h)).toHaveLength(2);
    expect(batches(h)[1]?.batchId).toBe(batches(h)[0]?.batchId);
    expect(h.service.appliedBatches).toHaveLength(1);
  });

  it("caps the backoff at retryMaxMs", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => "network");
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    for (let i = 0; i < 12; i++) {
      const delay = Math.min(Defaults.retryMaxMs, Defaults.retryBaseMs * 2 ** i);
      await h.time.advance(delay);
    }
    expect(batches(h)).toHaveLength(13);
    expect(h.time.pending().map((t) => t.delay)).toContain(Defaults.retryMaxMs);
  });

  it("send refused keys as *AttributesSyncFailed events", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => ({
      status: 200,
      json: {
        master: { refused: { "custom_user_fields.guild": "invalidData" } },
        app: { refused: { app_status: "invalidData" } },
      },
    }));
    h.client.UpdateMasterAttributes({ custom_user_fields: { guild: "red" } });
    h.client.UpdateAppAttributes({ app_status: "x" });
    await h.client.flush();
    await settle();
    expect(h.events).toEqual([
      { event: "masterAttributesSyncFailed", data: { "custom_user_fields.guild": "invalidData" } },
      { event: "appAttributesSyncFailed", data: { app_status: "invalidData" } },
    ]);
  });

  it("report every key of a batch the service refused outright (4xx) and do not resend it", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => ({ status: 413, json: { reason: "payloadTooLarge" } }));
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    await h.time.advance(Defaults.retryMaxMs);
    expect(batches(h)).toHaveLength(1);
    expect(h.events).toEqual([{ event: "masterAttributesSyncFailed", data: { first_name: "invalidData" } }]);
  });

  it(`refuse an update past ${Limits.unsyncedAttributeEntries} unsynced entries`, async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => new Promise<Reply>(() => undefined));
    const tag = (i: number) => `t${i}`;
    let next = 0;
    const add = (count: number) => {
      const tags = Array.from({ length: count }, () => tag(next++));
      h.client.UpdateMasterAttributes({ new_tags: tags });
    };
    for (let i = 0; i < 33; i++) add(30);
    add(10);
    await settle();
    expect(h.events).toEqual([]);
    add(1);
    await settle();
    expect(h.events).toEqual([{ event: "masterAttributesLimitExceeded", data: {} }]);
    // The refused update was not queued: t1000 is nowhere in the outbox.
    expect(h.store.get("helpshift.outbox")).not.toContain('"t1000"');
    // Updating an already pending key adds no net entry and is accepted; the app map has its own count.
    h.client.UpdateMasterAttributes({ new_tags: ["t999"] });
    h.client.UpdateAppAttributes({ app_version: "1" });
    await settle();
    expect(h.events).toHaveLength(1);
  });
});

describe("outbox and sessions", () => {
  it("logout flushes the user's pending batch with that user's session, then revokes it", async () => {
    const h = await loggedIn();
    const session = h.service.lastSession()!;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.logout();
    expect(h.transport.requests.slice(1).map((r) => [r.path.split("/").pop(), r.headers.authorization])).toEqual([
      ["attributes", `Bearer ${session.token}`],
      ["logout", `Bearer ${session.token}`],
    ]);
    expect(h.store.snapshot()).toEqual({});
  });

  it("logout during a flush waits for it, sends the rest, then logs out", async () => {
    const h = await loggedIn();
    const gate = deferred<Reply>();
    let first = true;
    h.transport.route("POST", attributesPath, (r) => {
      if (first) {
        first = false;
        return gate.promise;
      }
      return okBatch(h, r);
    });
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    const flushing = h.client.flush();
    await settle();
    h.client.UpdateMasterAttributes({ last_name: "Lee" });
    const out = h.client.logout();
    expect(h.client.getState().status).toBe("loggedOut");
    await settle();
    expect(h.transport.requestsTo("/logout")).toHaveLength(0);
    gate.resolve({ status: 200, json: { master: { refused: {} }, app: { refused: {} } } });
    await Promise.all([flushing, out]);
    expect(batches(h).map((b) => b.master)).toEqual([{ first_name: "Ana" }, { last_name: "Lee" }]);
    expect(h.transport.requests.map((r) => r.path.split("/").pop())).toEqual([
      "login",
      "attributes",
      "attributes",
      "logout",
    ]);
  });

  it("keeps a user's entries when the session expires and sends them after that user's next login only", async () => {
    const h = await loggedIn("a");
    h.transport.route("POST", attributesPath, () => "network");
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    const pendingBatchId = batches(h)[0]?.batchId;
    h.service.lastSession()!.revoked = true;
    h.transport.route("POST", attributesPath, (r) => okBatch(h, r));
    await h.time.advance(Defaults.retryBaseMs);
    expect(h.client.getState().expired).toBe(true);
    // Another user logs in: user a's entries are not sent under b's session.
    await h.client.loginWithIdentity(uidToken("b"));
    h.client.UpdateMasterAttributes({ last_name: "B" });
    await h.client.flush();
    expect(h.service.appliedBatches.map((b) => [b.userId, b.batch.master])).toEqual([["uid:b", { last_name: "B" }]]);
    await h.client.loginWithIdentity(uidToken("a"));
    await settle();
    expect(h.service.appliedBatches.map((b) => [b.userId, b.batch.master])).toEqual([
      ["uid:b", { last_name: "B" }],
      ["uid:a", { first_name: "Ana" }],
    ]);
    expect(h.service.appliedBatches[1]?.batch.batchId).toBe(pendingBatchId);
  });

  it("expiry during a request: the answer is still applied, nothing is retried under the dead session", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 20_000 } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    const gate = deferred<Reply>();
    h.transport.route("POST", attributesPath, () => gate.promise);
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    void h.client.flush();
    await h.time.advance(20_000);
    expect(h.client.getState().expired).toBe(true);
    gate.resolve("network");
    await h.time.advance(Defaults.retryMaxMs);
    expect(batches(h)).toHaveLength(1);
    expect(h.store.json("helpshift.outbox")).toMatchObject({
      "uid:1": { inflight: { master: { first_name: "Ana" } } },
    });
  });

  it("a restart loses nothing: pending entries and the in-flight batch (same batchId) are sent", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => "network");
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    h.client.UpdateMasterAttributes({ last_name: "Lee" });
    const batchId = batches(h)[0]?.batchId;
    h.client.dispose();
    h.transport.route("POST", attributesPath, (r) => okBatch(h, r));
    const r = h.restart();
    r.init();
    await settle();
    expect(h.service.appliedBatches.map((b) => [b.batch.batchId === batchId, b.batch.master])).toEqual([
      [true, { first_name: "Ana" }],
      [false, { last_name: "Lee" }],
    ]);
    expect(r.store.get("helpshift.outbox")).toBeUndefined();
  });

  it("a retried batch the service already applied is not applied twice", async () => {
    const h = await loggedIn();
    let calls = 0;
    h.transport.route("POST", attributesPath, (r) => {
      const answer = okBatch(h, r);
      return ++calls === 1 ? "network" : answer;
    });
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    await h.time.advance(Defaults.retryBaseMs);
    expect(batches(h)).toHaveLength(2);
    expect(h.service.appliedBatches).toHaveLength(1);
  });
});

/** Lets the fake service apply a batch and answers as it would. */
function okBatch(h: ReturnType<typeof createCoreHarness>, r: RecordedRequest): Reply {
  const session = h.service.sessions.find((s) => `Bearer ${s.token}` === r.headers.authorization && !s.revoked);
  if (!session) return { status: 401, json: { reason: "sessionInvalid" } };
  const batch = r.json as { batchId: string };
  const duplicate = h.service.appliedBatches.some((b) => b.batch.batchId === batch.batchId);
  if (!duplicate) h.service.appliedBatches.push({ userId: session.userId, batch: batch as Record<string, unknown> });
  return { status: 200, json: { master: { refused: {} }, app: { refused: {} }, duplicate } };
}
