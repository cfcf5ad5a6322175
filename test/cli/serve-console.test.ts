/**
 * `serve` and the console: the banner names the console's address before the tester page; bound to loopback it
 * shows no admin token (none is needed); bound beyond loopback it prints the token, the console API asks for
 * it, and the service's log never shows it. A token of one's own (`--admin-token`, `HELPSHIFT_ADMIN_TOKEN`) is
 * checked before anything starts (32-512 printable ASCII characters, no spaces; exit 2 naming the option), is
 * only named in the banner, and the option wins over the variable.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { ADMIN_TOKEN_ENV, resolveAdminToken, startServe } from "../../TypeScript/cli/commands/serve";
import { runCli } from "../../TypeScript/cli/main";
import { ADMIN_TOKEN_HEADER, ConsolePath } from "../../TypeScript/console/api-types";
import { createIdentityService } from "../../TypeScript/server";
import { ADMIN_TOKEN_MAX_LENGTH, ADMIN_TOKEN_MIN_LENGTH } from "../../TypeScript/server/console/access-guard";

const root = new URL("../..", import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), "hsts-serve-console-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode: number | undefined;
  const io: CommandIo = {
    stdin: process.stdin,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    setExitCode: (code) => {
      exitCode = code;
    },
    nowMs: () => Date.now(),
  };
  return { io, out, err, exitCode: () => exitCode };
}

/** A token of `length` printable characters (with a `!` and a `~`, which base64url lacks but are allowed). */
function tokenOf(length: number, fill = "a"): string {
  return `!~${fill.repeat(length - 2)}`;
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

describe("serve --admin-token / HELPSHIFT_ADMIN_TOKEN: a token that outlives a restart", () => {
  afterEach(() => vi.unstubAllEnvs());

  it(`takes ${ADMIN_TOKEN_MIN_LENGTH}-${ADMIN_TOKEN_MAX_LENGTH} printable ASCII characters without spaces`, () => {
    expect(ADMIN_TOKEN_MIN_LENGTH).toBe(32);
    for (const length of [ADMIN_TOKEN_MIN_LENGTH, ADMIN_TOKEN_MAX_LENGTH]) {
      expect(resolveAdminToken(tokenOf(length), undefined)).toEqual({
        token: { value: tokenOf(length), from: "--admin-token" },
      });
    }
    expect(resolveAdminToken(undefined, tokenOf(32))).toEqual({ token: { value: tokenOf(32), from: ADMIN_TOKEN_ENV } });
    expect(resolveAdminToken(tokenOf(ADMIN_TOKEN_MIN_LENGTH - 1), undefined).error).toBe(
      "--admin-token must be at least 32 characters (it has 31; e.g. openssl rand -hex 32)",
    );
    expect(resolveAdminToken(tokenOf(ADMIN_TOKEN_MAX_LENGTH + 1), undefined).error).toBe(
      "--admin-token must be at most 512 characters (it has 513)",
    );
    for (const bad of [`${tokenOf(32)} x`, `${tokenOf(32)}\t`, `${tokenOf(32)}é`, `${tokenOf(32)}\n`]) {
      expect(resolveAdminToken(undefined, bad).error).toBe(`${ADMIN_TOKEN_ENV} must be printable ASCII without spaces`);
    }
  });

  it("the option wins over the variable; an empty variable counts as unset; neither gives none", () => {
    expect(resolveAdminToken(tokenOf(40, "o"), "short").token).toEqual({
      value: tokenOf(40, "o"),
      from: "--admin-token",
    });
    expect(resolveAdminToken(undefined, "")).toEqual({});
    expect(resolveAdminToken(undefined, undefined)).toEqual({});
  });

  it("a bad token is one line on stderr naming the option, exit 2, and nothing started", async () => {
    const bad = tokenOf(ADMIN_TOKEN_MIN_LENGTH - 1, "q");
    const cases: [string[], string | undefined, string][] = [
      [["--admin-token", bad], undefined, "--admin-token"],
      [[], bad, ADMIN_TOKEN_ENV],
      [["--admin-token", `${tokenOf(32, "q")} q`], tokenOf(32, "q"), "--admin-token"],
    ];
    for (const [[...args], env, named] of cases) {
      vi.stubEnv(ADMIN_TOKEN_ENV, env ?? "");
      const dataDir = join(dir, `refused-${named}-${args.length}`);
      const { io, out, err, exitCode } = capture();
      await runCli(["serve", "--port", "0", "--data-dir", dataDir, ...args], io);
      expect(exitCode()).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(new RegExp(`^error: ${named} must be `));
      expect(err[0]).not.toContain("qqqq");
      expect(existsSync(dataDir)).toBe(false);
    }
  });

  it("given and bound beyond loopback: the banner says where it came from, never the token; the API takes it", async () => {
    const token = tokenOf(ADMIN_TOKEN_MIN_LENGTH, "k");
    const { io, err } = capture();
    const running = await startServe(
      { host: "0.0.0.0", port: 0, dataDir: join(dir, "given"), adminToken: { value: token, from: ADMIN_TOKEN_ENV } },
      io,
    );
    try {
      expect(running.service.console.access.adminToken).toBe(token);
      expect(running.banner.filter((l) => l.startsWith("admin token"))).toEqual([
        `admin token: from ${ADMIN_TOKEN_ENV} (the console asks for it; send it as ${ADMIN_TOKEN_HEADER})`,
      ]);
      expect(running.banner.join("\n")).not.toContain("kkkk");
      const allowed = await fetch(`${running.url}${ConsolePath.apps}`, { headers: { [ADMIN_TOKEN_HEADER]: token } });
      expect(allowed.status).toBe(200);
      const wrong = await fetch(`${running.url}${ConsolePath.apps}`, {
        headers: { [ADMIN_TOKEN_HEADER]: `${token}x` },
      });
      expect(wrong.status).toBe(401);
      expect(err.join("\n")).not.toContain("kkkk");
    } finally {
      await running.service.close();
    }
  });

  it("given and bound to loopback: said to be set and not asked", async () => {
    const { io } = capture();
    const token = tokenOf(ADMIN_TOKEN_MAX_LENGTH, "m");
    const running = await startServe(
      {
        host: "127.0.0.1",
        port: 0,
        dataDir: join(dir, "given-loopback"),
        adminToken: { value: token, from: "--admin-token" },
      },
      io,
    );
    try {
      expect(running.banner.filter((l) => l.startsWith("admin token"))).toEqual([
        "admin token: from --admin-token (not asked on loopback)",
      ]);
      expect(running.banner.join("\n")).not.toContain("mmmm");
    } finally {
      await running.service.close();
    }
  });

  it("the service itself refuses a bad console.adminToken before it opens anything, without repeating it", async () => {
    const failure = await createIdentityService({
      database: ":memory:",
      console: { adminToken: tokenOf(ADMIN_TOKEN_MIN_LENGTH - 1, "z") },
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toBe(
      "console.adminToken must be at least 32 characters (it has 31; e.g. openssl rand -hex 32)",
    );
  });

  it("as a real process: the option wins over the variable, and neither token is printed", async () => {
    const fromEnv = tokenOf(ADMIN_TOKEN_MIN_LENGTH, "e");
    const fromOption = tokenOf(ADMIN_TOKEN_MIN_LENGTH, "p");
    const child = spawn(
      process.execPath,
      [
        "bin/helpshift-ts.mjs",
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "0",
        "--data-dir",
        join(dir, "process"),
        "--admin-token",
        fromOption,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, [ADMIN_TOKEN_ENV]: fromEnv } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => {
          if (stdout.includes("\ncurl ")) resolve();
        });
        void exit.then((code) => reject(new Error(`serve exited early with ${code}: ${stderr}`)));
      });
      expect(stdout).toContain(
        `admin token: from --admin-token (the console asks for it; send it as ${ADMIN_TOKEN_HEADER})`,
      );
      const url = /listening on (\S+)/.exec(stdout)?.[1] as string;
      const withOption = await fetch(`${url}${ConsolePath.status}`, { headers: { [ADMIN_TOKEN_HEADER]: fromOption } });
      expect(withOption.status).toBe(200);
      const withEnv = await fetch(`${url}${ConsolePath.status}`, { headers: { [ADMIN_TOKEN_HEADER]: fromEnv } });
      expect(withEnv.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    }
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain("eeee");
      expect(text).not.toContain("pppp");
    }
  }, 60_000);
});
