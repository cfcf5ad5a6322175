/**
 * openDatabase on a file it cannot use (not a database, truncated, a failing migration): the error reaches the
 * caller and the better-sqlite3 handle is closed, so the file can be replaced and opened again. The same for
 * createIdentityService when building the service fails after it opened the database.
 */
import { mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { AppRepository, createIdentityService, MIGRATIONS, openDatabase, schemaVersion } from "../../TypeScript/server";

const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-open-database-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Spies on every handle's close (better-sqlite3 defines it on the prototype). */
const spyOnClose = () => vi.spyOn(Database.prototype, "close");

/** After a failed open: delete the file (and its WAL companions) and open a fresh database at the same path. */
function replaceAndReopen(path: string): number {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const db = openDatabase(path);
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

describe("openDatabase when the file cannot be used", () => {
  it("closes the handle and rethrows when the file is not a database", () => {
    const path = join(dir, "garbage", "identity.sqlite");
    openDatabase(path).close(); // creates the directory
    rmSync(path);
    writeFileSync(path, "this is not an SQLite database file. ".repeat(400));
    const close = spyOnClose();
    expect(() => openDatabase(path)).toThrow(/not a database/);
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
    expect(replaceAndReopen(path)).toBe(MIGRATIONS.length);
  });

  it("closes the handle and rethrows when the file was truncated", () => {
    const path = join(dir, "truncated.sqlite");
    const db = new Database(path);
    db.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
    const insert = db.prepare("INSERT INTO filler (text) VALUES (?)");
    for (let i = 0; i < 200; i++) insert.run("x".repeat(500));
    db.close();
    // Keep the header page (valid magic, page count now wrong) and cut the rest away.
    expect(statSync(path).size).toBeGreaterThan(3 * 4096);
    truncateSync(path, 4096 + 100);
    const close = spyOnClose();
    expect(() => openDatabase(path)).toThrow();
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
    expect(replaceAndReopen(path)).toBe(MIGRATIONS.length);
  });

  it("closes the handle and rethrows when a migration fails, leaving nothing of that migration", () => {
    const path = join(dir, "broken-migration.sqlite");
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: "broken", sql: "CREATE TABLE (" }];
    const close = spyOnClose();
    expect(() => openDatabase(path, broken)).toThrow(/syntax error/);
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
    // Reopening the same file (not replaced) with the shipped migrations works: the good ones were kept.
    const db = openDatabase(path);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it("does not close a database it opened successfully", () => {
    const close = spyOnClose();
    const db = openDatabase(join(dir, "fine.sqlite"));
    expect(close).not.toHaveBeenCalled();
    expect(db.open).toBe(true);
    db.close();
  });

  it("createIdentityService closes the database it opened when building the service fails", async () => {
    const path = join(dir, "bad-app-row.sqlite");
    const db = openDatabase(path);
    new AppRepository(db, { now: () => 0 }).create({
      id: "game",
      customFields: [{ name: "tier", type: "dropdown", options: ["gold"] }],
    });
    db.prepare("UPDATE custom_field_definitions SET options = ? WHERE name = 'tier'").run("{not json");
    db.close();
    const close = spyOnClose();
    await expect(createIdentityService({ database: path })).rejects.toThrow(SyntaxError);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("createIdentityService leaves a database it was given open when building fails", async () => {
    const db = openDatabase(":memory:");
    new AppRepository(db, { now: () => 0 }).create({
      id: "game",
      customFields: [{ name: "tier", type: "dropdown", options: ["gold"] }],
    });
    db.prepare("UPDATE custom_field_definitions SET options = ? WHERE name = 'tier'").run("{not json");
    await expect(createIdentityService({ database: db })).rejects.toThrow(SyntaxError);
    expect(db.open).toBe(true);
    db.close();
  });
});
