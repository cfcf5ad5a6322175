/**
 * Every length limit counts UTF-16 code units, as the vendor's SDKs count characters (Java/Kotlin, Objective-C,
 * Unreal's FString): an astral character such as 🎮 is two. Each limit is tested at N and N+1 with astral
 * characters, and with an odd limit one astral character short of it.
 */
import { describe, expect, it } from "vitest";
import {
  CUSTOM_USER_FIELDS_KEY,
  customFieldErrorKey,
  ErrorValue,
  Limits,
  LoginFailureReason,
  validateAppAttributes,
  validateIdentityToken,
  validateLoginConfig,
  validateMasterAttributes,
} from "../../TypeScript/contract";
import { identity, tokenWith } from "./helpers";

const E = ErrorValue;
const ASTRAL = "🎮";

/** A string of exactly `units` UTF-16 code units, astral characters first, an ASCII "a" if `units` is odd. */
function units(count: number): string {
  const text = ASTRAL.repeat(Math.floor(count / 2)) + (count % 2 === 1 ? "a" : "");
  expect(text.length).toBe(count);
  return text;
}

function identityErrors(identities: unknown[]) {
  const result = validateIdentityToken(tokenWith(identities));
  return result.ok ? {} : result.errors;
}

describe("UTF-16 code units at every limit", () => {
  it("an astral character is two units, and code points are not what is counted", () => {
    expect(ASTRAL.length).toBe(2);
    expect([...units(Limits.tagLength)].length).toBe(Limits.tagLength / 2);
  });

  it("identity value 300, uid 750", () => {
    expect(identityErrors([identity("email", units(Limits.identityValueLength))])).toEqual({});
    expect(identityErrors([identity("email", units(Limits.identityValueLength + 1))])).toEqual({
      email: E.exceededValueLengthLimit,
    });
    expect(identityErrors([identity("uid", units(Limits.uidValueLength))])).toEqual({});
    expect(identityErrors([identity("uid", `${ASTRAL.repeat(Limits.uidValueLength / 2)}${ASTRAL}`)])).toEqual({
      uid: E.exceededValueLengthLimit,
    });
  });

  it("metadata key 255 (127 astral + 1 passes, 128 astral fail), metadata value 300", () => {
    const key = ASTRAL.repeat(127);
    expect(identityErrors([identity("uid", "1", { [units(Limits.keyLength)]: "v" })])).toEqual({});
    expect(identityErrors([identity("uid", "1", { [`${key}${ASTRAL}`]: "v" })])).toEqual({
      [`${key}${ASTRAL}`]: E.metadataExceededKeyLengthLimit,
    });
    expect(identityErrors([identity("uid", "1", { k: units(Limits.metadataValueLength) })])).toEqual({});
    expect(identityErrors([identity("uid", "1", { k: units(Limits.metadataValueLength + 1) })])).toEqual({
      k: E.metadataExceededValueLengthLimit,
    });
  });

  it("login config key 255 and string value 300", () => {
    expect(validateLoginConfig({ [units(Limits.keyLength)]: units(Limits.configValueLength) }).ok).toBe(true);
    expect(validateLoginConfig({ [`${ASTRAL.repeat(128)}`]: "v", k: units(Limits.configValueLength + 1) })).toEqual({
      ok: false,
      reason: LoginFailureReason.loginConfigInvalid,
      errors: { [ASTRAL.repeat(128)]: E.exceededKeyLengthLimit, k: E.exceededValueLengthLimit },
    });
  });

  it("attribute string 255, tag 100, custom field 255 and multiline 100000, field name 255", () => {
    expect(validateMasterAttributes({ first_name: units(Limits.customFieldValueLength) }).errors).toEqual({});
    expect(validateMasterAttributes({ first_name: units(Limits.customFieldValueLength + 1) }).errors).toEqual({
      first_name: E.exceededValueLengthLimit,
    });
    expect(validateMasterAttributes({ new_tags: [units(Limits.tagLength)] }).errors).toEqual({});
    expect(validateMasterAttributes({ new_tags: [units(Limits.tagLength + 1)] }).errors).toEqual({
      new_tags: E.exceededValueLengthLimit,
    });
    const rules = { multilineCustomFields: ["bio"] };
    const fields = (bio: string, guild: string) => ({ [CUSTOM_USER_FIELDS_KEY]: { bio, guild } });
    expect(
      validateAppAttributes(
        fields(units(Limits.multilineCustomFieldValueLength), units(Limits.customFieldValueLength)),
        rules,
      ).errors,
    ).toEqual({});
    expect(
      validateAppAttributes(
        fields(units(Limits.multilineCustomFieldValueLength + 1), units(Limits.customFieldValueLength + 1)),
        rules,
      ).errors,
    ).toEqual({
      [customFieldErrorKey("bio")]: E.exceededValueLengthLimit,
      [customFieldErrorKey("guild")]: E.exceededValueLengthLimit,
    });
    const longName = ASTRAL.repeat(128);
    expect(validateMasterAttributes({ [CUSTOM_USER_FIELDS_KEY]: { [units(255)]: "v" } }).errors).toEqual({});
    expect(validateMasterAttributes({ [CUSTOM_USER_FIELDS_KEY]: { [longName]: "v" } }).errors).toEqual({
      [customFieldErrorKey(longName)]: E.exceededKeyLengthLimit,
    });
  });

  it("attribute key 255 and app_version 10", () => {
    expect(validateMasterAttributes({ [units(Limits.keyLength)]: "v" }).errors).toEqual({
      [units(Limits.keyLength)]: E.invalidData,
    });
    expect(validateMasterAttributes({ [ASTRAL.repeat(128)]: "v" }).errors).toEqual({
      [ASTRAL.repeat(128)]: E.exceededKeyLengthLimit,
    });
    expect(validateAppAttributes({ app_version: units(Limits.appVersionLength) }).errors).toEqual({});
    expect(validateAppAttributes({ app_version: units(Limits.appVersionLength + 1) }).errors).toEqual({
      app_version: E.exceededValueLengthLimit,
    });
  });

  it("a lone surrogate is one unit like any other (no normalisation, nothing dropped)", () => {
    const lone = "\ud83c".repeat(Limits.tagLength);
    expect(validateMasterAttributes({ new_tags: [lone] }).accepted).toEqual({ new_tags: [lone] });
    expect(validateMasterAttributes({ new_tags: [`${lone}a`] }).errors).toEqual({
      new_tags: E.exceededValueLengthLimit,
    });
  });
});
