/**
 * The pure parts of the editor tester: the view state C++ displays (never the dev secret or a token) and the
 * store scope that keeps each (app id, service) pair's dev state apart in the tester's one folder.
 */
import { describe, expect, it } from "vitest";
import { makeRedactor, REDACTED } from "../../TypeScript/contract";
import { fateWords, type OutboxRow } from "../../TypeScript/tester/outbox-rows";
import { DEFAULT_FORM, type TesterState } from "../../TypeScript/tester/view-model";
import { storeFileKey } from "../../TypeScript/ue/adapters/store";
import { scopedStore, storeScope } from "../../TypeScript/ue/editor/store-scope";
import { identityStateOf, renderViewState, viewStateOf } from "../../TypeScript/ue/editor/view-state";

const SECRET = "view-state-secret-0123456789";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2lnbmF0dXJl";

function state(fields: Partial<TesterState> = {}): TesterState {
  return { form: { ...DEFAULT_FORM, secret: SECRET, token: ` ${JWT} ` }, events: [], ...fields };
}

describe("the editor view state", () => {
  it("says a secret was entered and how long the token is, never what they are", () => {
    const view = viewStateOf(state(), "http://127.0.0.1:8787");
    expect(view).toMatchObject({ secretEntered: true, token: { present: true, length: JWT.length } });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain(JWT);
    expect(viewStateOf({ ...state(), form: { ...DEFAULT_FORM } }, "").token).toEqual({ present: false, length: 0 });
  });

  it("redacts the secret and any JWT that a message or event carries", () => {
    const text = renderViewState(
      state({
        lastResult: { action: "login", ok: false, message: `failed with ${SECRET} and ${JWT}` },
        events: [{ atMs: 1, event: "identityDataSyncFailed", data: { [JWT]: "invalidData" } }],
      }),
      { serviceUrl: "http://127.0.0.1:8787", redactor: makeRedactor([SECRET]) },
    );
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(JWT);
    const parsed = JSON.parse(text) as { lastResult: { message: string } };
    expect(parsed.lastResult.message).toBe(`failed with ${REDACTED} and ${REDACTED}`);
  });

  it("carries a notice only when there is one", () => {
    const redactor = makeRedactor();
    expect(JSON.parse(renderViewState(state(), { serviceUrl: "", redactor })).notice).toBeUndefined();
    expect(JSON.parse(renderViewState(state(), { serviceUrl: "", redactor, notice: "n" })).notice).toBe("n");
  });
});

describe("the identity state in the editor view state", () => {
  const NOW = Date.UTC(2027, 0, 15, 8, 0, 0);

  it("carries the state name, the words of the web page's state line, the user and the time left", () => {
    const view = viewStateOf(
      state({
        client: {
          initialized: true,
          status: "loggedIn",
          state: "refreshing",
          refreshReason: "refresh",
          userId: "usr_1",
          anonymous: false,
          identity: "identified",
          expiresAt: NOW + 90_500,
          expired: false,
        },
        serviceClock: { skewMs: -2_000, atMs: NOW },
      }),
      "http://127.0.0.1:8787",
      undefined,
      NOW,
    );
    expect(view.identityState).toEqual({
      state: "refreshing",
      text: "refreshing (ahead of expiry) · user usr_1 · session left 1 min 30 s · until 2027-01-15T08:01:30.500Z",
      userId: "usr_1",
      refreshReason: "refresh",
      secondsLeft: 90,
      expiresAt: "2027-01-15T08:01:30.500Z",
    });
    expect(view.serviceClock).toEqual({
      skewMs: -2_000,
      text: "service clock 2.0 s behind the editor",
      measuredAt: "2027-01-15T08:00:00.000Z",
    });
  });

  it("every state, with no user or time left when there is no session", () => {
    const base = { initialized: true, expired: false } as const;
    expect(identityStateOf({ ...base, initialized: false, status: "loggedOut", state: "notInitialized" }, NOW)).toEqual(
      {
        state: "notInitialized",
        text: "not initialized",
      },
    );
    expect(identityStateOf({ ...base, status: "loggingIn", state: "loggingIn" }, NOW).text).toBe("logging in");
    expect(identityStateOf({ ...base, status: "loggedOut", expired: true, state: "expired" }, NOW).text).toBe(
      "expired (log in again)",
    );
    const anonymous = identityStateOf(
      { ...base, status: "loggedIn", state: "loggedIn", userId: "a", anonymous: true, expiresAt: NOW - 5 },
      NOW,
    );
    expect(anonymous).toMatchObject({ state: "loggedIn", secondsLeft: 0 });
    expect(anonymous.text).toMatch(/^logged in \(anonymous\) · user a · session past its expiry · until /);
  });

  it("has neither without a client", () => {
    const view = viewStateOf(state(), "");
    expect(view.identityState).toBeUndefined();
    expect(view.serviceClock).toBeUndefined();
  });
});

describe("the widget section (what UHelpshiftTSTesterWidget copies into its Blueprint state)", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  it("gives the web page's texts in words, the identity fields, the events as lines and the undelivered count", () => {
    const view = viewStateOf(
      state({
        client: {
          initialized: true,
          status: "loggedIn",
          state: "loggedIn",
          identity: "identified",
          userId: "u-1",
          anonymous: false,
          expired: false,
          expiresAt: now + 90_500,
        },
        lastResult: { action: "login", ok: true, message: "Logged in as u-1." },
        events: [{ atMs: now, event: "receivedUnreadMessageCount", data: { count: "1" } }],
      }),
      "http://127.0.0.1:8787",
      undefined,
      now,
      3,
    );
    expect(view.widget).toMatchObject({
      identityState: "loggedIn",
      userId: "u-1",
      anonymous: false,
      secondsLeft: 90,
      resultAction: "login",
      resultOk: true,
      resultText: "login: Logged in as u-1.",
      undelivered: 3,
    });
    expect(view.widget.statusLine).toContain("user u-1");
    expect(view.widget.events).toEqual(['00:00:00 receivedUnreadMessageCount {"count":"1"}']);
  });

  it("without a client: no identity, -1 seconds, the page's 'not created yet' line; never the secret or token", () => {
    const view = viewStateOf(state(), "", undefined, now);
    expect(view.widget).toMatchObject({
      identityState: "",
      userId: "",
      secondsLeft: -1,
      resultAction: "",
      undelivered: 0,
    });
    expect(view.widget.statusLine).toContain("not created yet");
    expect(view.widget.outbox).toEqual([]);
    expect(view.outbox).toBeUndefined();
    expect(JSON.stringify(view.widget)).not.toContain(SECRET);
    expect(JSON.stringify(view.widget)).not.toContain(JWT);
  });

  it("gives the outbox as lines: each key's fate in the page's words, a refused key with its reason", () => {
    const rows: OutboxRow[] = [
      { scope: "master", key: "last_name", fate: "retrying", attempts: 2, lastFailure: "network", atMs: now },
      { scope: "app", key: "app_version", fate: "queued", attempts: 0, atMs: now },
      { scope: "master", key: "first_name", fate: "sent", attempts: 1, batchId: "b1", atMs: now },
      {
        scope: "master",
        key: "custom_user_fields.nope",
        fate: "refused",
        attempts: 1,
        batchId: "b1",
        reason: "invalidData",
        atMs: now,
      },
    ];
    const outbox = { userId: "u-1", rows, pendingCount: 2 };
    const view = viewStateOf(state({ outbox }), "http://127.0.0.1:8787", undefined, now);
    expect(view.widget.outbox).toEqual([
      `master last_name: ${fateWords(rows[0]!)}`,
      `app app_version: ${fateWords(rows[1]!)}`,
      "master first_name: sent",
      "master custom_user_fields.nope: refused: invalidData",
    ]);
    expect(view.widget.outbox[0]).toContain("attempt 2 failed: network");
    // The tab's JSON carries the rows themselves too.
    expect(view.outbox).toEqual(outbox);
  });
});

describe("the tester's store scope", () => {
  it("differs per app id and per service, and is stable", () => {
    const a = storeScope("demo", "http://127.0.0.1:8787");
    expect(a).toMatch(/^demo~[0-9a-f]{12}:$/);
    expect(storeScope("demo", "http://127.0.0.1:8787")).toBe(a);
    expect(storeScope("demo", "http://127.0.0.1:8788")).not.toBe(a);
    expect(storeScope("demo2", "http://127.0.0.1:8787")).not.toBe(a);
    // The pair is hashed as a whole: moving text between app id and URL changes the scope.
    expect(storeScope("a", "bc").slice(-13)).not.toBe(storeScope("ab", "c").slice(-13));
  });

  it("keeps every file key within the bridge's 200 characters, even for long or odd app ids", () => {
    const longestCoreKey = "helpshift.sessionExpired";
    for (const appId of ["demo", "a".repeat(48), "a".repeat(49), "é".repeat(300), "x/../".repeat(100)]) {
      const key = storeFileKey(storeScope(appId, `http://example.com/${"p".repeat(2000)}`) + longestCoreKey);
      expect(key.length, appId.slice(0, 10)).toBeLessThanOrEqual(200);
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    // Readable up to 48 escaped characters, hashed beyond.
    expect(storeScope("a".repeat(48), "u").startsWith(`${"a".repeat(48)}~`)).toBe(true);
    expect(storeScope("a".repeat(49), "u").startsWith("app~")).toBe(true);
  });

  it("prefixes every key of the scoped store", () => {
    const backing = new Map<string, string>();
    const store = scopedStore(
      {
        get: (k) => backing.get(k),
        set: (k, v) => void backing.set(k, v),
        remove: (k) => void backing.delete(k),
      },
      "p:",
    );
    store.set("session", "1");
    expect([...backing.keys()]).toEqual(["p:session"]);
    expect(store.get("session")).toBe("1");
    store.remove("session");
    expect(backing.size).toBe(0);
  });
});
