import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createIdentityService } from "../../TypeScript/server";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A service database file with an app and a few users in it, closed cleanly; returns its path and bytes. */
async function populatedDatabase(): Promise<{ path: string; bytes: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), "hs-db-"));
  dirs.push(dir);
  const path = join(dir, "identity.sqlite");
  const service = await createIdentityService({ database: path });
  service.apps.create({ id: "kept", secret: "corrupt-database-test-secret-0123456789" });
  for (let i = 0; i < 40; i++)
    service.context.users.create("kept", { anonymousId: `hsft_anon_${i.toString(16).padStart(32, "0")}` });
  await service.close();
  return { path, bytes: readFileSync(path) };
}

const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
  ["truncated to half", (b) => b.subarray(0, Math.floor(b.length / 2))],
  [
    "a page overwritten with junk",
    (b) => {
      const copy = Buffer.from(b);
      for (let i = 4096; i < Math.min(copy.length, 8192); i++) copy[i] = (i * 31) & 0xff;
      return copy;
    },
  ],
];

describe("a corrupt or truncated service database", () => {
  it.each(damages)("%s: the service refuses to start instead of serving from a broken file", async (_, damage) => {
    const { path, bytes } = await populatedDatabase();
    writeFileSync(path, damage(bytes));
    await expect(createIdentityService({ database: path })).rejects.toThrow();
  });

  it("after a refused start, the file restored from a copy serves the same apps and users", async () => {
    const { path, bytes } = await populatedDatabase();
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(createIdentityService({ database: path })).rejects.toThrow();
    writeFileSync(path, bytes);
    const service = await createIdentityService({ database: path });
    expect(service.apps.find("kept")).toBeDefined();
    expect((service.db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n).toBe(40);
    await service.close();
  });
});
