import { describe, expect, it } from "vitest";
import { inspectLogin } from "../../TypeScript/contract";
import type { OutboxView } from "../../TypeScript/core/api";
import { mintHs256 } from "../../TypeScript/tester/mint";
import { createNetworkBend } from "../../TypeScript/tester/network-bend";
import { fateWords, outboxRows } from "../../TypeScript/tester/outbox-rows";
import { timelineItem } from "../../TypeScript/tester/timeline";
import { tokenView } from "../../TypeScript/tester/token-view";
import { createTesterViewModel, NETWORK_EVENT, STATE_EVENT } from "../../TypeScript/tester/view-model";
import { clientBadge, networkText } from "../../TypeScript/tester/web/render";
import { createManualTime } from "../support/manual-time";
import { type FakeClient, fakeClient } from "./fake-client";

const NOW_S = 1_800_000_000;
const SECRET = "panel-secret";

describe("the decoded token beside the checks", () => {
  it("lists header and payload fields, each problem at its field", () => {
    const jwt = mintHs256(
      {
        identities: [
          { identifier: "uid", value: "42" },
          { identifier: "twitter_id", value: "ada" },
          { identifier: "email", value: "a@b.c", metadata: { "": "x" } },
        ],
        iat: NOW_S - 90_000,
      },
      SECRET,
    );
    const view = tokenView(jwt, inspectLogin(jwt, {}, NOW_S));
    expect(view.decoded).toBe(true);
    expect(view.header.map((f) => [f.path, f.value])).toEqual([
      ["header.alg", '"HS256"'],
      ["header.typ", '"JWT"'],
    ]);
    const at = Object.fromEntries(view.payload.map((f) => [f.path, f.problems.map((p) => `${p.severity}:${p.code}`)]));
    expect(at).toEqual({
      "payload.identities[0]": [],
      "payload.identities[1]": ["error:invalidData"],
      "payload.identities[2]": ["error:metadataEmptyKeyOrValue"],
      "payload.iat": ["warning:iatTooOld"],
    });
    expect(view.payload.find((f) => f.path === "payload.identities[1]")?.label).toBe("identities[1] twitter_id");
    expect(view.general).toEqual([]);
  });

  it("a missing iat shows at payload.iat; a token that does not decode is a problem of the whole", () => {
    const noIat = mintHs256({ identities: [{ identifier: "uid", value: "1" }] }, SECRET);
    const view = tokenView(noIat, inspectLogin(noIat, {}, NOW_S));
    expect(view.payload.find((f) => f.path === "payload.iat")).toMatchObject({
      value: "(missing)",
      problems: [expect.objectContaining({ severity: "error", code: "iatIsMandatory" })],
    });
    const broken = tokenView("a.b", inspectLogin("a.b", {}, NOW_S));
    expect(broken.decoded).toBe(false);
    expect(broken.general).toEqual([expect.objectContaining({ code: "identityTokenInvalid" })]);
    expect(tokenView("", inspectLogin("", {}, NOW_S))).toEqual({
      decoded: false,
      header: [],
      payload: [],
      general: [],
    });
  });

  it("uidOrEmailIsMandatory is at the identities; a config problem belongs to no field", () => {
    const phone = mintHs256({ identities: [{ identifier: "phone_number", value: "+1555" }], iat: NOW_S }, SECRET);
    const view = tokenView(phone, inspectLogin(phone, {}, NOW_S));
    expect(view.payload.find((f) => f.path === "payload.identities")?.problems[0]?.code).toBe("uidOrEmailIsMandatory");
    const config = tokenView(phone, inspectLogin(phone, { k: [] }, NOW_S));
    expect(config.general.map((p) => p.code)).toContain("loginConfigInvalid");
  });
});

describe("the outbox rows", () => {
  const view: OutboxView = {
    userId: "u1",
    pending: [
      {
        scope: "master",
        keys: ["first_name"],
        state: "waitingToRetry",
        batchId: "b2",
        attempts: 2,
        lastFailure: "network",
      },
      { scope: "app", keys: ["app_version"], state: "queued", attempts: 0, queuedAt: 5 },
    ],
    settled: [
      {
        userId: "u1",
        scope: "master",
        key: "new_tags.nope",
        fate: "refused",
        reason: "invalidData",
        batchId: "b1",
        attempts: 1,
        atMs: 4,
      },
      { userId: "u1", scope: "master", key: "age", fate: "sent", batchId: "b1", attempts: 1, atMs: 4 },
      { userId: "u0", scope: "master", key: "other", fate: "sent", batchId: "b0", attempts: 1, atMs: 1 },
    ],
  };

  it("each key with its fate: pending first, then the logged-in user's answered keys", () => {
    const outbox = outboxRows(view);
    expect(outbox.pendingCount).toBe(2);
    expect(outbox.rows.map((r) => [r.key, fateWords(r)])).toEqual([
      ["first_name", "waiting to retry (attempt 2 failed: network)"],
      ["app_version", "queued"],
      ["new_tags.nope", "refused: invalidData"],
      ["age", "sent"],
    ]);
    expect(outboxRows({ pending: [], settled: view.settled }).rows).toHaveLength(3);
  });
});

describe("the timeline and the badges", () => {
  it("gives each entry a kind, a tone, a title and its detail", () => {
    expect(timelineItem({ atMs: 0, event: "masterAttributesSyncFailed", data: { k: "invalidData" } })).toEqual({
      atMs: 0,
      time: "00:00:00",
      kind: "event",
      tone: "bad",
      title: "masterAttributesSyncFailed",
      detail: '{"k":"invalidData"}',
    });
    expect(timelineItem({ atMs: 0, event: "refreshUserCredentials", data: {} })).toMatchObject({
      tone: "warn",
      detail: "",
    });
    expect(timelineItem({ atMs: 0, event: STATE_EVENT, data: { state: "expired" }, note: "n" })).toMatchObject({
      kind: "state",
      tone: "bad",
      detail: "n",
    });
    expect(timelineItem({ atMs: 0, event: NETWORK_EVENT, data: { what: "delayed" }, note: "x" })).toMatchObject({
      kind: "network",
      tone: "warn",
    });
  });

  it("client badge and network line", () => {
    const base = { form: {} as never, events: [] };
    expect(clientBadge(base)).toEqual({ text: "no client", tone: "info" });
    expect(
      clientBadge({
        ...base,
        client: { initialized: true, status: "loggedIn", expired: false, state: "loggedIn", userId: "u" },
      }),
    ).toEqual({ text: "logged in", tone: "ok" });
    expect(
      clientBadge({ ...base, client: { initialized: true, status: "loggedOut", expired: true, state: "expired" } })
        .tone,
    ).toBe("bad");
    expect(networkText({ failNext: 2, delayNext: 1, delayMs: 300, offline: true, failed: 1, delayed: 0 })).toBe(
      "Bent: offline: every request fails; next 2 requests fail; next 1 delayed 300 ms (so far 1 failed, 0 delayed).",
    );
  });
});

describe("the view-model's new state", () => {
  function setup() {
    const time = createManualTime();
    const network = createNetworkBend({ scheduler: time.scheduler, clock: time.clock });
    const clients: FakeClient[] = [];
    const vm = createTesterViewModel({
      clock: time.clock,
      serviceUrl: "",
      network,
      createClient(parameters) {
        const client = fakeClient();
        client.Init(parameters);
        clients.push(client);
        return client;
      },
    });
    return { vm, network, clients, time };
  }

  it("the decoded token follows the form", () => {
    const { vm } = setup();
    vm.update({ secret: SECRET, uid: "7", iat: "none" });
    vm.mint();
    const decoded = vm.getState().decoded;
    expect(decoded?.payload.find((f) => f.path === "payload.iat")?.problems[0]?.code).toBe("iatIsMandatory");
    vm.update({ token: "" });
    expect(vm.getState().decoded?.decoded).toBe(false);
  });

  it("the outbox follows the client's outbox feed, and stops with the client", () => {
    const { vm, clients } = setup();
    vm.connect();
    const client = clients[0] as FakeClient;
    client.changeOutbox({
      userId: "u",
      pending: [{ scope: "master", keys: ["a"], state: "queued", attempts: 0 }],
      settled: [],
    });
    expect(vm.getState().outbox?.rows.map((r) => r.fate)).toEqual(["queued"]);
    vm.dispose();
    expect(client.outboxListenerCount()).toBe(0);
  });

  it("the session's time left as a fraction of its lifetime", () => {
    const { vm, clients, time } = setup();
    vm.connect();
    expect(vm.sessionFraction(time.clock.now())).toBeUndefined();
    const now = time.clock.now();
    (clients[0] as FakeClient).changeState({ status: "loggedIn", userId: "u", startedAt: now, expiresAt: now + 1000 });
    expect(vm.sessionFraction(now)).toBe(1);
    expect(vm.sessionFraction(now + 250)).toBe(0.75);
    expect(vm.sessionFraction(now + 5000)).toBe(0);
    // A session stored before startedAt existed: counted from when the tester first saw it.
    (clients[0] as FakeClient).changeState({ startedAt: undefined, expiresAt: now + 2000 });
    expect(vm.sessionFraction(now + 1000)).toBe(1);
    expect(vm.sessionFraction(now + 1500)).toBe(0.5);
  });

  it("the network bend's state and each bent request are in the state and the event log", async () => {
    const { vm, network } = setup();
    network.failNext(1);
    expect(vm.getState().network?.failNext).toBe(1);
    const transport = network.wrap({ send: async () => ({ status: 200, body: "" }) });
    await expect(
      transport.send({ method: "POST", url: "http://x/v1/apps/demo/attributes", headers: {} }),
    ).rejects.toThrow();
    expect(vm.getState().events[0]).toMatchObject({
      event: NETWORK_EVENT,
      data: { what: "failed", method: "POST", path: "/v1/apps/demo/attributes" },
      note: "network bent: POST /v1/apps/demo/attributes failed as a network error",
    });
    expect(vm.getState().network).toMatchObject({ failNext: 0, failed: 1 });
    vm.dispose();
    network.failNext(3);
    expect(vm.getState().network?.failNext).toBe(0);
  });
});
