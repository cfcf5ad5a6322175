import { describe, expect, it } from "vitest";
import { describeFailure, inspectLogin } from "../../TypeScript/contract";
import type { TesterState } from "../../TypeScript/tester/view-model";
import { DEFAULT_FORM } from "../../TypeScript/tester/view-model";
import { clientText, eventText, inspectionText, resultText } from "../../TypeScript/tester/web/render";
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
    expect(clientText(base)).toMatch(/not created yet/);
    expect(
      clientText({
        ...base,
        client: {
          initialized: true,
          status: "loggedIn",
          userId: "hsft_anon_x",
          anonymous: true,
          expiresAt: 0,
          expired: true,
        },
      }),
    ).toBe("Client: loggedIn · user hsft_anon_x (anonymous) · session expired");
    expect(
      eventText({ atMs: Date.UTC(2026, 0, 1, 12, 34, 56), event: "identitiesDataInvalid", data: { uid: "emptyData" } }),
    ).toBe('12:34:56 identitiesDataInvalid {"uid":"emptyData"}');
    expect(eventText({ atMs: 0, event: "userSessionExpired", data: {} })).toBe("00:00:00 userSessionExpired");
  });
});
