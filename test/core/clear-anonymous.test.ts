/**
 * `ClearAnonymousUserOnLogin(bool)` / `clearAnonymousUserOnLogin(bool)`, the vendor's call: true (the default,
 * the vendor's documented behaviour) discards the stored anonymous user at the next successful login with a non-empty JWT;
 * false keeps it, so the device's anonymous user comes back at the next empty-JWT login.
 */
import { describe, expect, it } from "vitest";
import { createCoreHarness } from "../support/core-harness";
import { uidToken } from "../support/tokens";

const ANONYMOUS_ID_KEY = "helpshift.anonymousId";

function initialized() {
  const h = createCoreHarness();
  h.init();
  return h;
}

const anonymousIdsSent = (h: ReturnType<typeof createCoreHarness>) =>
  h.transport
    .requestsTo("/login")
    .map((r) => (r.json as { anonymousId?: string }).anonymousId)
    .filter((id) => id !== undefined);

describe("ClearAnonymousUserOnLogin", () => {
  it("by default (true) an identified login discards the anonymous user: the next empty-JWT login is a new one", async () => {
    const h = initialized();
    await h.client.loginWithIdentity("");
    await h.client.loginWithIdentity(uidToken("7"));
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBeUndefined();
    await h.client.logout();
    await h.client.loginWithIdentity("");
    const [first, second] = anonymousIdsSent(h);
    expect(second).not.toBe(first);
  });

  it("false keeps the anonymous user through an identified login and a logout", async () => {
    const h = initialized();
    h.client.ClearAnonymousUserOnLogin(false);
    await h.client.loginWithIdentity("");
    const stored = h.store.get(ANONYMOUS_ID_KEY);
    await h.client.loginWithIdentity(uidToken("7"));
    expect(h.client.getState()).toMatchObject({ status: "loggedIn", anonymous: false, userId: "uid:7" });
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBe(stored);
    await h.client.logout();
    await h.client.loginWithIdentity("");
    const [first, second] = anonymousIdsSent(h);
    expect(second).toBe(first);
    expect(h.client.getState()).toMatchObject({ anonymous: true, userId: first });
  });

  it("true again clears it at the next identified login (not at the call), and the Promise-API name is the same call", async () => {
    const h = initialized();
    h.client.clearAnonymousUserOnLogin(false);
    await h.client.loginWithIdentity("");
    const stored = h.store.get(ANONYMOUS_ID_KEY);
    h.client.ClearAnonymousUserOnLogin(true);
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBe(stored);
    await h.client.loginWithIdentity(uidToken("8"));
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBeUndefined();
  });

  it("a failed identified login keeps the anonymous user either way", async () => {
    const h = initialized();
    await h.client.loginWithIdentity("");
    const stored = h.store.get(ANONYMOUS_ID_KEY);
    h.client.ClearAnonymousUserOnLogin(true);
    h.transport.route("POST", "/v1/apps/demo/login", () => "network");
    await h.client.loginWithIdentity(uidToken("7")).catch(() => undefined);
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBe(stored);
  });

  it("is not persisted: after a restart the default (true) holds until it is called again", async () => {
    const h = initialized();
    h.client.ClearAnonymousUserOnLogin(false);
    await h.client.loginWithIdentity("");
    const restarted = h.restart();
    restarted.init();
    await restarted.client.loginWithIdentity(uidToken("7"));
    expect(restarted.store.get(ANONYMOUS_ID_KEY)).toBeUndefined();
  });

  it("before Init it is a no-op with an error logged, like every call but login; non-booleans are refused", async () => {
    const h = createCoreHarness();
    h.client.ClearAnonymousUserOnLogin(false);
    expect(h.logger.at("error").map((l) => l.message)).toEqual([
      "ClearAnonymousUserOnLogin called before Init: ignored",
    ]);
    h.init();
    await h.client.loginWithIdentity("");
    const stored = h.store.get(ANONYMOUS_ID_KEY);
    h.client.ClearAnonymousUserOnLogin("false" as never);
    expect(h.logger.at("error").map((l) => l.message)).toContain("ClearAnonymousUserOnLogin needs a boolean: ignored");
    await h.client.loginWithIdentity(uidToken("7"));
    expect(h.store.get(ANONYMOUS_ID_KEY)).toBeUndefined();
    expect(stored).toBeDefined();
  });
});
