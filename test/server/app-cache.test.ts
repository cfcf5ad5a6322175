import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { FailureDetail, LoginFailureReason } from "../../TypeScript/contract";
import {
  AppCache,
  AppRepository,
  DATABASE_FILE_NAME,
  hmacKeyOf,
  KEY_CACHE_SIZE,
  openDatabase,
} from "../../TypeScript/server";
import { type Harness, post, signToken, startHarness } from "./harness";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-app-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in its own process against `dataDir`: another SQLite connection in another process. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "TypeScript/cli/main.ts", ...args],
    {
      cwd: root,
    },
  );
  return stdout;
}

async function login(h: Harness, secret: string, uid: string) {
  const token = await signToken([{ identifier: "uid", value: uid }], secret, h.clock);
  return post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: token, fullPrivacy: false });
}

describe("the service's app cache", () => {
  it("sees rotate-secret, disable-identity and enable-identity made by the CLI in another process at once", async () => {
    const dataDir = join(dir, "cli");
    const h = await startHarness({ database: join(dataDir, DATABASE_FILE_NAME) });
    try {
      const old = h.secret;
      expect((await login(h, old, "p1")).status).toBe(200); // the app is now cached

      const rotated = (await cli("app", "rotate-secret", h.appId, "--data-dir", dataDir))
        .trim()
        .replace("secret: ", "");
      expect(rotated).not.toBe(old);
      const refused = await login(h, old, "p1");
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({
        reason: LoginFailureReason.identityTokenInvalid,
        detail: FailureDetail.signatureInvalid,
      });
      expect((await login(h, rotated, "p1")).status).toBe(200);

      await cli("app", "disable-identity", h.appId, "--data-dir", dataDir);
      const disabled = await login(h, rotated, "p1");
      expect(disabled.status).toBe(403);
      expect(disabled.body.reason).toBe(LoginFailureReason.identityFeatureNotEnabled);

      await cli("app", "enable-identity", h.appId, "--data-dir", dataDir);
      expect((await login(h, rotated, "p1")).status).toBe(200);
      // The rotated secret came from the database, not the log: the service still redacts it.
      expect(h.logs.join("\n")).not.toContain(rotated);
    } finally {
      await h.close();
    }
  }, 60_000);

  it("sees a change made through another connection in this process, and one made through another repository on its own connection", async () => {
    const file = join(dir, "same-process", DATABASE_FILE_NAME);
    const h = await startHarness({ database: file });
    const other = openDatabase(file);
    try {
      expect(h.service.apps.find(h.appId)?.identityEnabled).toBe(true);
      new AppRepository(other, h.clock).setIdentityEnabled(h.appId, false);
      expect(h.service.apps.find(h.appId)?.identityEnabled).toBe(false);
      // Same connection: data_version does not move for its own commits, the shared cache is dropped instead.
      new AppRepository(h.service.db, h.clock).setIdentityEnabled(h.appId, true);
      expect(h.service.apps.find(h.appId)?.identityEnabled).toBe(true);
      // An app created elsewhere after the service asked for it (and did not find it) is found.
      expect(h.service.apps.find("late")).toBeUndefined();
      new AppRepository(other, h.clock).create({ id: "late", tags: ["x"] });
      expect(h.service.apps.find("late")?.tags).toEqual(["x"]);
    } finally {
      other.close();
      await h.close();
    }
  });

  it("loads an app once while nothing changes, again after another connection commits or an invalidate", () => {
    const file = join(dir, "unit", DATABASE_FILE_NAME);
    const db = openDatabase(file);
    const other = openDatabase(file);
    try {
      const cache = new AppCache<string>(db);
      let loads = 0;
      const load = () => {
        loads += 1;
        return `v${loads}`;
      };
      expect(cache.get("a", load)).toBe("v1");
      expect(cache.get("a", load)).toBe("v1");
      expect(loads).toBe(1);
      // Any commit by another connection moves data_version: everything is reloaded.
      other.exec("CREATE TABLE IF NOT EXISTS unrelated (x)");
      expect(cache.get("a", load)).toBe("v2");
      expect(cache.get("a", load)).toBe("v2");
      cache.invalidate();
      expect(cache.get("a", load)).toBe("v3");
      // Unknown ids are never remembered.
      let misses = 0;
      const missing = () => {
        misses += 1;
        return undefined;
      };
      cache.get("nope", missing);
      cache.get("nope", missing);
      expect(misses).toBe(2);
    } finally {
      other.close();
      db.close();
    }
  });
});

describe("imported HMAC keys", () => {
  it("are imported once per secret and the oldest is dropped past the cache size", async () => {
    const first = hmacKeyOf("cache-test-secret-0");
    expect(hmacKeyOf("cache-test-secret-0")).toBe(first);
    for (let i = 1; i <= KEY_CACHE_SIZE; i++) await hmacKeyOf(`cache-test-secret-${i}`);
    // KEY_CACHE_SIZE newer secrets pushed the first one out: it is imported again (a new promise).
    expect(hmacKeyOf("cache-test-secret-0")).not.toBe(first);
    expect(hmacKeyOf(`cache-test-secret-${KEY_CACHE_SIZE}`)).toBe(hmacKeyOf(`cache-test-secret-${KEY_CACHE_SIZE}`));
  });
});
