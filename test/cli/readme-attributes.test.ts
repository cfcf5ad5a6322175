/**
 * The README's attribute examples, as printed, against the `demo` app that `helpshift-ts serve` creates: every
 * key is accepted by the client and stored by the service (no validation or sync-failed event). A real Node
 * client over HTTP on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { DEMO_APP_ID, sampleToken, startServe } from "../../TypeScript/cli/commands/serve";
import type { AttributeMap } from "../../TypeScript/contract";
import { createNodeClient } from "../../TypeScript/node";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-readme-attrs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The object literal passed to `call(` in the README's TypeScript blocks, evaluated as JavaScript. */
function readmeArgument(call: string): AttributeMap {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const code = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
  const start = code.indexOf(`client.${call}({`);
  expect(start, `README calls client.${call}`).toBeGreaterThanOrEqual(0);
  const open = start + `client.${call}(`.length;
  let depth = 0;
  let end = open;
  for (; end < code.length; end++) {
    if (code[end] === "{") depth++;
    if (code[end] === "}" && --depth === 0) break;
  }
  return new Function(`return (${code.slice(open, end + 1)});`)() as AttributeMap;
}

const quietIo: CommandIo = {
  stdin: process.stdin,
  out: () => {},
  err: () => {},
  setExitCode: () => {},
  nowMs: () => Date.now(),
};

describe("README attribute examples against the demo app", () => {
  it("are all accepted by the client and stored by the service", async () => {
    const master = readmeArgument("UpdateMasterAttributes");
    const app = readmeArgument("UpdateAppAttributes");
    expect(Object.keys(master)).toContain("custom_user_fields");

    const running = await startServe({ host: "127.0.0.1", port: 0, dataDir: join(dir, "data") }, quietIo);
    const logs: string[] = [];
    const client = createNodeClient({
      logger: { log: (level, message) => logs.push(`${level} ${message}`) },
    });
    try {
      const events: unknown[] = [];
      client.addEventListener((event, data) => events.push({ event, data }));
      client.Init({ serviceUrl: running.url, appId: DEMO_APP_ID });
      const demo = running.service.apps.get(DEMO_APP_ID);
      await client.loginWithIdentity(await sampleToken(demo.secret, Date.now()));
      client.UpdateMasterAttributes(master);
      client.UpdateAppAttributes(app);
      await client.flush();
      expect(events).toEqual([]);
      const stored = running.service.context.attributes.read(client.getState().userId as string);
      expect(stored.master).toMatchObject({ first_name: master.first_name, age: master.age });
      expect(stored.app).toEqual(app);
    } finally {
      client.dispose();
      await running.service.close();
    }
  });
});

describe("a demo app made by an older serve", () => {
  it("gains the demo's tags and custom field at the next start, keeping its secret and other fields", async () => {
    const dataDir = join(dir, "old");
    const { openApps } = await import("../../TypeScript/cli/commands/app");
    const old = openApps(dataDir);
    const { secret } = old.apps.create({
      id: DEMO_APP_ID,
      name: "Demo",
      tags: ["vip"],
      customFields: [{ name: "level", type: "number" }],
    });
    old.close();
    const running = await startServe({ host: "127.0.0.1", port: 0, dataDir }, quietIo);
    try {
      const demo = running.service.apps.get(DEMO_APP_ID);
      expect(demo.secret).toBe(secret);
      expect(demo.tags).toEqual(["beta", "vip"]);
      expect(demo.customFields.map((f) => f.name)).toEqual(["guild", "level"]);
    } finally {
      await running.service.close();
    }
  });
});
