import { describe, expect, it } from "vitest";
import { Defaults, HelpshiftEvent, ProtocolPath } from "../../TypeScript/contract";
import { MemoryStore } from "../support/memory-store";
import { APP_ID, driveUntilTrue, loginResult, quiet, useFreshWorldPerTest, type World } from "./harness";

let world: World;
useFreshWorldPerTest((w) => {
  world = w;
});

const batchCount = () =>
  (world.service().db.prepare("SELECT COUNT(*) AS n FROM attribute_batches").get() as { n: number }).n;

describe("the service restarted mid-flight on the same SQLite file", () => {
  it("a flush that failed while the service was down is delivered after the restart, with the same session", async () => {
    const { client, events } = world.newClient();
    expect(await loginResult(client, await world.token("eva"))).toBe("ok");
    client.UpdateMasterAttributes({ first_name: "Eva", age: "33" });
    world.transport.failWhen(() => "request");
    await client.flush();
    await world.restartService();
    world.transport.failWhen(undefined);
    expect(
      await driveUntilTrue(
        () => world.attributesOf("eva") !== undefined && "first_name" in (world.attributesOf("eva")?.master ?? {}),
        world,
        Defaults.retryBaseMs,
      ),
    ).toBe(true);
    expect(world.attributesOf("eva")?.master).toMatchObject({ first_name: "Eva", age: "33" });
    expect(events.map((e) => e.event)).not.toContain(HelpshiftEvent.userSessionExpired);
    expect(client.getState().status).toBe("loggedIn");
    expect(world.userCount()).toBe(1);
  });

  it("a batch applied just before the restart, whose answer was lost, is not applied twice", async () => {
    const { client, events } = world.newClient();
    expect(await loginResult(client, await world.token("finn"))).toBe("ok");
    client.UpdateMasterAttributes({ new_tags: ["vip"] });
    client.UpdateAppAttributes({ user_level: "7" });
    let dropped = false;
    world.transport.failWhen((request) => {
      if (dropped || new URL(request.url).pathname !== ProtocolPath.attributes(APP_ID)) return undefined;
      dropped = true;
      return "response";
    });
    await client.flush();
    expect(batchCount()).toBe(1);
    await world.restartService();
    world.time.advanceSync(Defaults.retryBaseMs);
    await quiet(world);
    await client.flush();
    const sends = world.transport.log.filter((r) => r.path === ProtocolPath.attributes(APP_ID));
    expect(sends.length).toBe(2);
    expect(batchCount()).toBe(1);
    expect(world.attributesOf("finn")).toMatchObject({ tags: ["vip"], app: { user_level: "7" } });
    expect(events.filter((e) => e.event.endsWith("SyncFailed"))).toEqual([]);
  });

  it("a login whose answer was lost in a restart, then retried, makes one user", async () => {
    const { client } = world.newClient();
    world.transport.failWhen(() => "response");
    expect(await loginResult(client, await world.token("gus", "gus@example.com"))).toBe("networkError");
    await world.restartService();
    world.transport.failWhen(undefined);
    expect(await loginResult(client, await world.token("gus", "gus@example.com"))).toBe("ok");
    expect(world.userCount()).toBe(1);
  });

  it("client and service both restarted: the pending batch survives in the device store and syncs", async () => {
    const device = world.newClient();
    expect(await loginResult(device.client, await world.token("hal"))).toBe("ok");
    world.transport.failWhen(() => "request");
    device.client.UpdateMasterAttributes({ last_city: "Lisbon" });
    await device.client.flush();
    // The process dies: only the files are left.
    const files = device.store.snapshot();
    device.client.dispose();
    await world.restartService();
    world.transport.failWhen(undefined);
    const revived = world.newClient(new MemoryStore(files));
    expect(revived.client.getState()).toMatchObject({ status: "loggedIn" });
    await quiet(world);
    await revived.client.flush();
    expect(world.attributesOf("hal")?.master).toMatchObject({ last_city: "Lisbon" });
    expect(world.userCount()).toBe(1);
  });
});
