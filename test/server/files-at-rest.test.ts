/**
 * The database holds every app's secret: the data directory is created 0700 and the database file (and its
 * WAL companions, which SQLite creates with the database's mode) 0600; a database file found readable by others
 * is narrowed to 0600 when opened.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createIdentityService, DATABASE_FILE_NAME, openDatabase } from "../../TypeScript/server";

const root = mkdtempSync(join(tmpdir(), "helpshift-ts-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe("files at rest", () => {
  it("creates the data directory 0700 and the database 0600, WAL files included", async () => {
    const dataDir = join(root, "fresh", "data");
    const service = await createIdentityService({ dataDir });
    try {
      service.apps.create({ id: "secretive" });
      const db = join(dataDir, DATABASE_FILE_NAME);
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(root, "fresh"))).toBe(0o700);
      expect(mode(db)).toBe(0o600);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
    } finally {
      await service.close();
    }
  });

  it("narrows an existing database file readable by others to 0600, and leaves an existing directory alone", () => {
    const dir = join(root, "existing");
    openDatabase(join(dir, "x.sqlite")).close();
    chmodSync(dir, 0o755);
    const path = join(dir, "old.sqlite");
    writeFileSync(path, "");
    chmodSync(path, 0o644);
    openDatabase(path).close();
    expect(mode(path)).toBe(0o600);
    expect(mode(dir)).toBe(0o755);
  });
});
