import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../property/arbitraries";
import { MemoryStore } from "../support/memory-store";
import { createWorld, loginResult, quiet, type World } from "./harness";

/** A world whose device files hold a session and a batch the service never received. */
async function worldWithUnsyncedBatch(): Promise<{ world: World; files: Record<string, string>; outboxKey: string }> {
  const world = await createWorld();
  const device = world.newClient();
  expect(await loginResult(device.client, await world.token("ida"))).toBe("ok");
  world.transport.failWhen(() => "request");
  device.client.UpdateMasterAttributes({ first_name: "Ida", new_tags: ["gold"] });
  await device.client.flush();
  world.transport.failWhen(undefined);
  const files = device.store.snapshot();
  device.client.dispose();
  // The key holding the unsynced batch is the one whose text mentions the attribute.
  const outboxKey = Object.entries(files).find(([, text]) => text.includes("first_name"))?.[0] ?? "";
  return { world, files, outboxKey };
}

/** Ways a file can be damaged: cut short, emptied, replaced by other JSON, or by bytes that are not JSON. */
const damages: Array<[string, (text: string) => string]> = [
  ["emptied", () => ""],
  ["cut to one character", (t) => t.slice(0, 1)],
  ["cut in half", (t) => t.slice(0, Math.floor(t.length / 2))],
  ["last character lost", (t) => t.slice(0, -1)],
  ["null", () => "null"],
  ["an array", () => "[]"],
  ["wrong shape", () => '{"userId":5,"sessionToken":[],"expiresAt":"soon"}'],
  ["binary junk", () => "\u0000\uffff\ud800{{"],
];

/** A client on the damaged files must start, answer its calls, and log in again. */
async function expectUsable(world: World, store: MemoryStore): Promise<void> {
  const device = world.newClient(store);
  const state = device.client.getState();
  expect(state.initialized).toBe(true);
  expect(["loggedIn", "loggedOut"]).toContain(state.status);
  device.client.UpdateAppAttributes({ app_version: "2.0.0" });
  device.client.appForeground();
  await quiet(world);
  expect(await loginResult(device.client, await world.token("ida"))).toBe("ok");
  expect(device.client.getState().status).toBe("loggedIn");
  await device.client.flush();
  expect(world.userCount()).toBe(1);
}

describe("a corrupt or truncated device store", () => {
  it("the fixture leaves an unsynced batch and a session in the store", async () => {
    const { world, files, outboxKey } = await worldWithUnsyncedBatch();
    expect(outboxKey).not.toBe("");
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(2);
    expect(world.attributesOf("ida")?.master ?? {}).toEqual({});
    await world.close();
  });

  it.each(damages)("each file %s: the client starts, works, and the undamaged batch still syncs", async (_, damage) => {
    const keys = Object.keys((await worldWithUnsyncedBatch()).files);
    for (const key of keys) {
      const { world, files, outboxKey } = await worldWithUnsyncedBatch();
      const store = new MemoryStore(files);
      store.set(key, damage(files[key] ?? ""));
      await expectUsable(world, store);
      // Only the damaged file's concern may be lost: a batch in an intact outbox file reaches the service.
      if (key !== outboxKey) expect(world.attributesOf("ida")?.master).toMatchObject({ first_name: "Ida" });
      expect(world.leakedSecrets()).toEqual([]);
      await world.close();
    }
  });

  it("random damage to one character anywhere never stops the client from starting and logging in", async () => {
    const { world, files } = await worldWithUnsyncedBatch();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(files)),
        fc.nat(),
        fc.integer({ min: 0, max: 0xffff }),
        async (key, at, code) => {
          const text = files[key] ?? "";
          const i = at % Math.max(1, text.length);
          const store = new MemoryStore(files);
          store.set(key, text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1));
          await expectUsable(world, store);
        },
      ),
      runs(25),
    );
    await world.close();
  });

  it("a store whose reads and writes throw (disk gone) does not stop the client", async () => {
    const { world, files } = await worldWithUnsyncedBatch();
    const broken = new MemoryStore(files);
    broken.get = () => {
      throw new Error("EIO: read failed");
    };
    broken.set = () => {
      throw new Error("ENOSPC: no space left");
    };
    await expectUsable(world, broken);
    await world.close();
  });
});
