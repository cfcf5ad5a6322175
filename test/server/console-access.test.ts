/**
 * The console API's access guard: loopback Host without a token, any other Host refused (DNS rebinding); bound
 * beyond loopback (simulated with `requireAdminToken`), the admin token in the header or as a bearer; a foreign
 * Origin on a mutation refused. The admin token never reaches a log line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN_QUERY, ConsolePath } from "../../TypeScript/console/api-types";
import { hostNameOf, isLoopbackHost, tokenRequiredFor } from "../../TypeScript/server/console/access-guard";
import { call, openStream } from "./console-support";
import { type Harness, startHarness } from "./harness";

describe("console access on a loopback-bound service", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("answers a loopback Host without a token, and says no token is required", async () => {
    const port = new URL(h.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "LOCALHOST"]) {
      const answer = await call(h, "GET", ConsolePath.status, { headers: { host } });
      expect(answer.status, host).toBe(200);
      expect(answer.body.adminTokenRequired).toBe(false);
    }
  });

  it("refuses any other Host with 403 forbiddenOrigin, unknown paths under the API too", async () => {
    for (const host of ["evil.example", "evil.example:8787", "127.0.0.1.evil.example", "192.168.1.10:8787"]) {
      const answer = await call(h, "GET", ConsolePath.apps, { headers: { host } });
      expect(answer.status, host).toBe(403);
      expect(answer.body.reason).toBe("forbiddenOrigin");
    }
    const unknown = await call(h, "GET", "/console/api/nothing-here", { headers: { host: "evil.example" } });
    expect(unknown.status).toBe(403);
    // The protocol is not guarded by the console's rules.
    const health = await call(h, "GET", "/v1/health", { headers: { host: "evil.example" } });
    expect(health.status).toBe(200);
  });

  it("refuses a mutation whose Origin is not the service's own; a matching Origin and a GET pass", async () => {
    const host = new URL(h.url).host;
    const foreign = await call(h, "PUT", ConsolePath.bendClock, {
      body: { offsetMs: 1000 },
      headers: { origin: "http://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.reason).toBe("forbiddenOrigin");
    const nullOrigin = await call(h, "DELETE", ConsolePath.bendClock, { headers: { origin: "null" } });
    expect(nullOrigin.status).toBe(403);
    const own = await call(h, "PUT", ConsolePath.bendClock, {
      body: { offsetMs: 1000 },
      headers: { origin: `http://${host}` },
    });
    expect(own.status).toBe(200);
    const read = await call(h, "GET", ConsolePath.bend, { headers: { origin: "http://evil.example" } });
    expect(read.status).toBe(200);
    await call(h, "DELETE", ConsolePath.bendClock);
  });
});

describe("console access when bound beyond loopback", () => {
  const adminToken = "console-admin-token-for-tests-0123456789";
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ console: { adminToken, requireAdminToken: true } });
  });
  afterAll(() => h.close());

  it("answers 401 adminTokenRequired without a token and with a wrong one", async () => {
    const none = await call(h, "GET", ConsolePath.apps);
    expect(none.status).toBe(401);
    expect(none.body.reason).toBe("adminTokenRequired");
    const wrong = await call(h, "GET", ConsolePath.apps, { token: `${adminToken}x` });
    expect(wrong.status).toBe(401);
    const short = await call(h, "GET", ConsolePath.apps, { token: "x" });
    expect(short.status).toBe(401);
    const wrongBearer = await call(h, "GET", ConsolePath.apps, { headers: { authorization: "Bearer nope" } });
    expect(wrongBearer.status).toBe(401);
  });

  it("answers 200 with the right token, as x-admin-token or as a bearer, from any Host", async () => {
    const header = await call(h, "GET", ConsolePath.apps, { token: adminToken, headers: { host: "192.168.1.10" } });
    expect(header.status).toBe(200);
    const bearer = await call(h, "GET", ConsolePath.status, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(bearer.status).toBe(200);
    expect(bearer.body.adminTokenRequired).toBe(true);
  });

  it("takes the token as a query parameter on the log stream only", async () => {
    const stream = await openStream(h, `${ConsolePath.logStream}?${ADMIN_TOKEN_QUERY}=${adminToken}`);
    expect(stream.status).toBe(200);
    stream.close();
    const refused = await openStream(h, `${ConsolePath.logStream}?${ADMIN_TOKEN_QUERY}=wrong`);
    expect(refused.status).toBe(401);
    refused.close();
    const elsewhere = await call(h, "GET", `${ConsolePath.apps}?${ADMIN_TOKEN_QUERY}=${adminToken}`);
    expect(elsewhere.status).toBe(401);
  });

  it("never writes the admin token to a log line", async () => {
    await call(h, "GET", ConsolePath.apps, { token: adminToken });
    h.service.context.log.log("info", `echo ${adminToken}`);
    expect(h.logs.join("\n")).not.toContain(adminToken);
  });
});

describe("access rules, unit", () => {
  it("names loopback hosts with any port, and only those", () => {
    expect(hostNameOf("[::1]:8787")).toBe("::1");
    expect(isLoopbackHost("127.0.0.1:1")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("localhost.evil.example")).toBe(false);
    expect(isLoopbackHost(undefined)).toBe(false);
  });

  it("requires the token unless bound to loopback", () => {
    expect(tokenRequiredFor({ address: "127.0.0.1", family: "IPv4", port: 1 })).toBe(false);
    expect(tokenRequiredFor({ address: "::1", family: "IPv6", port: 1 })).toBe(false);
    expect(tokenRequiredFor({ address: "0.0.0.0", family: "IPv4", port: 1 })).toBe(true);
    expect(tokenRequiredFor({ address: "::", family: "IPv6", port: 1 })).toBe(true);
    expect(tokenRequiredFor({ address: "192.168.1.10", family: "IPv4", port: 1 })).toBe(true);
    expect(tokenRequiredFor(null)).toBe(true);
  });
});
