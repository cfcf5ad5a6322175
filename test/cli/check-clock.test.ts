/**
 * `check --service <url>`: the service's time from `X-Server-Time` on `GET /v1/health`, the skew against the local
 * clock, `iat` checked on the service's clock; without a service the check says it used the local clock. The
 * service runs in-process on 127.0.0.1:0 with a clock set apart from the local one.
 */
import { Readable } from "node:stream";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CheckClock,
  CheckExit,
  type CommandIo,
  clockLines,
  probeServiceClock,
  registerCheckCommand,
  runCheck,
} from "../../TypeScript/cli/commands/check";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { identity, unsignedToken } from "../contract/helpers";

const TEN_MINUTES = 600_000;
let service: IdentityService;
let serviceUrl = "";
/** The service's clock runs 10 minutes ahead of this machine's. */
let serviceOffsetMs = TEN_MINUTES;

beforeAll(async () => {
  service = await createIdentityService({ database: ":memory:", clock: { now: () => Date.now() + serviceOffsetMs } });
  serviceUrl = await service.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await service?.close();
});

async function check(argv: string[], stdin = "", fetchImpl?: typeof fetch) {
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
    nowMs: () => Date.now(),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
  const program = new Command("helpshift-ts")
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerCheckCommand(program, io);
  await program.parseAsync(["check", ...argv], { from: "user" });
  return { out, err, exitCode };
}

const tokenIssuedNow = () =>
  unsignedToken({ identities: [identity("uid", "42")], iat: Math.floor(Date.now() / 1000) }, { alg: "HS256" });

describe("check without a service", () => {
  it("says it used the local clock, in words and as `clock` in JSON; exit codes unchanged", async () => {
    const words = await check([tokenIssuedNow()]);
    expect(words.exitCode).toBe(CheckExit.ok);
    expect(words.out.at(-1)).toBe(
      "Clock: the local clock (pass --service <url> to compare with the service's time and check iat on it).",
    );
    const json = await check([tokenIssuedNow(), "--json"]);
    expect(json.out).toHaveLength(1);
    expect(JSON.parse(json.out[0] as string)).toEqual({
      ok: true,
      anonymous: false,
      identifiers: ["uid"],
      iatAgeSeconds: expect.any(Number),
      clock: { source: "local" },
    });
  });
});

describe("check --service", () => {
  it("shows the service's time and the skew; iat is checked on the service's clock (10 min ahead: iat 10 min old)", async () => {
    const { out, exitCode } = await check([tokenIssuedNow(), "--service", serviceUrl, "--json"]);
    expect(exitCode).toBe(CheckExit.ok);
    const body = JSON.parse(out[0] as string) as { iatAgeSeconds: number; clock: CheckClock };
    expect(body.clock).toMatchObject({ source: "service", serviceUrl, header: "x-server-time" });
    const clock = body.clock as Extract<CheckClock, { source: "service" }>;
    expect(Math.abs(clock.skewMs - TEN_MINUTES)).toBeLessThan(2_000);
    expect(clock.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs(clock.serviceTimeMs - (Date.now() + TEN_MINUTES))).toBeLessThan(5_000);
    expect(Math.abs(body.iatAgeSeconds - 600)).toBeLessThanOrEqual(2);

    const words = await check([tokenIssuedNow(), "--service", `${serviceUrl}/`]);
    const line = words.out.find((l) => l.startsWith("Clock:"));
    expect(line).toMatch(
      new RegExp(
        `^Clock: the service's \\(${serviceUrl} says \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\), 10 min ahead of the local clock; iat checked on the service's clock\\.$`,
      ),
    );
    expect(words.out).toContain(words.out.find((l) => l.startsWith("Warning (clockSkew)")));
    expect(words.out.some((l) => l === "Issued: 10 min ago")).toBe(true);
  });

  it("a token minted on a machine whose clock is ahead of the service's is caught (iatInFuture), as the service would", async () => {
    serviceOffsetMs = -TEN_MINUTES;
    try {
      const { out, exitCode } = await check([tokenIssuedNow(), "--service", serviceUrl, "--json"]);
      const body = JSON.parse(out[0] as string) as { warnings?: { code: string }[]; clock: CheckClock };
      expect(exitCode).toBe(CheckExit.ok);
      expect(body.warnings?.map((w) => w.code)).toEqual(["iatInFuture"]);
      expect(body.clock.source).toBe("service");
    } finally {
      serviceOffsetMs = TEN_MINUTES;
    }
  });

  it("a service in step: no skew warning", async () => {
    serviceOffsetMs = 0;
    try {
      const { out } = await check([tokenIssuedNow(), "--service", serviceUrl]);
      expect(out.find((l) => l.startsWith("Clock:"))).toMatch(
        /, (in step with the local clock \(±0\.1 s\)|\d+\.\d s (ahead of|behind) the local clock); iat checked/,
      );
      expect(out.some((l) => l.startsWith("Warning (clockSkew)"))).toBe(false);
    } finally {
      serviceOffsetMs = TEN_MINUTES;
    }
  });

  it("a service that does not answer: the local clock, saying why; the token's exit code stands", async () => {
    const closed = await createIdentityService({ database: ":memory:" });
    const url = await closed.listen({ host: "127.0.0.1", port: 0 });
    await closed.close();
    const { out, exitCode } = await check([tokenIssuedNow(), "--service", url, "--json"]);
    expect(exitCode).toBe(CheckExit.ok);
    expect(JSON.parse(out[0] as string).clock).toEqual({ source: "local", serviceUrl: url, error: "ECONNREFUSED" });
    const words = await check(["abc", "--service", url]);
    expect(words.exitCode).toBe(CheckExit.failed);
    expect(words.out.at(-1)).toBe(`Clock: the local clock; the service at ${url} gave no time (ECONNREFUSED).`);
  });

  it("an answer without a time header falls back to Date, else says so", async () => {
    const answer = (headers: Record<string, string>) =>
      (async () => new Response("{}", { status: 200, headers })) as unknown as typeof fetch;
    const io = (f: typeof fetch) => ({ nowMs: () => 1_800_000_000_000, fetch: f });
    expect(
      await probeServiceClock("http://svc", io(answer({ date: new Date(1_800_000_030_000).toUTCString() }))),
    ).toEqual({
      source: "service",
      serviceUrl: "http://svc",
      serviceTimeMs: 1_800_000_030_000,
      skewMs: 30_000,
      roundTripMs: 0,
      header: "date",
    });
    expect(await probeServiceClock("http://svc", io(answer({})))).toEqual({
      source: "local",
      serviceUrl: "http://svc",
      error: "HTTP 200 without X-Server-Time or Date",
    });
  });

  it("--service that is not an http(s) URL is a usage error (exit 2), before anything is asked", async () => {
    let asked = false;
    const spy = (async () => {
      asked = true;
      return new Response("");
    }) as unknown as typeof fetch;
    const json = await check(["x", "--service", "ftp://host", "--json"], "", spy);
    expect(json.exitCode).toBe(CheckExit.usage);
    expect(JSON.parse(json.out[0] as string)).toEqual({ ok: false, usageError: "--service expects an http(s) URL" });
    const words = await check(["x", "--service", "not a url"], "", spy);
    expect(words.exitCode).toBe(CheckExit.usage);
    expect(words.err).toEqual(["error: --service expects an http(s) URL"]);
    expect(asked).toBe(false);
  });

  it("the token is never printed, with or without the service", async () => {
    const token = tokenIssuedNow();
    for (const args of [
      [token, "--service", serviceUrl],
      [token, "--service", serviceUrl, "--json"],
    ]) {
      const { out, err } = await check(args);
      const text = [...out, ...err].join("\n");
      for (const part of token.split(".")) if (part.length > 8) expect(text).not.toContain(part);
    }
  });
});

describe("clock lines (pure)", () => {
  it("runCheck adds the clock's line after the report, and `clock` to the JSON object", () => {
    const token = unsignedToken({ identities: [identity("uid", "1")], iat: 1_800_000_000 }, { alg: "HS256" });
    const clock: CheckClock = {
      source: "service",
      serviceUrl: "http://127.0.0.1:8787",
      serviceTimeMs: 1_800_000_000_000,
      skewMs: -1_250,
      roundTripMs: 3,
      header: "x-server-time",
    };
    const words = runCheck({ token, nowSeconds: 1_800_000_000, clock });
    expect(words.stdout.at(-1)).toBe(
      "Clock: the service's (http://127.0.0.1:8787 says 2027-01-15T08:00:00.000Z), 1.3 s behind the local clock; iat checked on the service's clock.",
    );
    expect(
      JSON.parse(runCheck({ token, json: true, nowSeconds: 1_800_000_000, clock }).stdout[0] as string).clock,
    ).toEqual(clock);
    expect(clockLines({ ...clock, skewMs: 40 })[0]).toContain("in step with the local clock (±0.1 s)");
  });
});
