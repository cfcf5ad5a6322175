/**
 * Issue 11: the observable identity state, replayed to late listeners, and the sticky userSessionExpired.
 */
import { describe, expect, it } from "vitest";
import type { ClientState } from "../../TypeScript/core/api";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const HOUR = 3_600_000;

describe("identity state", () => {
  it("goes notInitialized → loggedOut → loggingIn → loggedIn → loggedOut, each change heard once, in order", async () => {
    const h = createCoreHarness();
    const seen: ClientState[] = [];
    h.client.onStateChange((s) => seen.push(s));
    expect(h.client.getState().state).toBe("notInitialized");
    h.init();
    const gate = deferred<Reply>();
    h.transport.route("POST", h.service.path("login"), () => gate.promise);
    const login = h.client.loginWithIdentity(uidToken("1"));
    expect(h.client.getState().state).toBe("loggingIn");
    await settle();
    gate.resolve(h.service.login(h.transport.requests[0]!));
    await login;
    await h.client.logout();
    await settle();
    expect(seen.map((s) => s.state)).toEqual(["notInitialized", "loggedOut", "loggingIn", "loggedIn", "loggedOut"]);
    expect(seen[3]).toMatchObject({ identity: "identified", userId: "uid:1", status: "loggedIn" });
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it("a listener bound late hears the current state first (logged in, with the trusted expiry)", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR, skewMs: 5 * 60_000 } });
    h.init();
    const start = h.time.now();
    await h.client.loginWithIdentity("");
    const seen: ClientState[] = [];
    h.client.onStateChange((s) => seen.push(s));
    expect(seen).toEqual([]); // asynchronous, like every callback of the client
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ state: "loggedIn", identity: "anonymous", expiresAt: start + 10 * HOUR });
  });

  it("shows refreshing while a provider refresh runs, then loggedIn", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: 10 * HOUR } });
    const token = deferred<string>();
    h.init({ refreshLeadSeconds: 3600, identityTokenProvider: () => token.promise });
    await h.client.loginWithIdentity(uidToken("1"));
    const seen: string[] = [];
    h.client.onStateChange((s) => seen.push(`${s.state}${s.refreshReason ? `:${s.refreshReason}` : ""}`));
    await h.time.advance(9 * HOUR);
    expect(h.client.getState()).toMatchObject({ state: "refreshing", refreshReason: "refresh", status: "loggedIn" });
    token.resolve(uidToken("1"));
    await settle();
    expect(seen).toEqual(["loggedIn", "refreshing:refresh", "loggedIn"]);
  });

  it("expired: the state, and userSessionExpired re-delivered to an event listener that binds while expired", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: HOUR } });
    h.init({ refreshLeadSeconds: 0 });
    await h.client.loginWithIdentity(uidToken("1"));
    await h.time.advance(HOUR);
    expect(h.client.getState()).toMatchObject({ state: "expired", status: "loggedOut", expired: true });
    const late: string[] = [];
    h.client.addEventListener((event) => late.push(event));
    await settle();
    expect(late).toEqual(["userSessionExpired"]);
    const states: string[] = [];
    h.client.onStateChange((s) => states.push(s.state ?? ""));
    await settle();
    expect(states).toEqual(["expired"]);
    // A logout does not clear the sticky flag (docs/core.md); a successful login does.
    await h.client.loginWithIdentity(uidToken("1"));
    const after: string[] = [];
    h.client.addEventListener((event) => after.push(event));
    await settle();
    expect(after).toEqual([]);
    expect(states).toEqual(["expired", "loggingIn", "loggedIn"]);
  });

  it("after a restart with an expired session, a listener bound after Init still hears userSessionExpired", async () => {
    const h = createCoreHarness({ service: { lifetimeMs: HOUR } });
    h.init();
    await h.client.loginWithIdentity(uidToken("1"));
    h.client.dispose();
    h.time.jump(2 * HOUR);
    const r = h.restart();
    r.init();
    const late: string[] = [];
    r.client.addEventListener((event) => late.push(event));
    await settle();
    expect(late).toEqual(["userSessionExpired"]);
    expect(r.client.getState().state).toBe("expired");
  });

  it("nothing is heard after dispose", async () => {
    const h = createCoreHarness();
    h.init();
    const seen: string[] = [];
    h.client.onStateChange((s) => seen.push(s.state ?? ""));
    h.client.dispose();
    await settle();
    expect(seen).toEqual([]);
  });
});
