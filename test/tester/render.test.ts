import { describe, expect, it } from "vitest";
import { describeFailure, inspectLogin } from "../../TypeScript/contract";
import type { ClientState } from "../../TypeScript/core/api";
import { durationWords } from "../../TypeScript/tester/identity-view";
import type { TesterState } from "../../TypeScript/tester/view-model";
import { DEFAULT_FORM, STATE_EVENT } from "../../TypeScript/tester/view-model";
import { clientText, clockText, eventText, inspectionText, resultText } from "../../TypeScript/tester/web/render";
import { identity, tokenWith } from "../contract/helpers";

const base: TesterState = { form: DEFAULT_FORM, events: [] };

describe("tester page texts", () => {
  it("inspection: OK, failure in words with detail, warnings, form error first", () => {
    const ok = inspectLogin(tokenWith([identity("uid", "1")]), {}, 1_700_000_000);
    expect(inspectionText({ ...base, inspection: ok })).toBe(
      "OK: passes the client checks.\nIdentifiers: uid\niat age: 0 s",
    );
    const bad = inspectLogin("x.y", {}, 0);
    expect(inspectionText({ ...base, inspection: bad })).toBe(
      [...describeFailure("identityTokenInvalid"), "Detail: malformedToken"].join("\n"),
    );
    const old = inspectLogin(tokenWith([identity("uid", "1")]), {}, 1_800_000_000);
    expect(inspectionText({ ...base, inspection: old })).toContain("Warning (iatTooOld)");
    expect(inspectionText({ ...base, inspection: ok, formError: "The login config is not valid JSON." })).toBe(
      "The login config is not valid JSON.",
    );
    expect(inspectionText(base)).toBe("");
  });

  it("result: busy, success, a failure reason in words, other failures", () => {
    expect(resultText({ ...base, busy: "login" })).toBe("login…");
    expect(resultText({ ...base, lastResult: { action: "logout", ok: true, message: "Logged out." } })).toBe(
      "logout: Logged out.",
    );
    const failed = resultText({
      ...base,
      lastResult: {
        action: "login",
        ok: false,
        reason: "identityTokenInvalid",
        detail: "signatureInvalid",
        message: "m",
      },
    });
    expect(failed.split("\n")).toEqual([
      "login failed",
      ...describeFailure("identityTokenInvalid"),
      "Detail: signatureInvalid",
    ]);
    expect(resultText({ ...base, lastResult: { action: "mint", ok: false, message: "Enter the secret." } })).toBe(
      "mint failed: Enter the secret.",
    );
  });

  it("client and events", () => {
    expect(clientText(base, 0)).toMatch(/not created yet/);
    expect(
      clientText(
        {
          ...base,
          client: {
            initialized: true,
            status: "loggedIn",
            userId: "hsft_anon_x",
            anonymous: true,
            expiresAt: 0,
            expired: true,
          },
        },
        1000,
      ),
    ).toBe(
      "Client: logged in (anonymous) · user hsft_anon_x · session past its expiry · until 1970-01-01T00:00:00.000Z · session expired",
    );
    expect(
      eventText({ atMs: Date.UTC(2026, 0, 1, 12, 34, 56), event: "identitiesDataInvalid", data: { uid: "emptyData" } }),
    ).toBe('12:34:56 identitiesDataInvalid {"uid":"emptyData"}');
    expect(eventText({ atMs: 0, event: "userSessionExpired", data: {} })).toBe("00:00:00 userSessionExpired");
    // The tester's own lines say their words.
    expect(
      eventText({ atMs: 0, event: STATE_EVENT, data: { state: "refreshing" }, note: "session refresh started" }),
    ).toBe("00:00:00 session refresh started");
  });

  it("the state line: every identity state in words, the user, the time left on the trusted expiry", () => {
    const at = Date.UTC(2027, 0, 15, 8, 0, 0);
    const session = { initialized: true, userId: "u1", anonymous: false, expiresAt: at + 118_500, expired: false };
    const line = (client: ClientState) => clientText({ ...base, client }, at);
    expect(line({ initialized: false, status: "loggedOut", expired: false, state: "notInitialized" })).toBe(
      "Client: not initialized",
    );
    expect(line({ initialized: true, status: "loggedOut", expired: false, state: "loggedOut" })).toBe(
      "Client: logged out",
    );
    expect(line({ initialized: true, status: "loggingIn", expired: false, state: "loggingIn" })).toBe(
      "Client: logging in",
    );
    expect(line({ ...session, status: "loggedIn", state: "loggedIn", identity: "identified" })).toBe(
      "Client: logged in (identified) · user u1 · session left 1 min 58 s · until 2027-01-15T08:01:58.500Z",
    );
    expect(line({ ...session, status: "loggedIn", state: "refreshing", refreshReason: "refresh" })).toMatch(
      /^Client: refreshing \(ahead of expiry\) · user u1 · session left 1 min 58 s/,
    );
    expect(
      line({ ...session, expiresAt: at - 1, status: "loggedIn", state: "refreshing", refreshReason: "expired" }),
    ).toMatch(/^Client: refreshing \(session expired\) · user u1 · session past its expiry · until /);
    expect(line({ initialized: true, status: "loggedOut", expired: true, state: "expired" })).toBe(
      "Client: expired (log in again)",
    );
    // A snapshot without `state` (older fakes) still reads right.
    expect(line({ initialized: true, status: "loggedIn", userId: "u2", anonymous: true, expired: false })).toBe(
      "Client: logged in (anonymous) · user u2",
    );
    expect(durationWords(3 * 86_400_000 + 3_600_000)).toBe("3 d 1 h");
    expect(durationWords(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 05 min");
  });

  it("the clock line: the service's clock against this device's", () => {
    expect(clockText(base)).toMatch(/^Clock: no answer from the service yet/);
    const at = Date.UTC(2027, 0, 15, 8, 0, 0);
    expect(clockText({ ...base, serviceClock: { skewMs: 40, atMs: at } })).toBe(
      "Clock: service clock in step with this device (±0.1 s) (measured 08:00:00); the client decides expiry on the service's time.",
    );
    expect(clockText({ ...base, serviceClock: { skewMs: 600_000, atMs: at } })).toMatch(
      /^Clock: service clock 10 min 0 s ahead of this device/,
    );
    expect(clockText({ ...base, serviceClock: { skewMs: -1_250, atMs: at } })).toMatch(
      /^Clock: service clock 1\.3 s behind this device/,
    );
  });
});
