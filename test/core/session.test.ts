import { describe, expect, it } from "vitest";
import { Defaults } from "../../TypeScript/contract";
import { MAX_TIMER_DELAY_MS } from "../../TypeScript/core/timers";
import { createCoreHarness } from "../support/core-harness";
import { NODE_MAX_DELAY_MS, settle } from "../support/manual-time";
import { MemoryStore } from "../support/memory-store";
import { uidToken } from "../support/tokens";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const names = (h: ReturnType<typeof createCoreHarness>) => h.events.map((e) => e.event);

describe("session timers", () => {
  it("sends refreshUserCredentials once, the default lead before expiry, then userSessionExpired at expiry", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 7 * DAY } });
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    const lead = Defaults.refreshLeadSeconds * 1000;
    await h.time.advance(7 * DAY - lead - 1);
    expect(names(h)).toEqual([]);
    await h.time.advance(1);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    await h.time.advance(lead - 1);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    expect(h.client.getState().status).toBe("loggedIn");
    await h.time.advance(1);
    expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
    expect(h.client.getState()).toMatchObject({ status: "loggedOut", expired: true });
    expect(h.store.get("helpshift.session")).toBeUndefined();
  });

  it("corrects for server clock skew", async () => {
    // The server is 2 hours ahead: its expiresAt, read on our clock, is 2 hours earlier than it looks.
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR, skewMs: 2 * HOUR } });
    h.init({ refreshLeadSeconds: 3600 });
    const start = h.time.now();
    await h.client.loginWithIdentity(uidToken("1"));
    expect(h.client.getState().expiresAt).toBe(start + 10 * HOUR);
    await h.time.advance(9 * HOUR - 1);
    expect(names(h)).toEqual([]);
    await h.time.advance(1);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    await h.time.advance(HOUR);
    expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
  });

  it("prefers Init's refresh lead, then the service's, then the default", async () => {
    const fromService = createCoreHarness({ service: { lifetimeMs: 10 * HOUR, refreshLeadSeconds: 7200 } });
    fromService.init();
    await fromService.client.loginWithIdentity(uidToken("1"));
    await fromService.time.advance(8 * HOUR);
    expect(names(fromService)).toEqual(["refreshUserCredentials"]);

    const fromInit = createCoreHarness({ service: { lifetimeMs: 10 * HOUR, refreshLeadSeconds: 7200 } });
    fromInit.init({ refreshLeadSeconds: 1800 });
    await fromInit.client.loginWithIdentity(uidToken("1"));
    await fromInit.time.advance(9.5 * HOUR - 1);
    expect(names(fromInit)).toEqual([]);
    await fromInit.time.advance(1);
    expect(names(fromInit)).toEqual(["refreshUserCredentials"]);
  });

  it("chunks timers longer than 2^31-1 ms (a 30-day session)", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 30 * DAY } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    expect(MAX_TIMER_DELAY_MS).toBe(NODE_MAX_DELAY_MS);
    await h.time.advance(25 * DAY);
    expect(names(h)).toEqual([]);
    await h.time.advance(5 * DAY - 1);
    expect(names(h)).toEqual([]);
    await h.time.advance(1);
    expect(names(h)).toEqual(["userSessionExpired"]);
    expect(Math.max(...h.time.requestedDelays)).toBeLessThanOrEqual(NODE_MAX_DELAY_MS);
  });

  it("re-checks the wall clock on foreground and re-sends userSessionExpired until a login succeeds", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 2 * HOUR } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    // The device slept: the wall clock moved but no timer ran.
    h.time.jump(3 * HOUR);
    expect(names(h)).toEqual([]);
    h.client.appForeground();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired"]);
    h.client.appForeground();
    h.client.appForeground();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired", "userSessionExpired", "userSessionExpired"]);
    await h.client.loginWithIdentity(uidToken("1"));
    expect(h.client.getState().expired).toBe(false);
    h.client.appForeground();
    await settle();
    expect(names(h)).toHaveLength(3);
  });

  it("sends a refresh that came due while asleep on foreground, once", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    h.init({ refreshLeadSeconds: 3600 });
    await h.client.loginWithIdentity(uidToken("1"));
    h.time.jump(9.5 * HOUR);
    h.client.appForeground();
    await h.time.runDue();
    h.client.appForeground();
    await h.time.runDue();
    expect(names(h)).toEqual(["refreshUserCredentials"]);
  });

  it("treats a 401 sessionInvalid as expiry", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    h.service.lastSession()!.revoked = true;
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired"]);
    expect(h.client.getState()).toMatchObject({ status: "loggedOut", expired: true });
  });

  it("restores a live session after a restart, with its timers and without re-sending a sent refresh", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    h.init({ refreshLeadSeconds: 3600 });
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(9 * HOUR);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    h.client.dispose();
    const r = h.restart();
    r.init({ refreshLeadSeconds: 3600 });
    expect(r.client.getState()).toMatchObject({ status: "loggedIn", userId: "uid:1" });
    await r.time.advance(HOUR);
    expect(names(r)).toEqual(["userSessionExpired"]);
  });

  it("reports an expired stored session at Init", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: HOUR } });
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    h.client.dispose();
    h.time.jump(2 * HOUR);
    const r = h.restart();
    r.init();
    await settle();
    expect(names(r)).toEqual(["userSessionExpired"]);
    expect(r.client.getState()).toMatchObject({ status: "loggedOut", expired: true });
    r.client.appForeground();
    await settle();
    expect(names(r)).toEqual(["userSessionExpired", "userSessionExpired"]);
  });

  it("keeps the expired flag across a restart until a login succeeds", async () => {
    const store = new MemoryStore({ "helpshift.sessionExpired": "true" });
    const h = createCoreHarness({ store });
    h.init();
    h.client.appForeground();
    await settle();
    expect(names(h)).toEqual(["userSessionExpired"]);
  });

  it("stops all timers on logout and dispose", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    expect(h.time.pending().length).toBeGreaterThan(0);
    await h.client.logout();
    expect(h.time.pending()).toEqual([]);
    await h.client.loginWithIdentity(uidToken("1"));
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    h.client.dispose();
    expect(h.time.pending()).toEqual([]);
    await h.time.advance(30 * DAY);
    expect(names(h)).toEqual([]);
  });
});
