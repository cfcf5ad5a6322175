import { describe, expect, it } from "vitest";
import { Defaults, HelpshiftEvent } from "../../TypeScript/contract";
import { driveUntilTrue, loginResult, quiet, useFreshWorldPerTest, type World } from "./harness";

const DAY = 24 * 60 * 60 * 1000;
const LIFETIME = Defaults.sessionLifetimeSeconds * 1000;

let world: World;
useFreshWorldPerTest(
  (w) => {
    world = w;
  },
  { separateServerClock: true },
);

const expiredEvents = (events: Array<{ event: string }>) =>
  events.filter((e) => e.event === HelpshiftEvent.userSessionExpired).length;
const stored = (uid: string) => world.attributesOf(uid)?.master ?? {};
const reported = (events: Array<{ event: string; data: Record<string, string> }>, key: string) =>
  events.some((e) => e.event === HelpshiftEvent.masterAttributesSyncFailed && key in e.data);

describe("the device clock jumps", () => {
  it("back two days: the outbox still flushes on its interval and the session is not expired", async () => {
    const { client, events } = world.newClient();
    expect(await loginResult(client, await world.token("jo"))).toBe("ok");
    world.time.jumpTo(world.time.now() - 2 * DAY);
    client.UpdateMasterAttributes({ first_name: "Jo" });
    expect(await driveUntilTrue(() => stored("jo").first_name === "Jo", world, Defaults.flushIntervalMs, 5)).toBe(true);
    client.appForeground();
    await quiet(world);
    expect(expiredEvents(events)).toBe(0);
    expect(client.getState().status).toBe("loggedIn");
  });

  it("forward past expiry: foreground reports userSessionExpired every time, nothing queued is lost, a new login works", async () => {
    const { client, events } = world.newClient();
    expect(await loginResult(client, await world.token("kim"))).toBe("ok");
    client.UpdateMasterAttributes({ last_name: "Kim" });
    world.time.jumpTo(world.time.now() + LIFETIME + DAY);
    client.appForeground();
    await quiet(world);
    client.appForeground();
    await quiet(world);
    expect(expiredEvents(events)).toBeGreaterThanOrEqual(2);
    expect(client.getState()).toMatchObject({ status: "loggedOut", expired: true });
    expect(await loginResult(client, await world.token("kim"))).toBe("ok");
    await client.flush();
    expect(stored("kim").last_name === "Kim" || reported(events, "last_name")).toBe(true);
    const before = expiredEvents(events);
    client.appForeground();
    await quiet(world);
    expect(expiredEvents(events)).toBe(before);
    expect(client.getState()).toMatchObject({ status: "loggedIn", expired: false });
  });

  it("forward while a login is in flight: the session is measured on the new clock, not expired at once", async () => {
    const { client, events } = world.newClient();
    const jwt = await world.token("lou");
    const login = loginResult(client, jwt);
    world.time.jumpTo(world.time.now() + LIFETIME + DAY);
    expect(await login).toBe("ok");
    client.appForeground();
    await quiet(world);
    expect(expiredEvents(events)).toBe(0);
    expect(client.getState().expiresAt).toBeGreaterThan(world.time.now());
  });
});

describe("the service clock jumps forward past the session's end", () => {
  it("the next flush learns the session is gone, the user hears userSessionExpired, and the batch syncs after a new login", async () => {
    const { client, events } = world.newClient();
    expect(await loginResult(client, await world.token("max"))).toBe("ok");
    client.UpdateMasterAttributes({ display_name: "Max" });
    world.serverTime.jumpTo(world.serverTime.now() + LIFETIME + DAY);
    await client.flush();
    await quiet(world);
    expect(expiredEvents(events)).toBe(1);
    expect(client.getState().status).toBe("loggedOut");
    expect(stored("max").display_name).toBeUndefined();
    expect(await loginResult(client, await world.token("max"))).toBe("ok");
    expect(await driveUntilTrue(() => stored("max").display_name === "Max", world, Defaults.retryBaseMs, 5)).toBe(true);
    expect(world.userCount()).toBe(1);
  });
});
