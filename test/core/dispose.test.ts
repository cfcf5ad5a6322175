/**
 * dispose() with requests waiting on the transport: every pending Promise of the client settles at once, nothing
 * is sent or fired afterwards, and a late answer of the transport changes nothing (Store, events, callbacks).
 */
import { describe, expect, it } from "vitest";
import { ProtocolPath } from "../../TypeScript/contract";
import { type CoreHarness, createCoreHarness, recordLogin } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { deferred, type Reply } from "../support/route-transport";
import { identityToken, uidToken } from "../support/tokens";

const path = {
  login: ProtocolPath.login("demo"),
  logout: ProtocolPath.logout("demo"),
  identities: ProtocolPath.identities("demo"),
  attributes: ProtocolPath.attributes("demo"),
};

async function loggedIn(): Promise<CoreHarness> {
  const h = createCoreHarness();
  h.init();
  await h.client.loginWithIdentity(uidToken("1"));
  return h;
}

/** Holds every request to `route` until the test releases it (by default with the fake service's answer). */
function hold(h: CoreHarness, route: string) {
  const gate = deferred<Reply>();
  h.transport.route("POST", route, () => gate.promise);
  return {
    release(reply?: Reply) {
      const request = h.transport.requestsTo(route).at(-1);
      if (!request) throw new Error(`nothing was sent to ${route}`);
      gate.resolve(reply ?? h.service.answer(request));
    },
  };
}

/** Tracks whether a Promise settled and how. */
function track(promise: Promise<unknown>) {
  const state = { settled: "no" as "no" | "resolved" | "rejected" };
  promise.then(
    () => {
      state.settled = "resolved";
    },
    () => {
      state.settled = "rejected";
    },
  );
  return state;
}

/** What must hold after the late answer: nothing sent, fired, stored or scheduled since `before`. */
async function expectUnchangedAfterLateAnswer(
  h: CoreHarness,
  before: { requests: number; store: unknown },
  late: () => void,
) {
  late();
  await settle();
  await h.time.advance(60_000);
  expect(h.transport.requests).toHaveLength(before.requests);
  expect(h.store.snapshot()).toEqual(before.store);
  expect(h.events).toEqual([]);
  expect(h.time.pending()).toEqual([]);
}

const snapshotOf = (h: CoreHarness) => ({ requests: h.transport.requests.length, store: h.store.snapshot() });

describe("dispose with requests waiting on the transport", () => {
  it("resolves a flush() waiting on an attributes answer at once; the late answer changes nothing", async () => {
    const h = await loggedIn();
    const held = hold(h, path.attributes);
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    const flushed = track(h.client.flush());
    await settle();
    expect(h.transport.requestsTo(path.attributes)).toHaveLength(1);
    expect(flushed.settled).toBe("no");

    h.client.dispose();
    await settle();
    expect(flushed.settled).toBe("resolved");
    // The batch stays stored as in flight: a restart re-sends the same batchId, which the service applies once.
    expect(h.store.json("helpshift.outbox")).toMatchObject({
      "uid:1": { inflight: { master: { first_name: "Ana" } } },
    });

    const refusing: Reply = {
      status: 200,
      json: { master: { refused: { first_name: "invalidData" } }, app: { refused: {} }, duplicate: false },
    };
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release(refusing));
  });

  it("resolves a logout() waiting on its flush at once and sends no revoke afterwards", async () => {
    const h = await loggedIn();
    const held = hold(h, path.attributes);
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    const loggedOut = track(h.client.logout());
    await settle();
    expect(h.transport.requestsTo(path.attributes)).toHaveLength(1);
    expect(loggedOut.settled).toBe("no");

    h.client.dispose();
    await settle();
    expect(loggedOut.settled).toBe("resolved");
    expect(h.transport.requestsTo(path.logout)).toHaveLength(0);
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release());
    expect(h.transport.requestsTo(path.logout)).toHaveLength(0);
  });

  it("resolves a logout() waiting on its revoke at once", async () => {
    const h = await loggedIn();
    const held = hold(h, path.logout);
    const loggedOut = track(h.client.logout());
    await settle();
    expect(h.transport.requestsTo(path.logout)).toHaveLength(1);
    expect(loggedOut.settled).toBe("no");

    h.client.dispose();
    await settle();
    expect(loggedOut.settled).toBe("resolved");
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release());
  });

  it("resolves an addUserIdentities() waiting on its answer; a late refusal fires no event", async () => {
    const h = await loggedIn();
    const held = hold(h, path.identities);
    const added = track(h.client.addUserIdentities(identityToken([{ identifier: "email", value: "a@b.c" }])));
    await settle();
    expect(h.transport.requestsTo(path.identities)).toHaveLength(1);
    expect(added.settled).toBe("no");

    h.client.dispose();
    await settle();
    expect(added.settled).toBe("resolved");
    const refusing: Reply = { status: 200, json: { added: [], refused: { email: "invalidData" } } };
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release(refusing));
  });

  it("a login waiting for the previous logout fails with disposed once and is never sent", async () => {
    const h = await loggedIn();
    const held = hold(h, path.logout);
    const rec = recordLogin();
    h.client.LoginWithIdentity(uidToken("2"), {}, rec.onSuccess, rec.onFailure);
    await settle();
    expect(h.transport.requestsTo(path.logout)).toHaveLength(1);

    h.client.dispose();
    await settle();
    expect(rec.calls).toEqual([{ ok: false, reason: "unknownError", errors: {}, detail: "disposed" }]);
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release());
    expect(h.transport.requestsTo(path.login)).toHaveLength(1);
    expect(rec.calls).toHaveLength(1);
  });

  it("a login in flight ignores its late success: no session stored, no request sent", async () => {
    const h = createCoreHarness();
    h.init();
    const held = hold(h, path.login);
    const login = track(h.client.loginWithIdentity(uidToken("1")));
    await settle();
    h.client.dispose();
    await settle();
    expect(login.settled).toBe("rejected");
    await expectUnchangedAfterLateAnswer(h, snapshotOf(h), () => held.release());
    expect(h.store.get("helpshift.session")).toBeUndefined();
    expect(h.client.getState().status).toBe("loggedOut");
  });

  it("after dispose, flush, logout and addUserIdentities resolve at once and send nothing", async () => {
    const h = await loggedIn();
    h.client.UpdateMasterAttributes({ first_name: "Ana" });
    h.client.dispose();
    const before = h.transport.requests.length;
    const calls = [
      track(h.client.flush()),
      track(h.client.logout()),
      track(h.client.addUserIdentities(identityToken([{ identifier: "email", value: "a@b.c" }]))),
    ];
    await settle();
    expect(calls.map((c) => c.settled)).toEqual(["resolved", "resolved", "resolved"]);
    expect(h.transport.requests).toHaveLength(before);
  });
});
