import { describe, expect, it } from "vitest";
import {
  ErrorValue,
  isFullPrivacyEnabled,
  Limits,
  LoginConfigKey,
  LoginFailureReason,
  validateLoginConfig,
} from "../../TypeScript/contract";
import { entries } from "./helpers";

const E = ErrorValue;
const x = (n: number) => "x".repeat(n);

function errorsOf(config: unknown) {
  const result = validateLoginConfig(config);
  if (result.ok) throw new Error("expected a failure");
  expect(result.reason).toBe(LoginFailureReason.loginConfigInvalid);
  return result.errors;
}

describe("login config", () => {
  it("accepts String, Bool and numeric values", () => {
    const config = { a: "s", b: true, c: false, d: 0, e: -1.5, f: "" };
    expect(validateLoginConfig(config)).toEqual({ ok: true, config, fullPrivacy: false });
  });

  it("treats undefined and null as an empty config", () => {
    expect(validateLoginConfig(undefined)).toEqual({ ok: true, config: {}, fullPrivacy: false });
    expect(validateLoginConfig(null)).toEqual({ ok: true, config: {}, fullPrivacy: false });
  });

  it("30 entries pass, 31 are loginConfigSizeLimitExceeded (checked before the entries)", () => {
    expect(validateLoginConfig(entries(Limits.collectionSize)).ok).toBe(true);
    expect(validateLoginConfig(entries(31))).toEqual({
      ok: false,
      reason: LoginFailureReason.loginConfigSizeLimitExceeded,
    });
    expect(validateLoginConfig(entries(31, null))).toEqual({
      ok: false,
      reason: LoginFailureReason.loginConfigSizeLimitExceeded,
    });
  });

  it("key 255 passes, 256 is exceededKeyLengthLimit", () => {
    expect(validateLoginConfig({ [x(Limits.keyLength)]: "v" }).ok).toBe(true);
    expect(errorsOf({ [x(256)]: "v" })).toEqual({ [x(256)]: E.exceededKeyLengthLimit });
  });

  it("string value 300 passes, 301 is exceededValueLengthLimit", () => {
    expect(validateLoginConfig({ k: x(Limits.configValueLength) }).ok).toBe(true);
    expect(errorsOf({ k: x(301) })).toEqual({ k: E.exceededValueLengthLimit });
  });

  it("empty key is emptyData", () => {
    expect(errorsOf({ "": "v" })).toEqual({ "": E.emptyData });
  });

  it.each([
    ["array", [1]],
    ["map", { a: 1 }],
    ["null", null],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["undefined", undefined],
  ])("value %s is invalidValueType", (_n, value) => {
    expect(errorsOf({ k: value })).toEqual({ k: E.invalidValueType });
  });

  it("a config that is not a map is loginConfigInvalid without errors", () => {
    expect(validateLoginConfig([1, 2])).toEqual({ ok: false, reason: LoginFailureReason.loginConfigInvalid });
    expect(validateLoginConfig("full_privacy_enabled")).toEqual({
      ok: false,
      reason: LoginFailureReason.loginConfigInvalid,
    });
  });

  it("reports every offending key at once", () => {
    expect(errorsOf({ ok: "v", "": 1, [x(256)]: 1, long: x(301), arr: [], full_privacy_enabled: true })).toEqual({
      "": E.emptyData,
      [x(256)]: E.exceededKeyLengthLimit,
      long: E.exceededValueLengthLimit,
      arr: E.invalidValueType,
    });
  });

  it("keeps a key named __proto__ in its errors", () => {
    expect(errorsOf(JSON.parse('{"__proto__": []}'))).toEqual(JSON.parse('{"__proto__": "invalidValueType"}'));
  });
});

describe("full privacy", () => {
  it.each([
    [true, true],
    ["true", true],
    ["TRUE", true],
    ["True", true],
    [false, false],
    ["false", false],
    ["yes", false],
    ["1", false],
    [1, false],
    [0, false],
    ["", false],
    [" true", false],
  ])("full_privacy_enabled %j → %s", (value, expected) => {
    const config = { [LoginConfigKey.fullPrivacyEnabled]: value };
    expect(isFullPrivacyEnabled(config)).toBe(expected);
    expect(validateLoginConfig(config)).toMatchObject({ ok: true, fullPrivacy: expected });
  });

  it("absent is false", () => {
    expect(isFullPrivacyEnabled({})).toBe(false);
    expect(validateLoginConfig({ other: true })).toMatchObject({ ok: true, fullPrivacy: false });
  });
});
