/**
 * A client with a token provider on a faulty network (issue 11): refreshes under lost requests and answers never
 * switch users, never loop (each attempt asks the provider once and sends one login; bounded per minute), and a
 * session offline across its refresh point is renewed when the network returns, with what was queued meanwhile.
 */
import { describe, expect, it } from "vitest";
import { HelpshiftEvent, ProtocolPath } from "../../TypeScript/contract";
import type { ClientState } from "../../TypeScript/core/api";
import { mintHs256 } from "../../TypeScript/tester/mint";
import { APP_ID, loginResult, quiet, SECRET, useFreshWorldPerTest, type World } from "./harness";

/** Short sessions so refreshes come every minute: 120 s lifetime, 60 s lead. */
const LIFETIME_S = 120;
const LEAD_S = 60;

let world: World;
useFreshWorldPerTest(
  (w) => {
    world = w;
    w.service().apps.setSessionSettings(APP_ID, { sessionLifetimeSeconds: LIFETIME_S, refreshLeadSeconds: LEAD_S });
  },
  { separateServerClock: true },
);

/** Advances both clocks together by `ms` in steps of `stepMs`, letting the client and the service work. */
async function run(ms: number, stepMs = 1_000): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    world.serverTime.advanceSync(stepMs);
    world.time.advanceSync(stepMs);
    await quiet(world);
  }
}

/**
 * A client whose provider signs a fresh token for `who()` (ana unless the test changes it) on the service's clock.
 * Signed with the tester's synchronous HS256 (not jose's WebCrypto, which finishes on real time while the test's
 * clock runs ahead), so the provider answers within the step it is asked in.
 */
async function providerClient(who: () => string = () => "ana") {
  let providerCalls = 0;
  const handle = world.newClient(undefined, {
    identityTokenProvider: async () => {
      providerCalls++;
      const iat = Math.floor(world.serverTime.now() / 1000);
      return mintHs256({ identities: [{ identifier: "uid", value: who() }], iat }, SECRET);
    },
  });
  const states: ClientState[] = [];
  handle.client.onStateChange((state) => states.push(state));
  expect(await loginResult(handle.client, await world.token("ana"))).toBe("ok");
  await quiet(world);
  const userId = handle.client.getState().userId as string;
  expect(userId).toMatch(/^usr_/);
  return { ...handle, states, userId, providerCalls: () => providerCalls };
}

/** Login requests the transport saw (sent or lost), with the device time each was sent at. */
function watchLogins(rule: (index: number) => "request" | "response" | undefined) {
  const sentAt: number[] = [];
  world.transport.failWhen((request, index) => {
    const isLogin = new URL(request.url).pathname === ProtocolPath.login(APP_ID);
    if (isLogin) sentAt.push(world.time.now());
    return rule(index);
  });
  return sentAt;
}

/** The most requests in any 60 s window. */
function busiestMinute(times: readonly number[]): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + 60_000).length);
  return most;
}

describe("token provider on a faulty network", () => {
  it.each([
    ["every other request lost", (i: number) => (i % 2 === 1 ? ("request" as const) : undefined)],
    ["every other answer lost", (i: number) => (i % 2 === 1 ? ("response" as const) : undefined)],
    ["two of three requests lost", (i: number) => (i % 3 !== 0 ? ("request" as const) : undefined)],
  ])("%s for 10 minutes: the same user throughout, one provider call per login, no loop", async (_name, rule) => {
    const { client, states, userId, providerCalls } = await providerClient();
    let faulty = true;
    const logins = watchLogins((index) => (faulty ? rule(index) : undefined));
    await run(10 * 60_000);
    faulty = false; // the network is back (logins still counted)
    await run(3 * 60_000);

    // Never another user: every state that names a user names ana's.
    const named = states.filter((s) => s.userId !== undefined).map((s) => s.userId);
    expect(new Set(named)).toEqual(new Set([userId]));
    expect(world.userCount()).toBe(1);
    // Refreshes happened; each attempt asked the provider once and sent one login with that token...
    expect(logins.length).toBeGreaterThanOrEqual(10);
    expect(providerCalls()).toBe(logins.length);
    // ... and never in a loop: at most the retry budget's attempts plus one in any minute.
    expect(busiestMinute(logins)).toBeLessThanOrEqual(6);
    expect(states.some((s) => s.state === "refreshing")).toBe(true);
    // The network is back: the session lives (renewed in place, or ended and said so, never silently).
    const final = client.getState();
    expect(["loggedIn", "expired"]).toContain(final.state);
    if (final.state === "loggedIn") expect(final.userId).toBe(userId);
  });

  it("offline across the refresh point: still logged in, renewed when the network returns, nothing queued lost", async () => {
    const { client, states, userId, events } = await providerClient();
    await run(45_000);
    world.transport.failWhen(() => "request");
    client.UpdateMasterAttributes({ first_name: "Ana" });
    await run(35_000); // past the refresh point (60 s), before the expiry (120 s)
    expect(client.getState()).toMatchObject({ status: "loggedIn", userId });
    expect(events.filter((e) => e.event === HelpshiftEvent.userSessionExpired)).toEqual([]);
    world.transport.failWhen(undefined);
    await run(90_000);
    expect(client.getState()).toMatchObject({ state: "loggedIn", userId, expired: false });
    expect(client.getState().expiresAt).toBeGreaterThan(world.time.now());
    expect(world.attributesOf("ana")?.master.first_name).toBe("Ana");
    expect(new Set(states.filter((s) => s.userId).map((s) => s.userId))).toEqual(new Set([userId]));
  });

  it("a provider that names another user, on a lossy network: refused every time, never bob, expired at the end", async () => {
    let who = "ana";
    const { client, states, userId, logger, providerCalls } = await providerClient(() => who);
    who = "bob";
    const logins = watchLogins((i) => (i % 2 === 1 ? "request" : undefined));
    await run(4 * 60_000);
    expect(new Set(states.filter((s) => s.userId).map((s) => s.userId))).toEqual(new Set([userId]));
    // Refused on the client: bob's token never reaches the service, and no retry loop follows a final refusal.
    expect(logins).toEqual([]);
    expect(world.userCount()).toBe(1);
    expect(providerCalls()).toBeLessThanOrEqual(3);
    expect(logger.at("error").some((line) => /another user/.test(line.message))).toBe(true);
    expect(client.getState()).toMatchObject({ state: "expired", expired: true });
  });
});
