import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { openApps, registerAppCommands } from "../../TypeScript/cli/commands/app";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { startServe } from "../../TypeScript/cli/commands/serve";
import { LoginResponseSchema } from "../../TypeScript/contract";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function testIo() {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const io: CommandIo = {
    stdin: process.stdin,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    setExitCode: (c) => {
      exitCode = c;
    },
    nowMs: () => Date.now(),
  };
  return { io, out, err, exitCode: () => exitCode };
}

async function runApp(io: CommandIo, ...args: string[]) {
  const program = new Command().exitOverride();
  registerAppCommands(program, io);
  await program.parseAsync(["node", "helpshift-ts", "app", ...args]);
}

describe("helpshift-ts app", () => {
  const dataDir = join(dir, "apps");

  it("creates an app with fields and tags, prints the secret once, lists without secrets", async () => {
    const t = testIo();
    await runApp(
      t.io,
      "create",
      "--data-dir",
      dataDir,
      "--id",
      "g1",
      "--field",
      "tier:dropdown:bronze|gold",
      "--field",
      "bio:multiline",
      "--tag",
      "vip",
      "--session-lifetime",
      "600",
      "--json",
    );
    expect(t.exitCode()).toBe(0);
    const created = JSON.parse(t.out[0] as string);
    expect(created).toMatchObject({
      id: "g1",
      identityEnabled: true,
      sessionLifetimeSeconds: 600,
      customFields: [
        { name: "bio", type: "multiline" },
        { name: "tier", type: "dropdown", options: ["bronze", "gold"] },
      ],
      tags: ["vip"],
    });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = testIo();
    await runApp(list.io, "list", "--data-dir", dataDir, "--json");
    expect(JSON.parse(list.out[0] as string).map((a: { id: string }) => a.id)).toEqual(["g1"]);
    expect(list.out.join("\n")).not.toContain(created.secret);
  });

  it("rotates the secret, toggles identity, adds fields and tags, changes session settings", async () => {
    const { apps, close } = openApps(dataDir);
    const before = apps.get("g1").secret;
    close();
    const t = testIo();
    await runApp(t.io, "rotate-secret", "g1", "--data-dir", dataDir);
    await runApp(t.io, "disable-identity", "g1", "--data-dir", dataDir);
    await runApp(t.io, "add-field", "g1", "level:number", "--data-dir", dataDir);
    await runApp(t.io, "add-tag", "g1", "whale", "beta", "--data-dir", dataDir);
    await runApp(t.io, "set-session", "g1", "--refresh-lead", "30", "--data-dir", dataDir);
    expect(t.exitCode()).toBe(0);
    const after = openApps(dataDir);
    const app = after.apps.get("g1");
    after.close();
    expect(t.out[0]).toBe(`secret: ${app.secret}`);
    expect(app.secret).not.toBe(before);
    expect(app.identityEnabled).toBe(false);
    expect(app.customFields.map((f) => f.name)).toEqual(["bio", "level", "tier"]);
    expect(app.tags).toEqual(["beta", "vip", "whale"]);
    expect(app.refreshLeadSeconds).toBe(30);
    const on = testIo();
    await runApp(on.io, "enable-identity", "g1", "--data-dir", dataDir);
    expect(on.out).toEqual(["g1: identity enabled"]);
  });

  it("refuses unknown apps, duplicates and bad specs with exit codes", async () => {
    const unknown = testIo();
    await runApp(unknown.io, "rotate-secret", "nope", "--data-dir", dataDir);
    expect(unknown.exitCode()).toBe(1);
    expect(unknown.err[0]).toMatch(/^error: unknownApp/);
    const dup = testIo();
    await runApp(dup.io, "create", "--id", "g1", "--data-dir", dataDir);
    expect(dup.exitCode()).toBe(1);
    const bad = testIo();
    await runApp(bad.io, "create", "--field", "x:color", "--data-dir", dataDir);
    expect(bad.exitCode()).toBe(2);
  });
});

describe("helpshift-ts serve", () => {
  it("creates the demo app once and prints a curl line that logs in as shown", async () => {
    const t = testIo();
    const dataDir = join(dir, "serve");
    const first = await startServe({ host: "127.0.0.1", port: 0, dataDir }, t.io);
    let curl: string;
    try {
      expect(first.banner[1]).toContain("(demo app created)");
      expect(first.banner).toContain("app id: demo");
      curl = first.banner.at(-1) as string;
      expect(curl.startsWith(`curl -s -X POST ${first.url}/v1/apps/demo/login`)).toBe(true);
      const { stdout } = await promisify(execFile)("sh", ["-c", curl]);
      const answer = LoginResponseSchema.parse(JSON.parse(stdout));
      expect(answer.anonymous).toBe(false);
    } finally {
      await first.service.close();
    }
    const second = await startServe({ host: "127.0.0.1", port: 0, dataDir }, t.io);
    await second.service.close();
    expect(second.banner[1]).not.toContain("created");
    expect(second.banner.find((l) => l.startsWith("demo secret:"))).toBe(
      first.banner.find((l) => l.startsWith("demo secret:")),
    );
    // The service's own log lines (stderr) carry no token.
    expect(t.err.join("\n")).not.toMatch(/eyJ|hss_[A-Za-z0-9]/);
  });

  it("runs as a process from the command line (tsx TypeScript/cli/main.ts serve)", async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "TypeScript/cli/main.ts", "serve", "--port", "0", "--data-dir", join(dir, "process")],
      { cwd: root, env: { ...process.env, HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const curl = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout?.on("data", (chunk) => {
          text += chunk;
          const line = text.split("\n").find((l) => l.startsWith("curl "));
          if (line) resolve(line);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const { stdout } = await promisify(execFile)("sh", ["-c", curl]);
      expect(LoginResponseSchema.safeParse(JSON.parse(stdout)).success).toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid !== undefined) process.kill(child.pid, "SIGTERM");
      await exited;
    }
  }, 60_000);
});
