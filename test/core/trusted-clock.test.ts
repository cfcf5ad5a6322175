/**
 * Issue 11: a clock to trust. Skew from the service's answers, a monotonic clock against wall-clock jumps and
 * suspends, the session re-checked with the service's time.
 */
import { describe, expect, it, vi } from "vitest";
import { CLOCK_CHECK_INTERVAL_MS } from "../../TypeScript/core/client";
import { CLOCK_DISAGREEMENT_MS, createTrustedClock, serverTimeOf } from "../../TypeScript/core/trusted-clock";
import { type CoreHarness, createCoreHarness } from "../support/core-harness";
import { createManualTime, settle } from "../support/manual-time";
import { uidToken } from "../support/tokens";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const names = (h: CoreHarness) => h.events.map((e) => e.event);

describe("createTrustedClock", () => {
  it("is the wall clock until the service is heard, then the service's time carried by the clocks", () => {
    const time = createManualTime();
    const clock = createTrustedClock(time, time.monotonic);
    expect(clock.now()).toBe(time.now());
    expect(clock.verified).toBe(false);
    const sent = clock.stamp();
    time.advanceSync(200);
    clock.observe(time.now() + 10 * MINUTE - 100, sent);
    expect(clock.offset()).toBe(10 * MINUTE);
    expect(clock.verified).toBe(true);
    time.advanceSync(HOUR);
    expect(clock.now()).toBe(time.now() + 10 * MINUTE);
  });

  it("keeps the larger elapsed time when the clocks disagree, reports the jump once", () => {
    const time = createManualTime();
    const clock = createTrustedClock(time, time.monotonic);
    const start = clock.now();
    time.jumpTo(time.now() - DAY); // wall set back a day
    expect(clock.now()).toBe(start);
    expect(clock.checkJump()).toBe(true);
    expect(clock.checkJump()).toBe(false);
    time.advanceSync(HOUR);
    expect(clock.now()).toBe(start + HOUR);
    time.jump(3 * DAY, { monotonicStops: true }); // suspended, monotonic stood still
    expect(clock.now()).toBe(start + HOUR + 3 * DAY);
    expect(clock.checkJump()).toBe(true);
    expect(clock.verified).toBe(false);
  });

  it("cannot see jumps without a monotonic clock", () => {
    const time = createManualTime();
    const clock = createTrustedClock(time);
    time.jumpTo(time.now() + CLOCK_DISAGREEMENT_MS * 10);
    expect(clock.checkJump()).toBe(false);
  });

  it("reads the service's time from the body, x-server-time or date", () => {
    expect(serverTimeOf(undefined, { serverTime: 5 })).toBe(5);
    expect(serverTimeOf({ "x-server-time": "1768478400000" }, {})).toBe(1768478400000);
    expect(serverTimeOf({ date: "Thu, 15 Jan 2026 12:00:00 GMT" }, {})).toBe(Date.UTC(2026, 0, 15, 12) + 500);
    expect(serverTimeOf({ date: "nonsense" }, {})).toBeUndefined();
    expect(serverTimeOf({ "x-server-time": "12ab" }, undefined)).toBeUndefined();
  });
});

describe("skew between device and service", () => {
  for (const skewMs of [10 * MINUTE, -10 * MINUTE]) {
    it(`decides refresh and expiry on the service's clock (service ${skewMs > 0 ? "ahead" : "behind"} 10 min)`, async () => {
      const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR, skewMs, timeHeader: true } });
      h.init({ refreshLeadSeconds: 3600 });
      const start = h.time.now();
      await h.client.loginWithIdentity(uidToken("1"));
      expect(h.client.getState().expiresAt).toBe(start + 10 * HOUR);
      await h.time.advance(9 * HOUR - 1);
      expect(names(h)).toEqual([]);
      await h.time.advance(1);
      expect(names(h)).toEqual(["refreshUserCredentials"]);
      // Every answer re-measures the skew (x-server-time): attributes sent now keep the estimate right.
      h.client.UpdateMasterAttributes({ first_name: "Ana" });
      await h.client.flush();
      await h.time.advance(HOUR - 1);
      expect(names(h)).toEqual(["refreshUserCredentials"]);
      await h.time.advance(1);
      expect(names(h)).toEqual(["refreshUserCredentials", "userSessionExpired"]);
    });
  }

  it("a device clock changed after login is corrected by the next answer", async () => {
    const time = createManualTime();
    const trueTime = { now: () => time.monotonic.now() + (time.now() - time.monotonic.now() - drift) };
    let drift = 0;
    const h = createCoreHarness({ time, serviceClock: trueTime, service: { lifetimeMs: 2 * HOUR, timeHeader: true } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    // Someone sets the device 30 minutes back; the next answer tells the client.
    drift = -30 * MINUTE;
    time.jumpTo(time.now() - 30 * MINUTE);
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    await h.client.flush();
    await h.time.advance(2 * HOUR - 1);
    expect(names(h)).toEqual([]);
    await h.time.advance(1);
    expect(names(h)).toEqual(["userSessionExpired"]);
  });
});

describe("wall clock jumps and suspends (monotonic clock port)", () => {
  /** The service's clock is the true time: the monotonic clock (it never jumps in these tests). */
  function world(lifetimeMs: number) {
    const time = createManualTime();
    const origin = time.now() - time.monotonic.now();
    const h = createCoreHarness({
      time,
      monotonic: true,
      serviceClock: { now: () => origin + time.monotonic.now() },
      service: { lifetimeMs, timeHeader: true },
    });
    return h;
  }

  it("wall clock set back across expiry: the session still expires on time", async () => {
    const h = world(2 * HOUR);
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(HOUR);
    h.time.jumpTo(h.time.now() - 5 * HOUR);
    await h.time.advance(HOUR - 1);
    expect(names(h)).toEqual([]);
    await h.time.advance(1);
    expect(names(h)).toEqual(["userSessionExpired"]);
  });

  it("without the monotonic port, the same jump back makes the session outlive its expiry (why the port exists)", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 2 * HOUR } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(HOUR);
    h.time.jumpTo(h.time.now() - 5 * HOUR);
    await h.time.advance(HOUR);
    expect(names(h)).toEqual([]);
  });

  it("wall clock set forward across expiry while online: detected, checked with the service, the session lives", async () => {
    const h = world(2 * HOUR);
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    h.time.jumpTo(h.time.now() + DAY);
    h.client.appForeground();
    await settle();
    expect(h.transport.requestsTo("/v1/health")).toHaveLength(1);
    expect(names(h)).toEqual([]);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn" });
    expect(h.logger.at("warn").map((l) => l.message)).toContain(
      "the wall clock jumped or the game was suspended: re-checking the session with the service's time",
    );
    await h.time.advance(2 * HOUR);
    expect(names(h)).toEqual(["userSessionExpired"]);
  });

  it("the periodic check catches a jump without a foreground", async () => {
    const h = world(2 * HOUR);
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    h.time.jumpTo(h.time.now() + DAY);
    await h.time.advance(CLOCK_CHECK_INTERVAL_MS);
    expect(h.transport.requestsTo("/v1/health")).toHaveLength(1);
    expect(names(h)).toEqual([]);
  });

  for (const monotonicStops of [true, false]) {
    it(`suspended 3 days then resumed (monotonic clock ${monotonicStops ? "stopped" : "kept counting"}): expired at once on resume`, async () => {
      const h = world(2 * DAY);
      h.init({ refreshLeadSeconds: 0 });
      await h.client.loginWithIdentity(uidToken("1"));
      h.time.jump(3 * DAY, { monotonicStops });
      if (monotonicStops) {
        // The service's clock kept running during the suspend even if ours did not.
        h.service.options = { ...h.service.options, skewMs: 3 * DAY };
      }
      h.client.appForeground();
      await settle();
      expect(names(h)).toEqual(["userSessionExpired"]);
      expect(h.client.getState()).toMatchObject({ state: "expired" });
    });
  }

  it("suspended 3 days inside a 7-day session with a provider: refreshed on resume, once", async () => {
    const h = world(7 * DAY);
    const provider = vi.fn(async () => uidToken("1"));
    h.init({ identityTokenProvider: provider });
    await h.client.loginWithIdentity(uidToken("1"));
    h.time.jump(5.5 * DAY);
    h.client.appForeground();
    h.client.appForeground();
    await h.time.runDue();
    expect(provider).toHaveBeenCalledTimes(1);
    expect(names(h)).toEqual(["refreshUserCredentials"]);
    expect(h.client.getState()).toMatchObject({ state: "loggedIn", userId: "uid:1" });
  });
});
