import { describe, expect, it, vi } from "vitest";
import { cyclingServiceClient } from "../support/cycling-service-client";

/** A client on a fake service that hands out a fresh session token at every login, as the real one does. */
function cyclingClient() {
  const { client, uidToken } = cyclingServiceClient({
    appId: "cycles",
    record: false,
    userId: () => "usr_cycles",
    sessionToken: (n) => `hss_cycle_${n}_${"x".repeat(32)}`,
  });
  const jwt = uidToken("cycler");
  const cycle = async () => {
    await client.loginWithIdentity(jwt, {});
    await client.logout();
  };
  return { client, cycle };
}

describe("many login/logout cycles", () => {
  /**
   * Bench 6 found a cycle's cost growing with the number of sessions before it (profile: redact.ts `text`):
   * the core's log remembers every session token for redaction and never forgets one, so every later log line
   * scans all of them (time and memory grow without bound). Counted in string splits, not in time, so the test
   * is deterministic: the work of one cycle must not depend on how many cycles came before.
   */
  it("the work of one cycle does not grow with the number of earlier sessions", async () => {
    const { client, cycle } = cyclingClient();
    await cycle();
    const workOfOneCycle = async () => {
      const split = vi.spyOn(String.prototype, "split");
      await cycle();
      const calls = split.mock.calls.length;
      split.mockRestore();
      return calls;
    };
    const early = await workOfOneCycle();
    for (let i = 0; i < 300; i++) await cycle();
    const late = await workOfOneCycle();
    expect(late).toBeLessThanOrEqual(early);
    client.dispose();
  });
});
