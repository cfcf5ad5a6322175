import { describe, expect, it } from "vitest";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { MemoryStore } from "../support/memory-store";
import { uidToken } from "../support/tokens";

const corrupt: Array<[string, string]> = [
  ["not JSON", "{truncated"],
  ["wrong shape", JSON.stringify({ userId: 1 })],
  ["empty", ""],
  ["null", "null"],
];

describe("restoring persisted state", () => {
  for (const [name, value] of corrupt) {
    it(`discards a ${name} value of every key with a warning, never a crash`, async () => {
      const store = new MemoryStore({
        "helpshift.session": value,
        "helpshift.outbox": value,
        "helpshift.anonymousId": value,
        "helpshift.sessionExpired": value,
      });
      const h = createCoreHarness({ store });
      expect(() => h.init()).not.toThrow();
      expect(h.client.getState()).toMatchObject({ initialized: true, status: "loggedOut", expired: false });
      const warned = h.logger.at("warn").filter((l) => l.message === "discarding corrupt stored value");
      expect(warned.map((l) => l.fields?.key).sort()).toEqual([
        "helpshift.anonymousId",
        "helpshift.outbox",
        "helpshift.session",
        "helpshift.sessionExpired",
      ]);
      expect(store.snapshot()).toEqual({});
      await h.client.loginWithIdentity("");
      expect(h.client.getState().status).toBe("loggedIn");
    });
  }

  it("discards a truncated outbox but keeps a valid session", async () => {
    const first = createCoreHarness();
    first.init();
    await first.client.loginWithIdentity(uidToken("1"));
    first.client.UpdateMasterAttributes({ first_name: "Ana" });
    first.client.dispose();
    const text = first.store.get("helpshift.outbox")!;
    first.store.set("helpshift.outbox", text.slice(0, text.length - 5));
    const r = first.restart();
    r.init();
    await settle();
    expect(r.client.getState()).toMatchObject({ status: "loggedIn", userId: "uid:1" });
    expect(r.store.get("helpshift.outbox")).toBeUndefined();
    expect(r.transport.requestsTo("/attributes")).toEqual([]);
  });

  it("survives a store that throws", async () => {
    const h = createCoreHarness();
    h.store.set = () => {
      throw new Error("disk full");
    };
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    expect(h.client.getState().status).toBe("loggedIn");
    expect(h.logger.at("error").map((l) => l.message)).toContain("store write failed");
  });

  it("leaves nothing of the user readable after logout", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("secret-user"));
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.logout();
    expect(h.store.snapshot()).toEqual({});
  });
});

describe("failing ports", () => {
  it("keeps entries stored when the random source fails while cutting a batch, and sends them later", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    const bytes = h.random.bytes.bind(h.random);
    h.random.bytes = () => {
      throw new Error("no entropy");
    };
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    expect(h.transport.requestsTo("/attributes")).toEqual([]);
    expect(h.logger.at("error").map((l) => l.message)).toContain("attribute flush failed");
    expect(h.store.json("helpshift.outbox")).toMatchObject({ "uid:1": { master: { values: { first_name: "Ana" } } } });
    h.random.bytes = bytes;
    await h.client.flush();
    expect(h.service.appliedBatches.map((b) => b.batch.master)).toEqual([{ first_name: "Ana" }]);
  });

  it("fails a login with unknownError when the random source fails for an anonymous id", async () => {
    const h = createCoreHarness();
    h.init();
    h.random.bytes = () => {
      throw new Error("no entropy");
    };
    await expect(h.client.loginWithIdentity("")).rejects.toMatchObject({ reason: "unknownError" });
    expect(h.client.getState().status).toBe("loggedOut");
  });
});
