/**
 * The pure parts of the editor tester: the view state C++ displays (never the dev secret or a token) and the
 * store scope that keeps each (app id, service) pair's dev state apart in the tester's one folder.
 */
import { describe, expect, it } from "vitest";
import { makeRedactor, REDACTED } from "../../TypeScript/contract";
import { DEFAULT_FORM, type TesterState } from "../../TypeScript/tester/view-model";
import { storeFileKey } from "../../TypeScript/ue/adapters/store";
import { scopedStore, storeScope } from "../../TypeScript/ue/editor/store-scope";
import { renderViewState, viewStateOf } from "../../TypeScript/ue/editor/view-state";

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
