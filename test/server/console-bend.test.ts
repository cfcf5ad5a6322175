/**
 * Bending the service: the clock offset moves everything (X-Server-Time, session expiry); network faults fail
 * or hold the next `/v1/` requests only, within their bounds; every change answers what it did in words and
 * is a `bend` live-log entry; `status` shows it all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { BendLimits } from "../../TypeScript/server/console";
import { durationInWords } from "../../TypeScript/server/console/words";
import { call } from "./console-support";
import { get, type Harness, loginUid, post, startHarness } from "./harness";

describe("bending the service", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("shifts the service clock: X-Server-Time, the health time and status move; DELETE puts it back", async () => {
    const ahead = await call(h, "PUT", ConsolePath.bendClock, { body: { offsetMs: 5 * 60_000 } });
    expect(ahead.status).toBe(200);
    expect(ahead.body.said).toBe("Service clock shifted to 5 min ahead.");
    expect(ahead.body.bend.clockOffsetMs).toBe(300_000);
    expect(ahead.body.bend.changes).toEqual(["service clock 5 min ahead (undo: reset the clock, DELETE bend/clock)"]);
    const health = await fetch(`${h.url}/v1/health`);
    expect(health.headers.get("x-server-time")).toBe(String(h.clock.now() + 300_000));
    expect(((await health.json()) as { time: number }).time).toBe(h.clock.now() + 300_000);
    const status = await call(h, "GET", ConsolePath.status);
    expect(status.body).toMatchObject({ serviceTime: h.clock.now() + 300_000, adminTokenRequired: false });
    const back = await call(h, "DELETE", ConsolePath.bendClock);
    expect(back.body.said).toBe("Service clock back to real time.");
    expect(back.body.bend.changes).toEqual([]);
    const [entry] = (await call(h, "GET", `${ConsolePath.log}?kind=bend&limit=2`)).body.entries.reverse();
    expect(entry.summary).toBe("Service clock shifted to 5 min ahead.");
  });

  it("makes a session expire when the clock is shifted past its end", async () => {
    const { token } = await loginUid(h, "clock-user");
    const lifetimeMs = h.service.apps.get(h.appId).sessionLifetimeSeconds * 1000;
    await call(h, "PUT", ConsolePath.bendClock, { body: { offsetMs: lifetimeMs } });
    const refused = await get(`${h.url}/v1/apps/${h.appId}/me`, token);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe("sessionExpired");
    await call(h, "DELETE", ConsolePath.bendClock);
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, token)).status).toBe(200);
  });

  it("bounds the clock offset at one year either way", async () => {
    for (const [offsetMs, status] of [
      [BendLimits.maxClockOffsetMs, 200],
      [-BendLimits.maxClockOffsetMs, 200],
      [BendLimits.maxClockOffsetMs + 1, 400],
      [1.5, 400],
      ["5", 400],
    ] as const) {
      const answer = await call(h, "PUT", ConsolePath.bendClock, { body: { offsetMs } });
      expect(answer.status, String(offsetMs)).toBe(status);
      if (status === 400) expect(Object.keys(answer.body.errors)).toEqual(["offsetMs"]);
    }
    await call(h, "DELETE", ConsolePath.bendClock);
  });

  it("fails the next N /v1/ requests with the status asked, then the N+1th is handled", async () => {
    const set = await call(h, "PUT", ConsolePath.bendNetwork, { body: { failNext: 2, failStatus: 502 } });
    expect(set.status).toBe(200);
    expect(set.body.said).toBe("The next 2 requests to /v1/ will fail with 502.");
    expect(set.body.bend).toMatchObject({ failNext: 2, failStatus: 502 });
    // The console and the tester are never bent.
    expect((await call(h, "GET", ConsolePath.status)).status).toBe(200);
    expect((await fetch(`${h.url}/tester`)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const failed = await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: "", fullPrivacy: false });
      expect(failed.status).toBe(502);
      expect(failed.body).toEqual({ reason: "unknownError" });
    }
    const handled = await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: "", fullPrivacy: false });
    expect(handled.status).toBe(400);
    expect(handled.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    const log = (await call(h, "GET", `${ConsolePath.log}?kind=bend,loginFailed&limit=3`)).body.entries;
    expect(log.map((e: { kind: string }) => e.kind)).toEqual(["loginFailed", "bend", "bend"]);
    expect(log[1].summary).toBe(`POST /v1/apps/${h.appId}/login failed on purpose with 502 (0 more to fail)`);
    expect((await call(h, "GET", ConsolePath.bend)).body.bend.changes).toEqual([]);
  });

  it("fails with 429 and Retry-After when asked", async () => {
    await call(h, "PUT", ConsolePath.bendNetwork, { body: { failNext: 1, failStatus: 429 } });
    const limited = await fetch(`${h.url}/v1/health`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ reason: "rateLimited", detail: "rateLimited" });
    await call(h, "DELETE", ConsolePath.bendNetwork);
  });

  it("bounds failNext, failStatus, slowNext and delayMs, naming each field", async () => {
    for (const [body, status] of [
      [{ failNext: BendLimits.maxFailNext }, 200],
      [{ failNext: BendLimits.maxFailNext + 1 }, 400],
      [{ failNext: -1 }, 400],
      [{ failStatus: 429 }, 200],
      [{ failStatus: 500 }, 200],
      [{ failStatus: 599 }, 200],
      [{ failStatus: 428 }, 400],
      [{ failStatus: 499 }, 400],
      [{ failStatus: 600 }, 400],
      [{ slowNext: BendLimits.maxSlowNext }, 200],
      [{ slowNext: BendLimits.maxSlowNext + 1 }, 400],
      [{ delayMs: 30_000 }, 200],
      [{ delayMs: 30_001 }, 400],
      [{ delayMs: 10, other: 1 }, 400],
    ] as const) {
      const answer = await call(h, "PUT", ConsolePath.bendNetwork, { body });
      expect(answer.status, JSON.stringify(body)).toBe(status);
      if (status === 400) {
        const field = Object.keys(body).find((k) => k === "other") ?? Object.keys(body)[0];
        expect(Object.keys(answer.body.errors), JSON.stringify(body)).toEqual([field]);
      }
    }
    const cleared = await call(h, "DELETE", ConsolePath.bendNetwork);
    expect(cleared.body.said).toBe("Network faults cleared.");
    expect(cleared.body.bend).toMatchObject({ failNext: 0, slowNext: 0, delayMs: 0, failStatus: 503, changes: [] });
  });

  it("holds the next N /v1/ requests delayMs each, then answers them as usual", async () => {
    const set = await call(h, "PUT", ConsolePath.bendNetwork, { body: { slowNext: 1, delayMs: 300 } });
    expect(set.body.said).toBe("The next request to /v1/ will be held 300 ms.");
    expect(set.body.bend.changes[0]).toMatch(/^the next request to \/v1\/ will be held 300 ms \(undo: /);
    const console0 = Date.now();
    await call(h, "GET", ConsolePath.status);
    expect(Date.now() - console0).toBeLessThan(250);
    const started = Date.now();
    const held = await fetch(`${h.url}/v1/health`);
    expect(held.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const next = Date.now();
    await fetch(`${h.url}/v1/health`);
    expect(Date.now() - next).toBeLessThan(250);
  });

  it("lets held requests go when the service closes", async () => {
    const other = await startHarness();
    await call(other, "PUT", ConsolePath.bendNetwork, { body: { slowNext: 1, delayMs: 30_000 } });
    const pending = fetch(`${other.url}/v1/health`).then((r) => r.status);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await pending.catch(() => 0);
  });
});

describe("durations in words", () => {
  it("says the largest units", () => {
    expect(durationInWords(250)).toBe("250 ms");
    expect(durationInWords(45_000)).toBe("45 s");
    expect(durationInWords(90 * 60_000)).toBe("1 h 30 min");
    expect(durationInWords(3 * 86_400_000)).toBe("3 days");
  });
});
