/**
 * Usage errors, the same everywhere: exit 2, and under --json exactly one JSON object on stdout (nothing on
 * stderr). Commander's own errors (unknown option or command, missing argument) included. Also --version and an
 * empty standard input for `check -`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { runCheck } from "../../TypeScript/cli/commands/check";
import { CLI_VERSION, runCli } from "../../TypeScript/cli/main";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-usage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode: number | undefined;
  const io: CommandIo = {
    stdin: Readable.from([Buffer.from(stdin)]),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    setExitCode: (code) => {
      exitCode = code;
    },
    nowMs: () => 1_800_000_000_000,
  };
  await runCli(argv, io);
  return { out, err, exitCode };
}

/** Exit 2 and one JSON object `{ok: false, usageError}` on stdout, nothing else. */
async function expectJsonUsageError(argv: string[], message: RegExp, stdin = "") {
  const result = await cli(argv, stdin);
  expect(result.exitCode).toBe(2);
  expect(result.err).toEqual([]);
  expect(result.out).toHaveLength(1);
  const body = JSON.parse(result.out[0] as string) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["ok", "usageError"]);
  expect(body.ok).toBe(false);
  expect(body.usageError).toMatch(message);
}

describe("usage errors exit 2", () => {
  it.each([
    [["check"], /missing required argument 'jwt'/],
    [["check", "x", "--bogus"], /unknown option '--bogus'/],
    [["sign", "--secret"], /argument missing/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [[], /a command is required/],
    [["app"], /a command is required/],
    [["app", "create", "--data-dir"], /argument missing/],
    [["serve", "--port", "x"], /--port must be 0-65535/],
  ])("%j", async (argv, message) => {
    const result = await cli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err.join("\n")).toMatch(message);
  });

  it("under --json, commander's own errors are one JSON object too", async () => {
    await expectJsonUsageError(["check", "--json"], /missing required argument 'jwt'/);
    await expectJsonUsageError(["check", "x", "--json", "--bogus"], /unknown option '--bogus'/);
    await expectJsonUsageError(["check", "x", "--json", "--config"], /argument missing/);
    await expectJsonUsageError(["app", "list", "--json", "--nope"], /unknown option '--nope'/);
    await expectJsonUsageError(["sign", "--json"], /unknown option '--json'/);
  });

  it("under --json, the commands' own usage errors are one JSON object", async () => {
    await expectJsonUsageError(["check", "x", "--config", "{nope", "--json"], /--config is not valid JSON/);
    await expectJsonUsageError(
      ["app", "create", "--data-dir", join(dir, "d"), "--field", "x:color", "--json"],
      /--field x:color/,
    );
    await expectJsonUsageError(
      ["app", "create", "--data-dir", join(dir, "d"), "--session-lifetime", "1.5", "--json"],
      /whole seconds/,
    );
  });

  it("an app refusal under --json is one JSON object with exit 1", async () => {
    const dataDir = join(dir, "apps");
    expect((await cli(["app", "create", "--data-dir", dataDir, "--id", "g1", "--json"])).exitCode).toBe(0);
    const dup = await cli(["app", "create", "--data-dir", dataDir, "--id", "g1", "--json"]);
    expect(dup.exitCode).toBe(1);
    expect(dup.err).toEqual([]);
    expect(dup.out).toHaveLength(1);
    expect(JSON.parse(dup.out[0] as string)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it("--json after a lone -- is an argument, not the option", async () => {
    const result = await cli(["check", "--", "--json"]);
    expect(result.exitCode).toBe(1);
    expect(result.out.join("\n")).toContain("identityTokenInvalid");
  });
});

describe("check - with an empty standard input", () => {
  it("is a usage error, not an anonymous login", async () => {
    await expectJsonUsageError(["check", "-", "--json"], /standard input is empty/);
    await expectJsonUsageError(["check", "-", "--json"], /standard input is empty/, " \n\t\n");
    const text = await cli(["check", "-"]);
    expect(text.exitCode).toBe(2);
    expect(text.err.join("\n")).toMatch(/^error: standard input is empty/);
  });

  it("an explicit empty argument still checks an anonymous login", async () => {
    const result = await cli(["check", "", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.out[0] as string)).toMatchObject({ ok: true, anonymous: true });
    expect(runCheck({ token: "", from: "argument", nowSeconds: 0 }).exitCode).toBe(0);
    expect(runCheck({ token: "", from: "stdin", nowSeconds: 0 }).exitCode).toBe(2);
  });
});

describe("--version", () => {
  it("prints the package version and exits 0", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(CLI_VERSION).toBe(pkg.version);
    for (const flag of ["--version", "-V"]) {
      const result = await cli([flag]);
      expect(result).toEqual({ out: [pkg.version], err: [], exitCode: 0 });
    }
  });
});

describe("the real process", () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["bin/helpshift-ts.mjs", ...args], {
      cwd: root,
      encoding: "utf8",
      input,
      timeout: 60_000,
    });

  it("exits 2 on commander's usage errors and on an empty stdin; --version exits 0", () => {
    expect(run(["check"]).status).toBe(2);
    const empty = run(["check", "-", "--json"], "");
    expect(empty.status).toBe(2);
    expect(JSON.parse(empty.stdout)).toMatchObject({ ok: false, usageError: expect.stringContaining("empty") });
    const version = run(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);
});
