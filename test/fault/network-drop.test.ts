import { describe, expect, it } from "vitest";
import { Defaults, HelpshiftEvent, LoginFailureReason, ProtocolPath } from "../../TypeScript/contract";
import { APP_ID, driveUntil, loginResult, quiet, useFreshWorldPerTest, type World } from "./harness";

const DROPS = ["request", "response"] as const;

let world: World;
useFreshWorldPerTest((w) => {
  world = w;
});

/** Drops the first request to `path` at `point`, then lets the network work again. */
function dropFirst(path: string, point: (typeof DROPS)[number]): void {
  let dropped = false;
  world.transport.failWhen((request) => {
    if (dropped || new URL(request.url).pathname !== path) return undefined;
    dropped = true;
    return point;
  });
}

/** Keys the client reported as failed to sync, per scope. */
function syncFailures(events: Array<{ event: string; data: Record<string, string> }>): Record<string, string> {
  return Object.assign(
    {},
    ...events
      .filter(
        (e) =>
          e.event === HelpshiftEvent.masterAttributesSyncFailed || e.event === HelpshiftEvent.appAttributesSyncFailed,
      )
      .map((e) => e.data),
  );
}

describe.each(DROPS)("network lost (%s) during login", (point) => {
  it("fails once with networkError, leaves no login in progress, and a retry finds the same user", async () => {
    const { client } = world.newClient();
    dropFirst(ProtocolPath.login(APP_ID), point);
    const failures: string[] = [];
    let successes = 0;
    const jwt = await world.token("ana");
    await new Promise<void>((resolve) => {
      client.LoginWithIdentity(
        jwt,
        {},
        () => {
          successes++;
          resolve();
        },
        (reason) => {
          failures.push(reason);
          resolve();
        },
      );
    });
    await quiet(world);
    expect(failures).toEqual([LoginFailureReason.networkError]);
    expect(successes).toBe(0);
    expect(client.getState().status).toBe("loggedOut");
    const usersAfterFailure = world.userCount();
    expect(usersAfterFailure).toBe(point === "response" ? 1 : 0);
    expect(await loginResult(client, await world.token("ana"))).toBe("ok");
    expect(client.getState().status).toBe("loggedIn");
    expect(world.userCount()).toBe(1);
  });
});

describe.each(DROPS)("network lost (%s) while adding identities", (point) => {
  it("keeps the user logged in, and a repeat attaches the identity exactly once", async () => {
    const { client } = world.newClient();
    expect(await loginResult(client, await world.token("bo"))).toBe("ok");
    dropFirst(ProtocolPath.identities(APP_ID), point);
    const extra = await world.token("bo", "bo@example.com");
    const first = client.addUserIdentities(extra);
    await quiet(world);
    expect(client.getState().status).toBe("loggedIn");
    // The sender retries after its backoff; the repeat below must not attach twice either.
    await driveUntil(first, world, Defaults.retryBaseMs);
    await client.addUserIdentities(extra);
    const db = world.service().db;
    const rows = db
      .prepare("SELECT COUNT(*) AS n FROM identities WHERE identifier = 'email' AND value = 'bo@example.com'")
      .get() as { n: number };
    expect(rows.n).toBe(1);
    expect(world.userCount()).toBe(1);
  });
});

describe.each(DROPS)("network lost (%s) during an attribute flush", (point) => {
  it("retries the same batch after the backoff and the service holds every attribute once", async () => {
    const handle = world.newClient();
    const { client } = handle;
    expect(await loginResult(client, await world.token("cy"))).toBe("ok");
    client.UpdateMasterAttributes({ first_name: "Cy", new_tags: ["vip"] });
    client.UpdateAppAttributes({ app_version: "1.2.3" });
    dropFirst(ProtocolPath.attributes(APP_ID), point);
    await client.flush();
    const attempts = () => world.transport.log.filter((r) => r.path === ProtocolPath.attributes(APP_ID));
    expect(attempts()).toHaveLength(1);
    world.time.advanceSync(Defaults.retryBaseMs);
    await quiet(world);
    await client.flush();
    expect(attempts().length).toBeGreaterThanOrEqual(2);
    const stored = world.attributesOf("cy");
    expect(stored?.master).toMatchObject({ first_name: "Cy" });
    expect(stored?.app).toMatchObject({ app_version: "1.2.3" });
    expect(stored?.tags).toEqual(["vip"]);
    expect(syncFailures(handle.events)).toEqual({});
    const batches = world.service().db.prepare("SELECT COUNT(*) AS n FROM attribute_batches").get() as { n: number };
    expect(batches.n).toBe(1);
  });
});

describe.each(DROPS)("network lost (%s) during logout", (point) => {
  it("loses no pending attribute: synced now, synced at the next login, or reported", async () => {
    const store = world.newClient();
    expect(await loginResult(store.client, await world.token("di"))).toBe("ok");
    store.client.UpdateMasterAttributes({ last_name: "Di" });
    let drops = 0;
    world.transport.failWhen((request) => {
      const path = new URL(request.url).pathname;
      if (path === ProtocolPath.attributes(APP_ID) || path === ProtocolPath.logout(APP_ID)) {
        drops++;
        return point;
      }
      return undefined;
    });
    await store.client.logout();
    expect(store.client.getState().status).toBe("loggedOut");
    expect(drops).toBeGreaterThan(0);
    world.transport.failWhen(undefined);
    // The same device, restarted: its files survive.
    const again = world.newClient(store.store);
    expect(await loginResult(again.client, await world.token("di"))).toBe("ok");
    await again.client.flush();
    const synced = world.attributesOf("di")?.master.last_name === "Di";
    const reported = syncFailures([...store.events, ...again.events]).last_name !== undefined;
    expect(synced || reported).toBe(true);
    expect(world.userCount()).toBe(1);
  });
});
