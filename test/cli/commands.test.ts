import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { type CommandIo, registerCheckCommand } from "../../TypeScript/cli/commands/check";
import { registerSignCommand } from "../../TypeScript/cli/commands/sign";

const NOW_MS = 1_800_000_000_000;

function fakeIo(stdin = "") {
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
    nowMs: () => NOW_MS,
  };
  return { io, out, err, exitCode: () => exitCode };
}

async function run(argv: string[], stdin = "") {
  const sink = fakeIo(stdin);
  const program = new Command("helpshift-ts")
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerCheckCommand(program, sink.io);
  registerSignCommand(program, sink.io);
  await program.parseAsync(argv, { from: "user" });
  return sink;
}

describe("commander layer, in process", () => {
  it("sign prints only the token; check reads it from stdin with -", async () => {
    const signed = await run([
      "sign",
      "--secret",
      "dev-secret-1",
      "--uid",
      "42",
      "--identity",
      "steam_id=1",
      "--metadata",
      "uid.k=v",
    ]);
    expect(signed.exitCode()).toBe(0);
    expect(signed.out).toHaveLength(1);
    expect(signed.out[0]).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    const checked = await run(["check", "-", "--json"], `${signed.out[0]}\n`);
    expect(checked.exitCode()).toBe(0);
    expect(JSON.parse(checked.out[0] as string)).toEqual({
      ok: true,
      anonymous: false,
      identifiers: ["uid", "steam_id"],
      iatAgeSeconds: 0,
      clock: { source: "local" },
    });
  });

  it("check passes --config through and sets exit code 1 on failure", async () => {
    const signed = await run(["sign", "--secret", "dev-secret-1", "--identity", "phone_number=+1"]);
    const token = signed.out[0] as string;
    expect((await run(["check", token, "--json"])).exitCode()).toBe(1);
    const ok = await run(["check", token, "--json", "--config", '{"full_privacy_enabled":"true"}']);
    expect(ok.exitCode()).toBe(0);
    expect(JSON.parse(ok.out[0] as string)).toMatchObject({ ok: true, anonymous: true });
  });

  it("sign without a secret is a usage error", async () => {
    const saved = process.env.HELPSHIFT_TS_SECRET;
    delete process.env.HELPSHIFT_TS_SECRET;
    try {
      const result = await run(["sign", "--uid", "1"]);
      expect(result.exitCode()).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err[0]).toContain("--secret");
    } finally {
      if (saved !== undefined) process.env.HELPSHIFT_TS_SECRET = saved;
    }
  });
});

describe("the real process (bin/helpshift-ts.mjs)", () => {
  const root = new URL("../..", import.meta.url).pathname;
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["bin/helpshift-ts.mjs", ...args], {
      cwd: root,
      encoding: "utf8",
      input,
      timeout: 60_000,
    });

  it("sign | check - round-trips; the token is printed by sign only", () => {
    const signed = cli(["sign", "--secret", "dev-secret-1", "--email", "ada@example.com"]);
    expect(signed.status).toBe(0);
    const token = signed.stdout.trim();
    expect(token.split(".")).toHaveLength(3);
    const checked = cli(["check", "-", "--config", '{"full_privacy_enabled": true}', "--json"], token);
    expect(checked.status).toBe(0);
    const body = JSON.parse(checked.stdout);
    expect(body).toMatchObject({ ok: true, anonymous: true, identifiers: ["email"] });
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(["emailOnlyWithFullPrivacy"]);
    expect(checked.stdout + checked.stderr).not.toContain(token.split(".")[1]);
  });

  it("a failing check exits 1 and explains in words", () => {
    const checked = cli(["check", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"]);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain("identityTokenInvalid:");
    expect(checked.stdout).toContain("Fix:");
    expect(checked.stdout + checked.stderr).not.toContain("eyJhbGciOiJIUzI1NiJ9.e30.c2ln");
  });
});
