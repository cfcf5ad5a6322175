import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_FILE_NAME, MIGRATIONS, migrate, openDatabase, schemaVersion } from "../../TypeScript/server";
import { get, loginUid, ManualClock, post, START_MS, startHarness } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-durability-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("durability", () => {
  it("keeps users, identities, attributes, tags and unexpired sessions across a restart on the same file", async () => {
    const dataDir = join(dir, "restart");
    const clock = new ManualClock(START_MS);
    const first = await startHarness({ dataDir, database: undefined, clock });
    const alice = await loginUid(first, "alice", [
      { identifier: "email", value: "alice@example.com", metadata: { a: "1" } },
    ]);
    first.service.apps.setSessionSettings(first.appId, { sessionLifetimeSeconds: 60 });
    const short = await loginUid(first, "short-lived");
    await post(
      `${first.url}/v1/apps/${first.appId}/attributes`,
      {
        batchId: "b1",
        master: { first_name: "Alice", new_tags: ["vip"], custom_user_fields: { guild: "red" } },
        app: { city: "Oslo" },
      },
      { bearer: alice.token },
    );
    const before = (await get(`${first.url}/v1/apps/${first.appId}/me`, alice.token)).body;
    await first.close();

    clock.advance(61_000);
    const second = await startHarness({ dataDir, database: undefined, clock });
    try {
      expect(second.secret).toBe(first.secret);
      const after = await get(`${second.url}/v1/apps/${second.appId}/me`, alice.token);
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before);
      expect(after.body).toMatchObject({
        userId: alice.userId,
        master: { first_name: "Alice", custom_user_fields: { guild: "red" } },
        app: { city: "Oslo" },
        tags: ["vip"],
      });
      // The short session expired while the service was down.
      expect((await get(`${second.url}/v1/apps/${second.appId}/me`, short.token)).body).toEqual({
        reason: "sessionInvalid",
        detail: "sessionExpired",
      });
      // A retried batch is still recognised after the restart.
      const retry = await post(
        `${second.url}/v1/apps/${second.appId}/attributes`,
        { batchId: "b1" },
        { bearer: alice.token },
      );
      expect(retry.body.duplicate).toBe(true);
      // The uid resolves to the same user.
      expect((await loginUid(second, "alice")).userId).toBe(alice.userId);
    } finally {
      await second.close();
    }
    const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it("applies migrations once, in order, and only the new ones", () => {
    const db = openDatabase(":memory:");
    expect(schemaVersion(db)).toBe(1);
    const next = [...MIGRATIONS, { version: 2, name: "notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY)" }];
    expect(migrate(db, next)).toBe(2);
    expect(migrate(db, next)).toBe(2);
    const rows = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
    expect(rows).toEqual([
      { version: 1, name: MIGRATIONS[0]?.name },
      { version: 2, name: "notes" },
    ]);
    db.close();
  });

  it("rolls a failing migration back entirely", () => {
    const db = openDatabase(":memory:");
    const broken = [
      ...MIGRATIONS,
      { version: 2, name: "broken", sql: "CREATE TABLE half (id INTEGER); SELECT * FROM missing_table;" },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    db.close();
  });
});
