import { describe, expect, it } from "vitest";
import { inspectLogin, LoginWarning, LoginWarningText } from "../../TypeScript/contract";
import { identity, tokenWith, unsignedToken } from "./helpers";

const NOW = 1_700_000_000;

describe("inspectLogin", () => {
  it("an empty JWT: ok, anonymous, no identifiers, no warnings", () => {
    expect(inspectLogin("", {}, NOW)).toEqual({ ok: true, anonymous: true, identifiers: [], warnings: [] });
  });

  it("lists identifiers in token order, skipping entries without a string identifier", () => {
    const jwt = tokenWith([identity("uid", "1"), { value: "x" }, identity("email", "a@b.c")]);
    expect(inspectLogin(jwt, {}, NOW)).toMatchObject({ ok: false, identifiers: ["uid", "email"], iatAgeSeconds: 0 });
  });

  it("no iatAgeSeconds when iat is not a number; no identifiers when identities is not an array", () => {
    const report = inspectLogin(unsignedToken({ identities: {}, iat: "x" }), {}, NOW);
    expect(report).toEqual({ ok: false, reason: "identityTokenInvalid", detail: "identitiesNotArray", warnings: [] });
  });

  it("full privacy without uid and without email is anonymous with no email warning", () => {
    const jwt = tokenWith([identity("steam_id", "1")]);
    expect(inspectLogin(jwt, { full_privacy_enabled: true }, NOW)).toMatchObject({
      ok: true,
      anonymous: true,
      warnings: [],
    });
  });

  it("each warning has words", () => {
    for (const code of Object.values(LoginWarning)) expect(LoginWarningText[code].length).toBeGreaterThan(20);
  });

  it("never carries the token", () => {
    const jwt = tokenWith([identity("uid", "")], { iat: NOW - 999_999 });
    const text = JSON.stringify(inspectLogin(jwt, {}, NOW));
    for (const part of jwt.split(".")) expect(text).not.toContain(part);
  });
});
