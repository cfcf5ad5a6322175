/**
 * Housekeeping: dead sessions and old batch answers are purged at their exact limits, live sessions and recent
 * answers stay (a retry within retention is still a duplicate), and the timer purges without keeping the
 * process alive.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Defaults } from "../../TypeScript/contract";
import {
  AppRepository,
  type Db,
  DEFAULT_HOUSEKEEPING,
  openDatabase,
  purgeCutoffs,
  SessionRepository,
  startHousekeeping,
  UserRepository,
} from "../../TypeScript/server";
import { get, type Harness, loginUid, ManualClock, post, START_MS, startHarness } from "./harness";

const GRACE = DEFAULT_HOUSEKEEPING.sessionGraceMs;
const RETENTION = DEFAULT_HOUSEKEEPING.batchRetentionMs;

const count = (db: Db, table: "sessions" | "attribute_batches") =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

const me = (h: Harness, token: string) => get(`${h.url}/v1/apps/${h.appId}/me`, token);

afterEach(() => vi.useRealTimers());

describe("purge of dead sessions", () => {
  it("deletes sessions expired or revoked more than the grace ago, at the exact limit, and keeps live ones", async () => {
    const h = await startHarness();
    try {
      const live = await loginUid(h, "live");
      const revoked = await loginUid(h, "revoked");
      h.service.apps.setSessionSettings(h.appId, { sessionLifetimeSeconds: 60 });
      const expiredA = await loginUid(h, "expired-a"); // expires START + 60 s
      h.clock.advance(1);
      const expiredB = await loginUid(h, "expired-b"); // expires START + 60 s + 1 ms
      h.clock.advance(60_000 - 1);
      expect((await post(`${h.url}/v1/apps/${h.appId}/logout`, {}, { bearer: revoked.token })).status).toBe(200);
      const deadSince = h.clock.now(); // expired-a's expiry and revoked's revocation
      expect(count(h.service.db, "sessions")).toBe(4);

      h.clock.ms = deadSince + GRACE; // exactly the grace: everything stays, with its precise 401 detail
      expect(h.service.purge()).toEqual({ sessions: 0, batches: 0 });
      expect((await me(h, expiredA.token)).body).toEqual({ reason: "sessionInvalid", detail: "sessionExpired" });
      expect((await me(h, revoked.token)).body).toEqual({ reason: "sessionInvalid", detail: "sessionRevoked" });

      h.clock.advance(1); // grace + 1 ms for expired-a and revoked, exactly the grace for expired-b
      expect(h.service.purge()).toEqual({ sessions: 2, batches: 0 });
      expect(count(h.service.db, "sessions")).toBe(2);
      expect((await me(h, expiredA.token)).body).toEqual({ reason: "sessionInvalid" });
      expect((await me(h, revoked.token)).body).toEqual({ reason: "sessionInvalid" });
      expect((await me(h, expiredB.token)).body).toEqual({ reason: "sessionInvalid", detail: "sessionExpired" });

      h.clock.advance(1);
      expect(h.service.purge()).toEqual({ sessions: 1, batches: 0 });
      // The live session (7 days) is untouched and still answers; a second purge finds nothing.
      expect((await me(h, live.token)).status).toBe(200);
      expect(h.service.purge()).toEqual({ sessions: 0, batches: 0 });
      expect(count(h.service.db, "sessions")).toBe(1);
      // Purging sessions leaves their users: the uid logs in to the same user.
      expect((await loginUid(h, "expired-a")).userId).toBe(expiredA.userId);
    } finally {
      await h.close();
    }
  });
});

describe("purge of stored batch answers", () => {
  it("keeps an answer for the retention (a retry is a duplicate) and drops it one ms later", async () => {
    const h = await startHarness();
    try {
      // A session that outlives the retention, so the same session can retry after it.
      h.service.apps.setSessionSettings(h.appId, { sessionLifetimeSeconds: (2 * RETENTION) / 1000 });
      const user = await loginUid(h, "batcher");
      const path = `${h.url}/v1/apps/${h.appId}/attributes`;
      const send = (batchId: string, first_name: string) =>
        post(path, { batchId, master: { first_name } }, { bearer: user.token });
      expect((await send("old", "Ana")).body).toEqual({ master: { refused: {} }, app: { refused: {} } });
      const appliedAt = h.clock.now();
      h.clock.advance(1);
      await send("recent", "Bea");

      h.clock.ms = appliedAt + RETENTION;
      expect(h.service.purge()).toEqual({ sessions: 0, batches: 0 });
      expect((await send("old", "Ana")).body).toMatchObject({ duplicate: true });

      h.clock.advance(1);
      expect(h.service.purge()).toEqual({ sessions: 0, batches: 1 });
      expect(count(h.service.db, "attribute_batches")).toBe(1);
      // The recent answer (exactly the retention old now) is still there.
      expect((await send("recent", "Bea")).body).toMatchObject({ duplicate: true });
      // Past the retention a retry is a new batch: applied again, answered without `duplicate`.
      const again = await send("old", "Ana");
      expect(again.body).toEqual({ master: { refused: {} }, app: { refused: {} } });
      expect((await me(h, user.token)).body).toMatchObject({ master: { first_name: "Ana" } });
    } finally {
      await h.close();
    }
  });

  it("retention comfortably exceeds the client's longest retry backoff", () => {
    expect(RETENTION).toBeGreaterThanOrEqual(1000 * Defaults.retryMaxMs);
    expect(purgeCutoffs(START_MS, DEFAULT_HOUSEKEEPING)).toEqual({
      sessionsBefore: START_MS - GRACE,
      batchesBefore: START_MS - RETENTION,
    });
  });
});

/** A database with one app, one user and one session that expired at START_MS. */
function databaseWithDeadSession(clock: ManualClock): Db {
  const db = openDatabase(":memory:");
  const apps = new AppRepository(db, clock, () => undefined);
  const { app } = apps.create({ id: "game", sessionLifetimeSeconds: 1 });
  const user = new UserRepository(db, clock).create(app.id, {});
  clock.ms = START_MS - 1000;
  new SessionRepository(db, clock).open(app, user.id);
  clock.ms = START_MS;
  return db;
}

describe("the housekeeping timer", () => {
  it("purges every interval on the injected clock and reports what it deleted", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const clock = new ManualClock(START_MS);
    const db = databaseWithDeadSession(clock);
    const purged: unknown[] = [];
    const housekeeping = startHousekeeping(db, clock, {
      intervalMs: 1000,
      sessionGraceMs: 10_000,
      onPurged: (c) => purged.push(c),
    });
    clock.ms = START_MS + 10_001; // past the grace on the service clock
    vi.advanceTimersByTime(999);
    expect(count(db, "sessions")).toBe(1);
    vi.advanceTimersByTime(1);
    expect(count(db, "sessions")).toBe(0);
    expect(purged).toEqual([{ sessions: 1, batches: 0 }]);
    vi.advanceTimersByTime(5000); // nothing left: nothing reported
    expect(purged).toHaveLength(1);
    housekeeping.stop();
    expect(vi.getTimerCount()).toBe(0);
    db.close();
  });

  it("does not keep the process alive", () => {
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const db = openDatabase(":memory:");
    const housekeeping = startHousekeeping(db, { now: () => START_MS });
    try {
      expect(setIntervalSpy).toHaveBeenCalledTimes(1);
      const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      housekeeping.stop();
      setIntervalSpy.mockRestore();
      db.close();
    }
  });

  it("reports a failing purge and keeps going; a closed database is skipped", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const clock = new ManualClock(START_MS);
    const db = databaseWithDeadSession(clock);
    const errors: string[] = [];
    const housekeeping = startHousekeeping(db, clock, {
      intervalMs: 1000,
      onError: (e) => errors.push(String(e)),
    });
    db.exec("DROP TABLE attribute_batches");
    vi.advanceTimersByTime(2000);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/no such table: attribute_batches/);
    db.close();
    vi.advanceTimersByTime(2000);
    expect(errors).toHaveLength(2);
    housekeeping.stop();
  });

  it("stops with the service: close clears its timer", async () => {
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const clearSpy = vi.spyOn(globalThis, "clearInterval");
    try {
      const h = await startHarness({ housekeeping: { intervalMs: 4321 } });
      const index = setIntervalSpy.mock.calls.findIndex((call) => call[1] === 4321);
      const timer = setIntervalSpy.mock.results[index]?.value;
      expect(timer).toBeDefined();
      expect(clearSpy).not.toHaveBeenCalledWith(timer);
      await h.close();
      expect(clearSpy).toHaveBeenCalledWith(timer);
    } finally {
      setIntervalSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });
});
