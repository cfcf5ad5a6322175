import { describe, expect, it } from "vitest";
import { Defaults, ProtocolPath } from "../../TypeScript/contract";
import type { OutboxView } from "../../TypeScript/core/api";
import { entryKeys, MAX_SETTLED_FATES, pendingKeys } from "../../TypeScript/core/outbox-view";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const attributesPath = ProtocolPath.attributes("demo");

async function loggedIn(uid = "1") {
  const h = createCoreHarness();
  h.init();
  await h.client.loginWithIdentity(uidToken(uid));
  return h;
}

/** Every view the client delivered to one listener bound now. */
function watch(h: ReturnType<typeof createCoreHarness>) {
  const views: OutboxView[] = [];
  const stop = h.client.onOutboxChange((view) => views.push(view));
  return { views, stop, last: () => views[views.length - 1] as OutboxView };
}

describe("the outbox made visible", () => {
  it("keys each entry as the service keys a refusal", () => {
    expect(
      entryKeys({
        age: "3",
        custom_user_fields: { guild: "red" },
        new_tags: ["vip", "beta"],
        tags_to_remove: ["old"],
        reset_tags: [],
      }),
    ).toEqual(["age", "custom_user_fields.guild", "new_tags.vip", "new_tags.beta", "tags_to_remove.old", "reset_tags"]);
    expect(
      pendingKeys({ values: { a: "1" }, fields: { f: "x" }, tags: { reset: ["r"], add: ["n"], remove: ["o"] } }),
    ).toEqual(["a", "custom_user_fields.f", "reset_tags.r", "new_tags.n", "tags_to_remove.o"]);
  });

  it("is empty with nobody logged in, and shows queued keys (no values) with when they were queued", async () => {
    const h = createCoreHarness();
    h.init();
    expect(h.client.getOutbox()).toEqual({ pending: [], settled: [] });
    await h.client.loginWithIdentity(uidToken("1"));
    const queuedAt = h.time.clock.now();
    h.client.UpdateMasterAttributes({ first_name: "Ana", new_tags: ["vip"], custom_user_fields: { guild: "red" } });
    h.client.UpdateAppAttributes({ app_version: "1.4" });
    const view = h.client.getOutbox();
    expect(view.userId).toBeDefined();
    expect(h.client.getPendingAttributes()).toEqual([
      {
        scope: "master",
        keys: ["first_name", "custom_user_fields.guild", "new_tags.vip"],
        state: "queued",
        attempts: 0,
        queuedAt,
      },
      { scope: "app", keys: ["app_version"], state: "queued", attempts: 0, queuedAt },
    ]);
    expect(JSON.stringify(view)).not.toContain("Ana");
  });

  it("a batch that fails keeps its entries with attempts and the failure; delivered, each key is sent", async () => {
    const h = await loggedIn();
    const seen = watch(h);
    let failures = 2;
    h.transport.route("POST", attributesPath, (r) => (failures-- > 0 ? "network" : h.service.answer(r)));
    await settle();
    h.client.UpdateMasterAttributes({ first_name: "Ana", last_name: "Lovelace" });
    await settle();
    await h.client.flush();
    await settle();
    const [failed] = h.client.getPendingAttributes();
    expect(failed).toMatchObject({
      scope: "master",
      keys: ["first_name", "last_name"],
      state: "waitingToRetry",
      attempts: 1,
      lastFailure: "network",
      batchId: expect.any(String),
    });
    await h.time.advance(Defaults.retryBaseMs);
    expect(h.client.getPendingAttributes()[0]).toMatchObject({ attempts: 2, batchId: failed?.batchId });
    await h.time.advance(2 * Defaults.retryBaseMs);
    await settle();
    expect(h.client.getPendingAttributes()).toEqual([]);
    expect(h.client.getOutbox().settled).toEqual([
      expect.objectContaining({
        scope: "master",
        key: "first_name",
        fate: "sent",
        attempts: 3,
        batchId: failed?.batchId,
      }),
      expect.objectContaining({ scope: "master", key: "last_name", fate: "sent", attempts: 3 }),
    ]);
    // The listener heard the current view first, then the changes (those of one turn once): queued → waiting to
    // retry → delivered.
    expect(seen.views[0]?.pending).toEqual([]);
    const states = seen.views.map((v) => v.pending.map((p) => `${p.state}:${p.attempts}`).join(","));
    expect(states).toContain("queued:0");
    expect(states).toContain("waitingToRetry:1");
    expect(states).toContain("waitingToRetry:2");
    expect(seen.last().pending).toEqual([]);
    expect(seen.last().settled.map((f) => f.fate)).toEqual(["sent", "sent"]);
  });

  it("shows a batch while it is being sent, and the keys queued behind it", async () => {
    const h = await loggedIn();
    const gate = deferred<Reply>();
    h.transport.route("POST", attributesPath, async (r) => {
      await gate.promise;
      return h.service.answer(r);
    });
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    const flushed = h.client.flush();
    await settle();
    h.client.UpdateMasterAttributes({ last_name: "Lovelace" });
    expect(h.client.getPendingAttributes().map((p) => [p.state, p.keys, p.attempts])).toEqual([
      ["sending", ["first_name"], 1],
      ["queued", ["last_name"], 0],
    ]);
    gate.resolve({ status: 200, json: {} });
    await flushed;
  });

  it("a key the service refuses shows its reason; the others are sent", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => ({
      status: 200,
      json: {
        master: { refused: { "new_tags.nope": "invalidData", "custom_user_fields.level": "invalidData" } },
        app: { refused: {} },
      },
    }));
    h.client.UpdateMasterAttributes({
      first_name: "Ana",
      new_tags: ["vip", "nope"],
      custom_user_fields: { level: "x" },
    });
    await h.client.flush();
    await settle();
    const fates = Object.fromEntries(h.client.getOutbox().settled.map((f) => [f.key, [f.fate, f.reason]]));
    expect(fates).toEqual({
      first_name: ["sent", undefined],
      "new_tags.vip": ["sent", undefined],
      "new_tags.nope": ["refused", "invalidData"],
      "custom_user_fields.level": ["refused", "invalidData"],
    });
    // The event says the same.
    expect(h.events.find((e) => e.event === "masterAttributesSyncFailed")?.data).toEqual({
      "new_tags.nope": "invalidData",
      "custom_user_fields.level": "invalidData",
    });
  });

  it("a batch the service refuses outright: every key refused, with the answer", async () => {
    const h = await loggedIn();
    h.transport.route("POST", attributesPath, () => ({ status: 400, json: { reason: "badRequest" } }));
    h.client.UpdateAppAttributes({ app_version: "1.4" });
    await h.client.flush();
    expect(h.client.getOutbox().settled).toEqual([
      expect.objectContaining({
        scope: "app",
        key: "app_version",
        fate: "refused",
        reason: "invalidData",
        detail: "the whole batch: badRequest (HTTP 400)",
        attempts: 1,
      }),
    ]);
    expect(h.client.getPendingAttributes()).toEqual([]);
  });

  it("keeps the newest answered entries only; logging out empties the pending view", async () => {
    const h = await loggedIn();
    const seen = watch(h);
    for (let i = 0; i < MAX_SETTLED_FATES + 5; i++)
      h.client.UpdateMasterAttributes({ custom_user_fields: { [`f${i}`]: "v" } });
    await h.client.flush();
    await settle();
    expect(h.client.getOutbox().settled).toHaveLength(MAX_SETTLED_FATES);
    h.transport.route("POST", attributesPath, () => "network");
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    expect(h.client.getPendingAttributes()).toHaveLength(1);
    await h.client.logout();
    await settle();
    expect(h.client.getOutbox().pending).toEqual([]);
    expect(h.client.getOutbox().userId).toBeUndefined();
    expect(seen.last().pending).toEqual([]);
    seen.stop();
  });

  it("tells nobody after dispose", async () => {
    const h = await loggedIn();
    const seen = watch(h);
    await settle();
    const count = seen.views.length;
    h.client.dispose();
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await settle();
    expect(seen.views).toHaveLength(count);
  });
});
