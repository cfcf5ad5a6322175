import { describe, expect, it, vi } from "vitest";
import { encodeUnsignedToken } from "../../bench/lib/fixtures";
import { createHelpshiftClient } from "../../TypeScript/core";
import { silentLogger } from "../support/capturing-logger";
import { fakePorts } from "../support/fake-ports";
import { ManualTime } from "../support/manual-time";
import { MemoryStore } from "../support/memory-store";
import { RouteTransport } from "../support/route-transport";
import { loginReply, okReply } from "../support/service-replies";

const START = Date.UTC(2026, 10, 24, 12, 0, 0);

/** A client on a fake service that hands out a fresh session token at every login, as the real one does. */
function cyclingClient() {
  const time = new ManualTime(START);
  let sessions = 0;
  const transport = new RouteTransport({
    record: false,
    fallback: (request) => {
      if (request.url.endsWith("/login")) {
        return loginReply({
          userId: "usr_cycles",
          sessionToken: `hss_cycle_${sessions++}_${"x".repeat(32)}`,
          now: time.now(),
        });
      }
      return okReply();
    },
  });
  const client = createHelpshiftClient(fakePorts({ transport, time, store: new MemoryStore(), logger: silentLogger }));
  client.Init({ serviceUrl: "http://cycles.test", appId: "cycles" });
  const jwt = encodeUnsignedToken({ identities: [{ identifier: "uid", value: "cycler" }], iat: START / 1000 });
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
