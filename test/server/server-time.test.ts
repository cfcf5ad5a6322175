import { afterEach, describe, expect, it } from "vitest";
import { type Harness, START_MS, startHarness } from "./harness";

/** Issue 11: every answer says the service's time, so the client re-measures its skew on each one. */
describe("X-Server-Time", () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("is on every answer (2xx, 4xx, 404), from the service clock", async () => {
    h = await startHarness();
    h.clock.advance(1234);
    const health = await fetch(`${h.url}/v1/health`);
    expect(health.headers.get("x-server-time")).toBe(String(START_MS + 1234));
    const refused = await fetch(`${h.url}/v1/apps/${h.appId}/logout`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-server-time")).toBe(String(START_MS + 1234));
    const missing = await fetch(`${h.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-server-time")).toBe(String(START_MS + 1234));
  });
});
