import { describe, expect, it } from "vitest";
import { checkLogin, ErrorValue, LoginFailureReason } from "../../TypeScript/contract";
import { entries, identity, tokenWith, unsignedToken } from "./helpers";

const R = LoginFailureReason;
const x = (n: number) => "x".repeat(n);
const tooManyConfig = entries(31);
const badConfig = { k: [] };
const malformed = "not.a.token!";
const noIat = unsignedToken({ identities: [identity("uid", "1")] });
const tooMany = tokenWith(Array.from({ length: 31 }, () => identity("email", "a@b.c")));
const badData = tokenWith([identity("phone_number", "")]);
const noUidOrEmail = tokenWith([identity("phone_number", "+1")]);

function reasonOf(jwt: string, config?: unknown) {
  const result = checkLogin(jwt, config);
  return result.ok ? "ok" : result.reason;
}

describe("checkLogin: contract check order, the first failing check wins", () => {
  it("config size before config entries before the token", () => {
    expect(reasonOf(malformed, { ...tooManyConfig })).toBe(R.loginConfigSizeLimitExceeded);
    expect(reasonOf(malformed, badConfig)).toBe(R.loginConfigInvalid);
  });

  it("token format before iat before identities count before identities data before uid/email", () => {
    expect(reasonOf(malformed)).toBe(R.identityTokenInvalid);
    expect(reasonOf(unsignedToken({ identities: Array(31).fill(identity("x", "")) }))).toBe(R.iatIsMandatory);
    expect(reasonOf(noIat)).toBe(R.iatIsMandatory);
    expect(reasonOf(tooMany)).toBe(R.identitiesSizeLimitExceeded);
    expect(reasonOf(badData)).toBe(R.identitiesDataInvalid);
    expect(reasonOf(noUidOrEmail)).toBe(R.uidOrEmailIsMandatory);
  });

  it("each step wins over every later one", () => {
    const steps: [string, unknown, string][] = [
      [malformed, tooManyConfig, R.loginConfigSizeLimitExceeded],
      [malformed, badConfig, R.loginConfigInvalid],
      [malformed, undefined, R.identityTokenInvalid],
      [noIat, undefined, R.iatIsMandatory],
      [tooMany, undefined, R.identitiesSizeLimitExceeded],
      [badData, undefined, R.identitiesDataInvalid],
      [noUidOrEmail, undefined, R.uidOrEmailIsMandatory],
    ];
    for (const [jwt, config, expected] of steps) expect(reasonOf(jwt, config)).toBe(expected);
  });

  it("identitiesDataInvalid carries the errors; other reasons carry none", () => {
    expect(checkLogin(badData, {})).toEqual({
      ok: false,
      reason: R.identitiesDataInvalid,
      errors: { phone_number: ErrorValue.emptyData },
    });
    expect(checkLogin(noUidOrEmail, {})).toEqual({ ok: false, reason: R.uidOrEmailIsMandatory });
    expect(checkLogin(tooMany, {})).toEqual({ ok: false, reason: R.identitiesSizeLimitExceeded });
  });

  it("a non-string token is identityTokenInvalid", () => {
    expect(reasonOf(42 as unknown as string)).toBe(R.identityTokenInvalid);
  });
});

describe("checkLogin: who logs in", () => {
  const uid = tokenWith([identity("uid", "u-1"), identity("email", "a@b.c")]);
  const email = tokenWith([identity("email", "a@b.c")]);

  it("empty JWT is an anonymous login, whatever the privacy flag", () => {
    expect(checkLogin("", {})).toEqual({ ok: true, mode: "anonymous", fullPrivacy: false, config: {}, identities: [] });
    expect(checkLogin("", { full_privacy_enabled: true })).toMatchObject({ ok: true, mode: "anonymous" });
  });

  it("an empty JWT still has its config checked", () => {
    expect(reasonOf("", { [x(256)]: 1 })).toBe(R.loginConfigInvalid);
  });

  it("uid identifies the user with or without full privacy", () => {
    expect(checkLogin(uid, {})).toMatchObject({ ok: true, mode: "uid", iat: 1_700_000_000 });
    expect(checkLogin(uid, { full_privacy_enabled: "TRUE" })).toMatchObject({
      ok: true,
      mode: "uid",
      fullPrivacy: true,
    });
  });

  it("email alone: identified without full privacy, anonymous with it", () => {
    expect(checkLogin(email, {})).toMatchObject({ ok: true, mode: "email" });
    expect(checkLogin(email, { full_privacy_enabled: true })).toMatchObject({ ok: true, mode: "privateAnonymous" });
  });

  it("full privacy makes no identity mandatory; 'yes' and 1 do not enable it", () => {
    expect(checkLogin(noUidOrEmail, { full_privacy_enabled: "true" })).toMatchObject({
      ok: true,
      mode: "privateAnonymous",
    });
    expect(reasonOf(noUidOrEmail, { full_privacy_enabled: "yes" })).toBe(R.uidOrEmailIsMandatory);
    expect(reasonOf(noUidOrEmail, { full_privacy_enabled: 1 })).toBe(R.uidOrEmailIsMandatory);
    expect(checkLogin(tokenWith([]), { full_privacy_enabled: true })).toMatchObject({ ok: true, identities: [] });
  });
});

describe("checkLogin: any mix of defects reports the first in the contract's order", () => {
  const order = [
    "configTooMany",
    "configBad",
    "tokenMalformed",
    "noIat",
    "tooManyIdentities",
    "badData",
    "noUidOrEmail",
  ] as const;
  const expectedReason: Record<(typeof order)[number], string> = {
    configTooMany: R.loginConfigSizeLimitExceeded,
    configBad: R.loginConfigInvalid,
    tokenMalformed: R.identityTokenInvalid,
    noIat: R.iatIsMandatory,
    tooManyIdentities: R.identitiesSizeLimitExceeded,
    badData: R.identitiesDataInvalid,
    noUidOrEmail: R.uidOrEmailIsMandatory,
  };

  it("holds for every one of the 128 combinations", () => {
    for (let mask = 0; mask < 1 << order.length; mask++) {
      const has = (d: (typeof order)[number]) => (mask & (1 << order.indexOf(d))) !== 0;
      const config: Record<string, unknown> = has("configTooMany") ? { ...entries(31) } : {};
      if (has("configBad")) config.bad = [];
      const first = has("noUidOrEmail") ? identity("phone_number", "+1") : identity("uid", "u");
      let list: unknown[] = [first];
      if (has("badData")) list.push(identity("steam_id", ""));
      if (has("tooManyIdentities")) list = [...list, ...Array.from({ length: 31 }, () => identity("psn_id", "p"))];
      const payload: Record<string, unknown> = { identities: list };
      if (!has("noIat")) payload.iat = 1_700_000_000;
      const jwt = has("tokenMalformed") ? "not-a-jwt" : unsignedToken(payload);
      const firstDefect = order.find(has);
      expect([mask, reasonOf(jwt, config)]).toEqual([mask, firstDefect ? expectedReason[firstDefect] : "ok"]);
    }
  });
});
