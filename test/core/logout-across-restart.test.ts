/**
 * A logout the client could not finish before dispose (Unreal: `Logout` in _Event Shutdown_, then `Deinitialize`)
 * is persisted as a pending logout and completed at the next `Init`: the user's pending attributes are sent with
 * that session's token, then the session is revoked, and the record is dropped only on the service's definitive word.
 */
import { describe, expect, it } from "vitest";
import { ProtocolPath } from "../../TypeScript/contract";
import { StoreKey } from "../../TypeScript/core/persisted";
import { type CoreHarness, createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const path = { logout: ProtocolPath.logout("demo"), attributes: ProtocolPath.attributes("demo") };
const PENDING = StoreKey.pendingLogouts;

async function loggedIn(): Promise<CoreHarness> {
  const h = createCoreHarness();
  h.init();
  await h.client.loginWithIdentity(uidToken("1"));
  return h;
}

/** Holds every request to `route` (never answered unless released). */
function hold(h: CoreHarness, route: string) {
  const gate = deferred<Reply>();
  h.transport.route("POST", route, () => gate.promise);
  return { release: (reply: Reply) => gate.resolve(reply) };
}

/** Puts the fake service's own handler back on `route` (the transport is shared across a restart). */
function restore(h: CoreHarness, route: string) {
  h.transport.route("POST", route, (r) => h.service.answer(r));
}

/** Logs in uid:1, queues an attribute, logs out and disposes while the attributes request is unanswered. */
async function logoutThenDispose() {
  const h = await loggedIn();
  const token = h.service.lastSession()?.token as string;
  hold(h, path.attributes);
  h.client.UpdateMasterAttributes({ first_name: "Ana" });
  h.client.Logout();
  await settle();
  expect(h.transport.requestsTo(path.attributes)).toHaveLength(1);
  h.client.dispose();
  await settle();
  expect(h.transport.requestsTo(path.logout)).toHaveLength(0);
  return { h, token };
}

const bearer = (token: string) => `Bearer ${token}`;

describe("a logout cut short by dispose is completed at the next start", () => {
  it("revokes the old session after sending its pending attributes with it, then drops the record", async () => {
    const { h, token } = await logoutThenDispose();
    expect(h.store.json(PENDING)).toMatchObject([{ userId: "uid:1", sessionToken: token }]);
    expect(h.store.get(StoreKey.session)).toBeUndefined();
    restore(h, path.attributes);
    const sentBefore = h.transport.requests.length;

    const r = h.restart();
    r.init();
    expect(r.client.getState().status).toBe("loggedOut");
    await r.client.logout();
    await settle();

    const after = r.transport.requests.slice(sentBefore);
    expect(after.map((q) => [q.path, q.headers.authorization])).toEqual([
      [path.attributes, bearer(token)],
      [path.logout, bearer(token)],
    ]);
    expect(after[0]?.json).toMatchObject({ master: { first_name: "Ana" } });
    expect(r.service.appliedBatches).toEqual([
      { userId: "uid:1", batch: expect.objectContaining({ master: { first_name: "Ana" } }) },
    ]);
    expect(r.service.sessions[0]?.revoked).toBe(true);
    expect(r.store.get(PENDING)).toBeUndefined();
    expect(r.store.get(StoreKey.outbox)).toBeUndefined();
    expect(r.logger.text()).not.toContain(token);
    expect(h.logger.text()).not.toContain(token);
  });

  it("a new login after the restart waits for the pending logout", async () => {
    const { h, token } = await logoutThenDispose();
    restore(h, path.attributes);
    const sentBefore = h.transport.requests.length;
    const r = h.restart();
    r.init();
    await r.client.loginWithIdentity(uidToken("2"));
    const after = r.transport.requests.slice(sentBefore).map((q) => q.path);
    expect(after).toEqual([path.attributes, path.logout, ProtocolPath.login("demo")]);
    expect(r.service.sessions.find((s) => s.token === token)?.revoked).toBe(true);
    expect(r.client.getState()).toMatchObject({ status: "loggedIn", userId: "uid:2" });
  });

  it("a logout the service confirmed before dispose leaves no record", async () => {
    const h = await loggedIn();
    const token = h.service.lastSession()?.token as string;
    const held = hold(h, path.logout);
    const loggedOut = h.client.logout();
    await settle();
    // Persisted before the revoke is sent: a dispose now would not lose it.
    expect(h.store.json(PENDING)).toMatchObject([{ userId: "uid:1", sessionToken: token }]);
    held.release({ status: 200, json: { ok: true } });
    await loggedOut;
    expect(h.store.get(PENDING)).toBeUndefined();
    h.client.dispose();

    const sentBefore = h.transport.requests.length;
    const r = h.restart();
    r.init();
    await r.client.logout();
    await settle();
    expect(r.transport.requests.length).toBe(sentBefore);
  });

  it("a session the service already calls invalid is dropped: 401 sessionInvalid is definitive", async () => {
    const h = await loggedIn();
    hold(h, path.logout);
    const loggedOut = h.client.logout();
    await settle();
    h.client.dispose();
    await loggedOut;
    expect(h.store.json(PENDING)).toHaveLength(1);
    (h.service.lastSession() as { revoked: boolean }).revoked = true;
    restore(h, path.logout);

    const r = h.restart();
    r.init();
    await r.client.logout();
    expect(r.transport.requestsTo(path.logout)).toHaveLength(2);
    expect(r.store.get(PENDING)).toBeUndefined();
  });

  it("drops an expired pending session without a request; its attributes stay for the user's next login", async () => {
    const { h } = await logoutThenDispose();
    expect(h.store.json(PENDING)).toHaveLength(1);
    restore(h, path.attributes);
    h.time.jump(8 * 24 * 3600 * 1000);
    const sentBefore = h.transport.requests.length;

    const r = h.restart();
    r.init();
    await r.client.logout();
    await settle();
    expect(r.transport.requests.length).toBe(sentBefore);
    expect(r.store.get(PENDING)).toBeUndefined();
    expect(r.store.json(StoreKey.outbox)).toMatchObject({ "uid:1": { inflight: { master: { first_name: "Ana" } } } });

    await r.client.loginWithIdentity(uidToken("1"));
    await r.client.flush();
    expect(r.service.appliedBatches).toEqual([
      { userId: "uid:1", batch: expect.objectContaining({ master: { first_name: "Ana" } }) },
    ]);
  });

  it("keeps the record when the restart cannot reach the service, and completes it at the following start", async () => {
    const { h, token } = await logoutThenDispose();
    h.transport.route("POST", path.attributes, () => "network");
    h.transport.route("POST", path.logout, () => "network");
    const sentBefore = h.transport.requests.length;

    const second = h.restart();
    second.init();
    await second.client.logout();
    await settle();
    const tried = second.transport.requests.slice(sentBefore);
    expect(tried.map((q) => [q.path, q.headers.authorization])).toEqual([
      [path.attributes, bearer(token)],
      [path.logout, bearer(token)],
    ]);
    expect(second.store.json(PENDING)).toMatchObject([{ userId: "uid:1", sessionToken: token }]);
    expect(second.time.pending()).toEqual([]);
    second.client.dispose();

    restore(h, path.attributes);
    restore(h, path.logout);
    const third = second.restart();
    third.init();
    await third.client.logout();
    expect(third.service.sessions[0]?.revoked).toBe(true);
    expect(third.service.appliedBatches).toHaveLength(1);
    expect(third.store.get(PENDING)).toBeUndefined();
  });

  it("discards a corrupt pending-logout value with a warning", async () => {
    const first = createCoreHarness();
    first.store.set(PENDING, '[{"userId": 1}]');
    first.init();
    await first.client.logout();
    expect(first.transport.requests).toHaveLength(0);
    expect(first.store.get(PENDING)).toBeUndefined();
    expect(first.logger.at("warn").map((l) => l.fields?.key)).toContain(PENDING);
  });
});
