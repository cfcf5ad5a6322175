/**
 * Issue 11 end to end: the real core (createNodeClient, fetch transport) with a token provider against the real
 * service with a short session lifetime (an app's `sessionLifetimeSeconds`, as `helpshift-ts app set-session`
 * sets it). One manual timeline for both sides.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HelpshiftEvent } from "../../TypeScript/contract";
import { createMemoryStore, createNodeClient } from "../../TypeScript/node";
import { DEFAULT_APP, type Harness, START_MS, signToken, startHarness } from "../server/harness";
import { ManualTime } from "../support/manual-time";

describe("token provider against the reference service", () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it("renews the same user in place before expiry; the user stays logged in past the first session's expiry", async () => {
    const time = new ManualTime(START_MS);
    h = await startHarness({
      clock: time,
      app: { ...DEFAULT_APP, sessionLifetimeSeconds: 3600, refreshLeadSeconds: 600 },
    });
    const service = h;
    const events: HelpshiftEvent[] = [];
    const provider = vi.fn(async () => signToken([{ identifier: "uid", value: "7" }], service.secret, time));
    const client = createNodeClient({ clock: time, scheduler: time, store: createMemoryStore(), logger: { log() {} } });
    client.Init({ serviceUrl: h.url, appId: h.appId, identityTokenProvider: provider, flushIntervalMs: 1_000 });
    client.addEventListener((event) => events.push(event));
    await client.loginWithIdentity(await provider());
    const userId = client.getState().userId;
    client.UpdateMasterAttributes({ first_name: "Ada" });
    const firstExpiry = client.getState().expiresAt!;
    // To the refresh point (50 min: the provider's refresh point is at least half the session), then let the real
    // HTTP round trips finish without moving the manual clock (no request timeout can fire meanwhile).
    await time.advance(50 * 60_000);
    await vi.waitFor(() => expect(client.getState().expiresAt).toBeGreaterThan(firstExpiry), { timeout: 10_000 });
    expect(provider).toHaveBeenCalledTimes(2);
    expect(events).toContain("refreshUserCredentials");
    expect(client.getState()).toMatchObject({ state: "loggedIn", userId });
    // Past the first session's expiry: still logged in, the renewed session works.
    await time.advance(30 * 60_000);
    client.UpdateMasterAttributes({ last_name: "L" });
    await client.flush();
    expect(events).not.toContain("userSessionExpired");
    expect(client.getState()).toMatchObject({ state: "loggedIn", userId });
    const stored = h.service.context.attributes.read(userId!);
    expect(stored.master).toMatchObject({ first_name: "Ada", last_name: "L" });
    client.dispose();
  });
});
