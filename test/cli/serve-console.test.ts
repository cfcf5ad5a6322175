/**
 * `serve` and the console: the banner names the console's address before the tester page; bound to loopback it
 * shows no admin token (none is needed); bound beyond loopback it prints the token, the console API asks for
 * it, and the service's log never shows it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { startServe } from "../../TypeScript/cli/commands/serve";
import { ADMIN_TOKEN_HEADER, ConsolePath } from "../../TypeScript/console/api-types";

const dir = mkdtempSync(join(tmpdir(), "hsts-serve-console-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    stdin: process.stdin,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    setExitCode: () => {},
    nowMs: () => Date.now(),
  };
  return { io, out, err };
}

describe("serve prints the console", () => {
  it("bound to loopback: the console's address before the tester page, and no admin token", async () => {
    const { io } = capture();
    const running = await startServe({ host: "127.0.0.1", port: 0, dataDir: join(dir, "loopback") }, io);
    try {
      const consoleLine = running.banner.indexOf(`console: ${running.url}${ConsolePath.page}`);
      expect(consoleLine).toBeGreaterThan(0);
      expect(consoleLine).toBeLessThan(running.banner.findIndex((l) => l.startsWith("tester page: ")));
      expect(running.banner.join("\n")).not.toContain("admin token");
      expect(running.banner.join("\n")).not.toContain(running.service.console.access.adminToken);
      const status = await fetch(`${running.url}${ConsolePath.status}`);
      expect(status.status).toBe(200);
    } finally {
      await running.service.close();
    }
  });

  it("bound beyond loopback: prints the admin token, which the console API then requires", async () => {
    const { io, err } = capture();
    const running = await startServe({ host: "0.0.0.0", port: 0, dataDir: join(dir, "wide") }, io);
    try {
      const token = running.service.console.access.adminToken;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const line = running.banner.find((l) => l.startsWith("admin token"));
      expect(line).toBe(`admin token (the console asks for it; send it as ${ADMIN_TOKEN_HEADER}): ${token}`);
      expect((await fetch(`${running.url}${ConsolePath.apps}`)).status).toBe(401);
      const allowed = await fetch(`${running.url}${ConsolePath.apps}`, { headers: { [ADMIN_TOKEN_HEADER]: token } });
      expect(allowed.status).toBe(200);
      expect(err.join("\n")).not.toContain(token);
    } finally {
      await running.service.close();
    }
  });
});
