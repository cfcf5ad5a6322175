/**
 * The C++ bridge RUNS: the real Source/HelpshiftTS/Private/*.cpp linked with the runnable stand-in engine
 * (test/engine) and the built bundles in a real V8 context (docs/harness.md), playing Blueprint-level scenarios
 * (test/harness/cpp/Scenarios.cpp) against the reference identity service on 127.0.0.1. Every pin line says how
 * many frames after its game call it fired ("later") and whether it fired inside a game call ("inCall").
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityService } from "../../TypeScript/server";
import { buildHarness, type Harness } from "./build";

let harness: Harness;
let service: Awaited<ReturnType<typeof createIdentityService>>;
let base = "";
const secret = "harness-secret-0123456789abcdef";
const tokens: Record<string, string> = {};

const sign = (identities: unknown[], key = secret) =>
  new SignJWT({ identities })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .sign(new TextEncoder().encode(key));

beforeAll(async () => {
  harness = await buildHarness(mkdtempSync(join(tmpdir(), "hsts-harness-")));
  service = await createIdentityService({ database: ":memory:" });
  service.apps.create({ id: "harness", name: "Harness", identityEnabled: true, secret });
  base = await service.listen({ host: "127.0.0.1", port: 0 });
  tokens.valid = await sign([{ identifier: "uid", value: "harness-1" }]);
  tokens.wrongSecret = await sign([{ identifier: "uid", value: "harness-1" }], "wrong-secret-0123456789abcdef");
  tokens.uidTooLong = await sign([{ identifier: "uid", value: "x".repeat(751) }]);
  tokens.phoneOnly = await sign([{ identifier: "phone_number", value: "123" }]);
}, 170_000);

afterAll(async () => {
  await service?.close();
});

/** Runs one scenario in its own process (async: this process keeps serving HTTP meanwhile). */
function play(
  name: string,
  extra: Record<string, string> = {},
  built: Harness = harness,
): Promise<Map<string, string[]>> {
  const config = {
    serviceUrl: base,
    appId: "harness",
    projectDir: mkdtempSync(join(tmpdir(), "hsts-project-")),
    helpshiftPlugin: built.helpshiftPlugin,
    puertsPlugin: built.puertsPlugin,
    ...Object.fromEntries(Object.entries(tokens).map(([k, v]) => [`token.${k}`, v])),
    ...extra,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      join(__dirname, "run-scenario.mjs"),
      built.addon,
      name,
      JSON.stringify(config),
    ]);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`scenario ${name} exited ${code}:\n${err}\n${out}`));
      const lines = new Map<string, string[]>();
      for (const line of out.split("\n").filter(Boolean)) {
        const at = line.indexOf("=");
        const key = line.slice(0, at);
        lines.set(key, [...(lines.get(key) ?? []), line.slice(at + 1)]);
      }
      resolve(lines);
    });
  });
}

/** A pin fired on a later frame (the number is not pinned: HTTP timing varies), outside any game call. */
const later = /later=[1-9]\d* inCall=0$/;

describe("Blueprint scenarios through the compiled C++ bridge, V8 and the reference service", () => {
  it("Event Init: Init, a listener and a login node made before the subsystem exists wait, run, and report later", async () => {
    const seen = await play("event_init_login");
    expect(seen.get("eventInit.subsystem")).toEqual(["null"]);
    expect(seen.get("afterInit.subsystem")).toEqual(["running"]);
    expect(seen.get("node.OnSuccess")).toHaveLength(1);
    expect(seen.get("node.OnSuccess")![0]).toMatch(/^later=[1-9]\d* inCall=0$/);
    expect(seen.get("node.OnFailure")).toBeUndefined();
    expect(seen.get("static.OnFailure")).toHaveLength(1);
    expect(seen.get("static.OnFailure")![0]).toMatch(
      /^reason=identityTokenInvalid errors=\{\} later=[1-9]\d* inCall=0$/,
    );
    expect(seen.get("static.OnSuccess")).toBeUndefined();
    expect(seen.get("end.scriptCallsHead")).toEqual(["HelpshiftTSBridge.NotifyReady"]);
    expect(seen.get("js.exception")).toBeUndefined();
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });

  it("login failures reach the pins with reason, errors map and detail, on a later frame", async () => {
    const seen = await play("login_failures");
    const one = (key: string) => {
      expect(seen.get(key), key).toHaveLength(1);
      return seen.get(key)![0]!;
    };
    expect(one("configInvalid.OnFailure")).toMatch(
      /^reason=loginConfigInvalid errors=\{long:exceededValueLengthLimit\} detail= later=[1-9]\d* inCall=0$/,
    );
    expect(one("uidTooLong.OnFailure")).toMatch(
      /^reason=identitiesDataInvalid errors=\{uid:exceededValueLengthLimit\} detail= later=[1-9]\d* inCall=0$/,
    );
    expect(one("noUid.OnFailure")).toMatch(/^reason=uidOrEmailIsMandatory errors=\{\} detail= /);
    expect(one("badSignature.OnFailure")).toMatch(/^reason=identityTokenInvalid errors=\{\} detail=signatureInvalid /);
    expect(one("staticUidTooLong.OnFailure")).toMatch(
      /^reason=identitiesDataInvalid errors=\{uid:exceededValueLengthLimit\} later=[1-9]\d* inCall=0$/,
    );
    for (const key of seen.keys()) expect(key).not.toMatch(/OnSuccess/);
    for (const [key, values] of seen) if (key.endsWith(".OnFailure")) expect(values[0]).toMatch(later);
  });

  it("logout after a login revokes the session and removes the stored session", async () => {
    const seen = await play("logout");
    expect(seen.get("login.OnSuccess")![0]).toMatch(later);
    expect(seen.get("afterLogin.files")![0]).not.toBe("");
    expect(Number(seen.get("afterLogout.requests")![0])).toBeGreaterThanOrEqual(1);
    expect(seen.get("afterLogout.files")![0]!.split(",")).not.toEqual(seen.get("afterLogin.files")![0]!.split(","));
  });

  it("game-instance shutdown with a login in flight: unknownError/disposed during Shutdown, nothing after", async () => {
    const seen = await play("shutdown_login_in_flight");
    expect(seen.get("login.OnFailure")).toEqual(["reason=unknownError errors={} detail=disposed later=0 inCall=1"]);
    expect(seen.get("login.OnSuccess")).toBeUndefined();
    expect(seen.get("afterShutdown.subsystem")).toEqual(["null"]);
    expect(seen.get("afterShutdown.scriptCalls")).toEqual(["0"]);
    expect(seen.get("events.OnEvent")).toBeUndefined();
    expect(seen.get("end.callsIntoDeadEnv")).toEqual(["0"]);
  });
});
