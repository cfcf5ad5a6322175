/**
 * The built Puerts bundle, loaded into a bare context and driven exactly as UHelpshiftTSSubsystem drives it:
 * JSON commands with request ids in, bridge UFUNCTION calls out. HTTP goes to the shared fake service and,
 * in the last block, to the real identity service over real HTTP on 127.0.0.1.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build";
import { ProtocolPath } from "../../TypeScript/contract";
import { createIdentityService } from "../../TypeScript/server";
import { readReflectedClasses } from "../consistency/cpp-reflection";
import { FakeIdentityService } from "../support/fake-identity-service";
import { RouteTransport } from "../support/route-transport";
import { identityToken, uidToken } from "../support/tokens";
import { FakeSubsystem, loadBundle } from "./puerts-host";

let mainJs = "";
const SERVICE = "http://127.0.0.1:9";
const hosts: FakeSubsystem[] = [];

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), "hsts-bundle-"));
  const built = await build({ outDir });
  mainJs = readFileSync(built.find((b) => b.name === "main")!.file, "utf8");
});

afterEach(() => {
  for (const host of hosts.splice(0)) host.shutdown();
});

function startWithFake() {
  const transport = new RouteTransport();
  const service = new FakeIdentityService(transport, { now: () => Date.now() }, { appId: "demo" });
  const host = new FakeSubsystem(mainJs, (request) => transport.send(request));
  hosts.push(host);
  host.init({ serviceUrl: SERVICE, appId: "demo" });
  return { host, transport, service };
}

describe("the bundle in a bare engine", () => {
  it("finds no Web or Node global beside ECMAScript, console and timers", () => {
    const { context } = loadBundle("", {});
    for (const name of [
      "TextEncoder",
      "TextDecoder",
      "atob",
      "btoa",
      "fetch",
      "Buffer",
      "crypto",
      "process",
      "require",
    ]) {
      expect(vm.runInContext(`typeof ${name}`, context), name).toBe("undefined");
    }
    expect(vm.runInContext("typeof setTimeout + typeof console", context)).toBe("functionobject");
  });

  it("is driven through a stand-in bridge with exactly the C++ bridge's UFUNCTIONs", () => {
    const host = new FakeSubsystem(mainJs, () => Promise.reject(new Error("offline")));
    hosts.push(host);
    const header = readReflectedClasses([join(__dirname, "../../Source/HelpshiftTS/Public")]).get(
      "UHelpshiftTSBridge",
    )!;
    expect([...host.bridgeFunctionNames].sort()).toEqual([...header.functions.keys()].sort());
  });

  it("binds OnCommand and reports ready while it loads", () => {
    const host = new FakeSubsystem(mainJs, () => Promise.reject(new Error("offline")));
    hosts.push(host);
    expect(host.ready).toBe(true);
    expect(host.calls[0]?.name).toBe("NotifyReady");
  });

  it("refuses an Init without an app id (logged) and then fails logins with notInitialized", async () => {
    const host = new FakeSubsystem(mainJs, () => Promise.reject(new Error("offline")));
    hosts.push(host);
    host.init({ serviceUrl: SERVICE });
    expect(host.logs.some((l) => l.level === "error" && l.message.includes("appIdMissing"))).toBe(true);
    expect(await host.login(uidToken("1"))).toMatchObject({ reason: "unknownError", detail: "notInitialized" });
  });

  it("fails a login before Init with unknownError / notInitialized", async () => {
    const host = new FakeSubsystem(mainJs, () => Promise.reject(new Error("offline")));
    hosts.push(host);
    expect(await host.login(uidToken("1"))).toEqual({
      ok: false,
      reason: "unknownError",
      errors: {},
      detail: "notInitialized",
    });
  });
});

describe("login flows over the bridge", () => {
  it("logs in with a uid token: one HTTP request to the login path, SucceedLogin with the same id", async () => {
    const { host, transport } = startWithFake();
    const outcome = await host.login(uidToken("42"), { full_privacy_enabled: false });
    expect(outcome).toEqual({ ok: true });
    const [succeeded] = host.callsTo("SucceedLogin");
    expect(succeeded?.args).toEqual([1]);
    const http = host.callsTo("SendHttpRequest")[0]!;
    expect(http.args[1]).toBe("POST");
    expect(http.args[2]).toBe(SERVICE + ProtocolPath.login("demo"));
    expect(transport.requestsTo("/login")).toHaveLength(1);
  });

  it("reports every client-side failure reason with its errors, at the exact limits", async () => {
    const { host, transport } = startWithFake();
    const config = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ identifier: "uid", value: `u${i}` }));

    expect(await host.login(uidToken("1"), config(31))).toMatchObject({
      ok: false,
      reason: "loginConfigSizeLimitExceeded",
    });
    expect(await host.login("not-a-jwt", config(30))).toMatchObject({ ok: false, reason: "identityTokenInvalid" });
    expect(
      await host.login(uidToken("1"), { ["k".repeat(256)]: "v", ok: "x".repeat(300), long: "x".repeat(301) }),
    ).toEqual({
      ok: false,
      reason: "loginConfigInvalid",
      errors: { ["k".repeat(256)]: "exceededKeyLengthLimit", long: "exceededValueLengthLimit" },
      detail: "",
    });
    expect(await host.login(uidToken("1"), { nested: [1] })).toMatchObject({
      reason: "loginConfigInvalid",
      errors: { nested: "invalidValueType" },
    });
    expect(await host.login(identityToken([{ identifier: "uid", value: "1" }], null))).toMatchObject({
      reason: "iatIsMandatory",
    });
    expect(await host.login(identityToken(ids(31)))).toMatchObject({ reason: "identitiesSizeLimitExceeded" });
    expect(await host.login(identityToken([{ identifier: "uid", value: "x".repeat(751) }]))).toEqual({
      ok: false,
      reason: "identitiesDataInvalid",
      errors: { uid: "exceededValueLengthLimit" },
      detail: "",
    });
    expect(await host.login(identityToken([{ identifier: "phone_number", value: "123" }]))).toMatchObject({
      reason: "uidOrEmailIsMandatory",
    });
    expect(transport.requests).toHaveLength(0);
    // 750 characters is a legal uid: it reaches the service and succeeds.
    expect(await host.login(identityToken([{ identifier: "uid", value: "x".repeat(750) }]))).toEqual({ ok: true });
  });

  it("fails a second login while one is running with loginInProgress, and both callbacks fire once", async () => {
    const { host } = startWithFake();
    const first = host.login(uidToken("1"));
    const second = host.login(uidToken("2"));
    expect(await second).toMatchObject({ ok: false, reason: "loginInProgress" });
    expect(await first).toEqual({ ok: true });
    expect(host.callsTo("SucceedLogin").map((c) => c.args[0])).toEqual([1]);
    expect(host.callsTo("FailLogin").map((c) => c.args[0])).toEqual([2]);
  });

  it("maps a failed HTTP request to networkError", async () => {
    const host = new FakeSubsystem(mainJs, () => Promise.reject(new Error("ECONNREFUSED")));
    hosts.push(host);
    host.init({ serviceUrl: SERVICE, appId: "demo" });
    expect(await host.login(uidToken("1"))).toMatchObject({ ok: false, reason: "networkError" });
  });

  it("maps the service's identityFeatureNotEnabled", async () => {
    const { host, transport } = startWithFake();
    transport.route("POST", ProtocolPath.login("demo"), () => ({
      status: 403,
      json: { reason: "identityFeatureNotEnabled" },
    }));
    expect(await host.login(uidToken("1"))).toMatchObject({ ok: false, reason: "identityFeatureNotEnabled" });
  });

  it("logs in anonymously with an empty JWT, stores the id through the bridge, and reuses it", async () => {
    const { host, transport } = startWithFake();
    expect(await host.login("")).toEqual({ ok: true });
    expect(host.callsTo("SaveValue").length).toBeGreaterThan(0);
    expect(await host.login("")).toEqual({ ok: true });
    const anonIds = transport.requestsTo("/login").map((r) => (r.json as { anonymousId?: string }).anonymousId);
    expect(anonIds[0]).toMatch(/^hsft_anon_/);
    expect(anonIds[1]).toBe(anonIds[0]);
    for (const key of host.callsTo("SaveValue").map((c) => c.args[0] as string))
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe("calls and events over the bridge", () => {
  it("emits attribute validation events and syncs accepted attributes on logout", async () => {
    const { host, transport } = startWithFake();
    expect(await host.login(uidToken("7"))).toEqual({ ok: true });
    host.updateMasterAttributes({ first_name: "Ada", not_a_key: "x", age: "old" });
    await host.settleHttp(2);
    expect(host.events).toContainEqual({
      name: "masterAttributesValidationFailed",
      data: { not_a_key: "invalidData", age: "invalidValueType" },
    });
    host.logout();
    await host.settleHttp();
    expect(transport.requestsTo("/attributes").length).toBe(1);
    expect(transport.requestsTo("/logout").length).toBe(1);
    expect(host.callsTo("CompleteRequest")).toEqual([]);
  });

  it("sends identity problems from AddUserIdentities as events, and is a no-op for anonymous users", async () => {
    const { host, transport } = startWithFake();
    expect(await host.login(uidToken("8"))).toEqual({ ok: true });
    host.addUserIdentities("garbage");
    await host.settleHttp();
    expect(host.events.map((e) => e.name)).toContain("identityTokenInvalid");
    host.logout();
    await host.settleHttp();
    expect(await host.login("", { full_privacy_enabled: true })).toEqual({ ok: true });
    host.addUserIdentities(identityToken([{ identifier: "email", value: "a@b.c" }]));
    await host.settleHttp();
    expect(transport.requestsTo("/identities")).toHaveLength(0);
  });

  it("sends userSessionExpired when the service says the session is gone", async () => {
    const { host, transport, service } = startWithFake();
    expect(await host.login(uidToken("9"))).toEqual({ ok: true });
    service.lastSession()!.revoked = true;
    host.updateMasterAttributes({ first_name: "Ada" });
    host.background();
    await host.settleHttp();
    expect(transport.requestsTo("/attributes").length).toBeGreaterThan(0);
    expect(host.events.map((e) => e.name)).toContain("userSessionExpired");
  });

  it("never writes a token to the engine log", async () => {
    const { host } = startWithFake();
    const jwt = uidToken("secret-user");
    host.init({ serviceUrl: SERVICE, appId: "demo", logLevel: "debug" });
    await host.login(jwt);
    host.addUserIdentities(jwt);
    await host.settleHttp();
    for (const line of host.logs) {
      expect(line.message).not.toContain(jwt);
      expect(line.message).not.toMatch(/SESSIONTOKEN/);
    }
  });

  it("publishes the identity state to C++ on every change, starting with the current one", async () => {
    const { host } = startWithFake();
    expect(await host.login(uidToken("st-1"))).toEqual({ ok: true });
    await host.settleHttp(2);
    const names = host.identityStates.map((s) => s.state);
    expect(names.slice(0, 2)).toEqual(["notInitialized", "loggedOut"]);
    expect(names).toContain("loggingIn");
    expect(host.identityStates.at(-1)).toMatchObject({ state: "loggedIn", anonymous: false });
    expect(host.identityStates.at(-1)?.userId).toBeTruthy();
    expect(host.identityStates.at(-1)?.expiresAt).toBeGreaterThan(Date.now());
  });

  it("asks C++ for a fresh token at the refresh point and renews the same user in place with the answer", async () => {
    const transport = new RouteTransport();
    // A short session: with a token source the client refreshes halfway through it.
    new FakeIdentityService(transport, { now: () => Date.now() }, { appId: "demo", lifetimeMs: 600 });
    const host = new FakeSubsystem(mainJs, (request) => transport.send(request));
    hosts.push(host);
    host.init({ serviceUrl: SERVICE, appId: "demo", requestIdentityTokens: true });
    expect(await host.login(uidToken("rf-1"))).toEqual({ ok: true });
    for (let i = 0; i < 100 && host.callsTo("RequestIdentityToken").length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await host.settleHttp(2);
    const [request] = host.callsTo("RequestIdentityToken");
    expect(request?.args[1]).toBe("refresh");
    expect(host.events.some((e) => e.name === "identityTokenRequested" && e.data.reason === "refresh")).toBe(true);
    const before = transport.requestsTo("/login").length;
    host.command(0, "provideIdentityToken", JSON.stringify({ jwt: uidToken("rf-1"), requestId: request?.args[0] }));
    await host.settleHttp(3);
    expect(transport.requestsTo("/login")).toHaveLength(before + 1);
    expect(transport.requestsTo("/logout")).toHaveLength(0);
    expect(host.identityStates.at(-1)).toMatchObject({ state: "loggedIn", userId: "uid:rf-1" });
    host.command(0, "provideIdentityToken", "{}");
    expect(host.logs.some((l) => l.level === "error" && l.message.includes("bridge payload rejected"))).toBe(true);
  });

  it("keeps an Init whose log level is mistyped: the field is ignored with a warning naming it", async () => {
    const transport = new RouteTransport();
    new FakeIdentityService(transport, { now: () => Date.now() }, { appId: "demo" });
    const host = new FakeSubsystem(mainJs, (request) => transport.send(request));
    hosts.push(host);
    host.init({ serviceUrl: SERVICE, appId: "demo", logLevel: "verbose" });
    expect(await host.login(uidToken("9"))).toEqual({ ok: true });
    expect(host.logs.some((l) => l.level === "warn" && l.message.includes("parameters.logLevel"))).toBe(true);
  });

  it("on shutdown fails the pending login with unknownError/disposed and nothing reaches the bridge after", async () => {
    const { host, transport } = startWithFake();
    transport.route("POST", ProtocolPath.login("demo"), () => new Promise(() => {}));
    const pending = host.login(uidToken("1"));
    host.shutdown();
    expect(await pending).toEqual({ ok: false, reason: "unknownError", errors: {}, detail: "disposed" });
    const before = host.calls.length;
    host.command(5, "login", JSON.stringify({ jwt: "", config: {} }));
    await host.settleHttp(3);
    expect(host.calls.length).toBe(before);
  });
});

describe("against the real identity service over HTTP on 127.0.0.1", () => {
  it("logs in with a signed token, refuses a bad signature, and logs out", async () => {
    const service = await createIdentityService({ database: ":memory:" });
    const secret = "sandbox-secret-0123456789abcdef";
    service.apps.create({ id: "sandbox", name: "Sandbox", identityEnabled: true, secret });
    service.apps.create({ id: "off", name: "Off", identityEnabled: false, secret });
    const base = await service.listen({ host: "127.0.0.1", port: 0 });
    try {
      const http = async (request: { method: string; url: string; headers: Record<string, string>; body?: string }) => {
        const init: RequestInit = { method: request.method, headers: request.headers };
        if (request.body !== undefined) init.body = request.body;
        const response = await fetch(request.url, init);
        return { status: response.status, body: await response.text() };
      };
      const sign = (key: string) =>
        new SignJWT({ identities: [{ identifier: "uid", value: "real-1" }] })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setIssuedAt()
          .sign(new TextEncoder().encode(key));

      const host = new FakeSubsystem(mainJs, http);
      hosts.push(host);
      host.init({ serviceUrl: base, appId: "sandbox" });
      expect(await host.login(await sign("wrong-secret-0123456789abcdef"))).toMatchObject({
        ok: false,
        reason: "identityTokenInvalid",
        detail: "signatureInvalid",
      });
      expect(await host.login(await sign(secret))).toEqual({ ok: true });
      host.logout();
      await host.settleHttp();

      const off = new FakeSubsystem(mainJs, http);
      hosts.push(off);
      off.init({ serviceUrl: base, appId: "off" });
      expect(await off.login(await sign(secret))).toMatchObject({ ok: false, reason: "identityFeatureNotEnabled" });
    } finally {
      for (const host of hosts.splice(0)) host.shutdown();
      await service.close();
    }
  });
});
