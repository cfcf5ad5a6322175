import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUidToken } from "../../bench/lib/sign";
import { HelpshiftEvent } from "../../TypeScript/contract";
import type { HelpshiftClient } from "../../TypeScript/core";
import { createNodeClient } from "../../TypeScript/node";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { CapturingLogger } from "../support/capturing-logger";

/** Bounded: 64 clients, each one login, five attribute updates, one identity addition and a logout. */
const CLIENTS = 64;
const APP = "load";
const SECRET = "load-test-shared-secret-0123456789abcdef";
const TAGS = ["t0", "t1", "t2", "t3"];

let service: IdentityService;
let url: string;

beforeAll(async () => {
  service = await createIdentityService({
    database: ":memory:",
    loginRateLimit: { max: 10 * CLIENTS, windowMs: 60_000 },
  });
  service.apps.create({ id: APP, secret: SECRET, tags: TAGS, customFields: [{ name: "level", type: "singleline" }] });
  url = await service.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await service?.close();
});

interface Expected {
  master: Record<string, string>;
  app: Record<string, string>;
  tags: string[];
}

/** One client's session; returns what it wrote (net of overwrites) and what it was told. */
async function runClient(
  i: number,
): Promise<{ uid: string; expected: Expected; client: HelpshiftClient; logger: CapturingLogger; events: string[] }> {
  const uid = `load-user-${i}`;
  const logger = new CapturingLogger();
  const client = createNodeClient({ logger, unrefTimers: true, timeoutMs: 20_000 });
  const events: string[] = [];
  client.addEventListener((event) => events.push(event));
  client.Init({ serviceUrl: url, appId: APP });
  await client.loginWithIdentity(await signUidToken(SECRET, uid, Date.now()), {});
  client.UpdateMasterAttributes({ first_name: `First${i}`, age: String(20 + (i % 50)) });
  client.UpdateMasterAttributes({ first_name: `Final${i}`, new_tags: [TAGS[i % TAGS.length] as string] });
  client.UpdateAppAttributes({ app_version: `1.${i}.0`, custom_user_fields: { level: String(i) } });
  if (i % 2 === 0) await client.flush();
  client.UpdateAppAttributes({ user_level: String(i * 3) });
  await client.addUserIdentities(await signUidToken(SECRET, uid, Date.now(), `user${i}@load.test`));
  client.UpdateMasterAttributes({ last_city: `City${i}` });
  await client.logout();
  return {
    uid,
    client,
    logger,
    events,
    expected: {
      master: { first_name: `Final${i}`, age: String(20 + (i % 50)), last_city: `City${i}` },
      app: { app_version: `1.${i}.0`, user_level: String(i * 3), "custom_user_fields.level": String(i) },
      tags: [TAGS[i % TAGS.length] as string],
    },
  };
}

/** The stored attributes of a user with custom fields flattened the way the service keys them. */
function flatten(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string") out[key] = value;
    else if (value && typeof value === "object") {
      for (const [field, v] of Object.entries(value)) out[`${key}.${field}`] = String(v);
    }
  }
  return out;
}

describe(`${CLIENTS} concurrent clients on 127.0.0.1`, () => {
  it("log in, update attributes, add identities and log out; the database holds exactly the acknowledged writes", async () => {
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i)));
    const db = service.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT COUNT(*) AS n FROM users")).toBe(CLIENTS);
    expect(count("SELECT COUNT(*) AS n FROM identities")).toBe(2 * CLIENTS);
    expect(count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL")).toBe(0);
    for (const { uid, expected, client, logger, events } of results) {
      const user = service.context.users.findByIdentity(APP, "uid", uid);
      expect(user, uid).toBeDefined();
      const stored = service.context.attributes.read(user?.id ?? "");
      expect(flatten(stored.master)).toEqual(expected.master);
      expect(flatten(stored.app)).toEqual(expected.app);
      expect(stored.tags).toEqual(expected.tags);
      expect(events.filter((e) => e.endsWith("SyncFailed") || e === HelpshiftEvent.userSessionExpired)).toEqual([]);
      expect(client.getState().status).toBe("loggedOut");
      expect(logger.text()).not.toMatch(/hss_[\w-]{8}|eyJ[\w-]+\.eyJ/);
      client.dispose();
    }
    // Every batch applied once: no batch row without its user, and no more batches than flushes asked for.
    expect(count("SELECT COUNT(*) AS n FROM attribute_batches")).toBeLessThanOrEqual(3 * CLIENTS);
    expect(count("SELECT COUNT(*) AS n FROM attribute_batches")).toBeGreaterThanOrEqual(CLIENTS);
  });

  it("anonymous devices logging in twice each make exactly one anonymous user per device", async () => {
    const count = () =>
      (service.db.prepare("SELECT COUNT(*) AS n FROM users WHERE anonymous = 1").get() as { n: number }).n;
    const before = count();
    const ids = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const client = createNodeClient({ logger: new CapturingLogger(), unrefTimers: true, timeoutMs: 20_000 });
        client.Init({ serviceUrl: url, appId: APP });
        await client.loginWithIdentity("", {});
        const first = client.getState().userId;
        await client.logout();
        await client.loginWithIdentity("", {});
        const second = client.getState().userId;
        await client.logout();
        client.dispose();
        expect(second).toBe(first);
        return first;
      }),
    );
    expect(new Set(ids).size).toBe(CLIENTS);
    expect(count() - before).toBe(CLIENTS);
  });
});
