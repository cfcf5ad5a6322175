/** An answer that carries a session token must not be kept by any cache. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signToken, startHarness } from "./harness";

describe("Cache-Control on session tokens", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("says no-store on a login answer (identified and anonymous)", async () => {
    const bodies = [
      { identityToken: await signToken([{ identifier: "uid", value: "c" }], h.secret, h.clock), fullPrivacy: false },
      { identityToken: "", fullPrivacy: false, anonymousId: `hsft_anon_${"c".repeat(22)}` },
    ];
    for (const body of bodies) {
      const response = await fetch(`${h.url}/v1/apps/${h.appId}/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      expect(typeof ((await response.json()) as { sessionToken?: unknown }).sessionToken).toBe("string");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
