import { describe, expect, it } from "vitest";
import {
  APP_ATTRIBUTES,
  CUSTOM_USER_FIELDS_KEY,
  customFieldErrorKey,
  ErrorValue,
  Limits,
  MASTER_ATTRIBUTES,
  PAYING_SEGMENTS,
  TagKey,
  validateAppAttributes,
  validateMasterAttributes,
} from "../../TypeScript/contract";
import { entries } from "./helpers";

const E = ErrorValue;
const x = (n: number) => "x".repeat(n);

/** A value that fits each kind. */
const goodValue = {
  string: "Ada",
  integerString: "-42",
  ageString: "36",
  wholeNumberString: "12",
  decimalString: "19.99",
  epochSecondsString: "1700000000",
  booleanString: "true",
  versionString: "1.4.0",
  payingSegmentString: "high_paying",
  stringList: ["vip", "beta"],
  stringMap: { guild: "red" },
} as const;

describe("master and app attribute keys", () => {
  it("the master keys and their kinds are the contract's", () => {
    expect(MASTER_ATTRIBUTES).toEqual({
      first_name: "string",
      last_name: "string",
      display_name: "string",
      full_name: "string",
      last_country: "string",
      last_city: "string",
      age: "ageString",
      lifetime_value: "integerString",
      user_persona: "string",
      user_vip_segment: "string",
      user_support_status: "string",
      last_active_date: "epochSecondsString",
      accepted_t_and_c: "booleanString",
      preferred_language: "string",
      new_tags: "stringList",
      tags_to_remove: "stringList",
      reset_tags: "stringList",
      custom_user_fields: "stringMap",
    });
  });

  it("the app keys are the original sixteen plus the vendor's eight, with the vendor's value rules", () => {
    expect(Object.keys(APP_ATTRIBUTES)).toHaveLength(24);
    expect(Object.fromEntries(Object.entries(APP_ATTRIBUTES).filter(([, kind]) => kind !== "string"))).toEqual({
      app_version: "versionString",
      user_paying_segment: "payingSegmentString",
      accepted_t_and_c: "booleanString",
      custom_user_fields: "stringMap",
      count_transactions_90d: "wholeNumberString",
      count_transactions_lifetime: "wholeNumberString",
      count_refunds_90d: "wholeNumberString",
      last_90d_spend: "decimalString",
      last_purchase_date: "epochSecondsString",
      last_login_date: "epochSecondsString",
    });
    expect(Object.entries(APP_ATTRIBUTES).filter(([, kind]) => kind === "string")).toHaveLength(14);
  });

  it.each(Object.entries(MASTER_ATTRIBUTES))("master %s (%s) accepts a fitting value", (key, kind) => {
    const value = goodValue[kind];
    expect(validateMasterAttributes({ [key]: value })).toEqual({ accepted: { [key]: value }, errors: {} });
  });

  it.each(Object.entries(APP_ATTRIBUTES))("app %s (%s) accepts a fitting value", (key, kind) => {
    const value = goodValue[kind];
    expect(validateAppAttributes({ [key]: value })).toEqual({ accepted: { [key]: value }, errors: {} });
  });

  it.each(Object.entries(MASTER_ATTRIBUTES))("master %s (%s) ignores a wrong type", (key) => {
    expect(validateMasterAttributes({ [key]: 42 })).toEqual({ accepted: {}, errors: { [key]: E.invalidValueType } });
  });

  it.each(Object.entries(APP_ATTRIBUTES))("app %s (%s) ignores a wrong type", (key) => {
    expect(validateAppAttributes({ [key]: true })).toEqual({ accepted: {}, errors: { [key]: E.invalidValueType } });
  });

  it("an app key is not a master key and the reverse (invalidData)", () => {
    expect(validateMasterAttributes({ app_version: "1" }).errors).toEqual({ app_version: E.invalidData });
    expect(validateAppAttributes({ first_name: "A" }).errors).toEqual({ first_name: E.invalidData });
    expect(validateAppAttributes({ age: "3" }).errors).toEqual({ age: E.invalidData });
  });

  it("unsupported keys are invalidData, supported ones are still accepted", () => {
    expect(validateMasterAttributes({ nickname: "x", first_name: "A", toString: "x", __proto__x: "y" })).toEqual({
      accepted: { first_name: "A" },
      errors: { nickname: E.invalidData, toString: E.invalidData, __proto__x: E.invalidData },
    });
  });

  it("attribute key 255 is checked as a key (unsupported), 256 is too long", () => {
    expect(validateMasterAttributes({ [x(255)]: "v" }).errors).toEqual({ [x(255)]: E.invalidData });
    expect(validateMasterAttributes({ [x(256)]: "v" }).errors).toEqual({ [x(256)]: E.exceededKeyLengthLimit });
  });

  it("a map that is not a map is {'': invalidData}", () => {
    expect(validateMasterAttributes(["a"])).toEqual({ accepted: {}, errors: { "": E.invalidData } });
    expect(validateAppAttributes(null)).toEqual({ accepted: {}, errors: { "": E.invalidData } });
  });
});

describe("attribute value kinds", () => {
  it.each([
    ["age", "12", true],
    ["age", "1.5", false],
    ["age", "abc", false],
    ["age", "", false],
    ["age", " 12", false],
    ["lifetime_value", "1000", true],
    ["lifetime_value", "10e3", false],
    ["last_active_date", "1700000000", true],
    ["last_active_date", "-1", false],
    ["last_active_date", "2026-11-24", false],
    ["accepted_t_and_c", "true", true],
    ["accepted_t_and_c", "false", true],
    ["accepted_t_and_c", "TRUE", false],
    ["accepted_t_and_c", "yes", false],
  ])("master %s = %j accepted: %s", (key, value, ok) => {
    const result = validateMasterAttributes({ [key]: value });
    expect(result.errors).toEqual(ok ? {} : { [key]: E.invalidValueType });
  });

  it("age: 0 < age < 150, so 1 and 149 pass; 0, 150 and negatives are invalidData (an integer, not a valid age)", () => {
    for (const ok of ["1", "149", String(Limits.ageMax), "36", "0149"]) {
      expect(validateMasterAttributes({ age: ok })).toEqual({ accepted: { age: ok }, errors: {} });
    }
    for (const bad of ["0", "150", String(Limits.ageMax + 1), "-3", "-0", "99999999999999999999"]) {
      expect(validateMasterAttributes({ age: bad, first_name: "A" })).toEqual({
        accepted: { first_name: "A" },
        errors: { age: E.invalidData },
      });
    }
  });

  it("app_version: 10 characters pass, 11 are exceededValueLengthLimit", () => {
    expect(validateAppAttributes({ app_version: x(Limits.appVersionLength) }).errors).toEqual({});
    expect(validateAppAttributes({ app_version: x(11), os_version: "17" })).toEqual({
      accepted: { os_version: "17" },
      errors: { app_version: E.exceededValueLengthLimit },
    });
  });

  it("app_version counts UTF-16 code units: 5 astral characters are 10 and pass, 5 and one more fail", () => {
    expect(validateAppAttributes({ app_version: "🎮".repeat(5) }).errors).toEqual({});
    expect(validateAppAttributes({ app_version: `${"🎮".repeat(5)}1` }).errors).toEqual({
      app_version: E.exceededValueLengthLimit,
    });
  });

  it.each(PAYING_SEGMENTS.map((s) => [s]))("user_paying_segment %s passes", (segment) => {
    expect(validateAppAttributes({ user_paying_segment: segment }).errors).toEqual({});
  });

  it.each([["paying"], ["HIGH_PAYING"], ["high_paying "], [""]])("user_paying_segment %j is invalidData", (bad) => {
    expect(validateAppAttributes({ user_paying_segment: bad })).toEqual({
      accepted: {},
      errors: { user_paying_segment: E.invalidData },
    });
  });

  it("the paying segments are the vendor's four", () => {
    expect([...PAYING_SEGMENTS]).toEqual(["low_paying", "medium_paying", "high_paying", "non_paying"]);
  });

  it.each([
    ["count_transactions_90d", "0", true],
    ["count_transactions_lifetime", "1234", true],
    ["count_refunds_90d", "3", true],
    ["count_refunds_90d", "-1", false],
    ["count_transactions_90d", "1.0", false],
    ["count_transactions_90d", "3e2", false],
    ["count_transactions_lifetime", "", false],
    ["last_90d_spend", "19.99", true],
    ["last_90d_spend", "0", true],
    ["last_90d_spend", "-5.5", true],
    ["last_90d_spend", "12.", false],
    ["last_90d_spend", ".5", false],
    ["last_90d_spend", "1,5", false],
    ["last_90d_spend", "$5", false],
    ["last_purchase_date", "1700000000", true],
    ["last_purchase_date", "2026-01-01", false],
    ["last_login_date", "1700000000", true],
    ["last_login_date", "-1", false],
    ["last_login_date", "1.7e9", false],
    ["accepted_t_and_c", "false", true],
    ["accepted_t_and_c", "True", false],
    ["user_level", "anything goes", true],
    ["iap_views_since_last_purchase", "several", true],
  ])("app %s = %j accepted: %s (else invalidValueType)", (key, value, ok) => {
    expect(validateAppAttributes({ [key]: value }).errors).toEqual(ok ? {} : { [key]: E.invalidValueType });
  });

  it("a rule's string still has the 255 limit first", () => {
    expect(validateAppAttributes({ count_refunds_90d: "9".repeat(256) }).errors).toEqual({
      count_refunds_90d: E.exceededValueLengthLimit,
    });
    expect(validateAppAttributes({ count_refunds_90d: "9".repeat(255) }).errors).toEqual({});
  });

  it("app lifetime_value is a plain string (no integer rule)", () => {
    expect(validateAppAttributes({ lifetime_value: "lots" }).errors).toEqual({});
  });

  it("a plain string value of 255 passes, 256 is ignored as exceededValueLengthLimit", () => {
    expect(validateMasterAttributes({ first_name: x(Limits.customFieldValueLength) }).errors).toEqual({});
    expect(validateMasterAttributes({ first_name: x(256) })).toEqual({
      accepted: {},
      errors: { first_name: E.exceededValueLengthLimit },
    });
  });
});

describe("tags", () => {
  it.each(Object.values(TagKey))("%s: tag 100 passes, 101 fails", (key) => {
    expect(validateMasterAttributes({ [key]: [x(Limits.tagLength)] }).errors).toEqual({});
    expect(validateMasterAttributes({ [key]: [x(101)] }).errors).toEqual({ [key]: E.exceededValueLengthLimit });
  });

  it("30 tags pass, 31 are exceededCountLimit", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
    expect(validateMasterAttributes({ new_tags: tags(30) }).accepted).toEqual({ new_tags: tags(30) });
    expect(validateMasterAttributes({ new_tags: tags(31) }).errors).toEqual({ new_tags: E.exceededCountLimit });
  });

  it("an empty tag is emptyData, a non-string tag invalidValueType; one bad tag drops the list", () => {
    expect(validateMasterAttributes({ new_tags: ["a", ""] })).toEqual({
      accepted: {},
      errors: { new_tags: E.emptyData },
    });
    expect(validateMasterAttributes({ reset_tags: ["a", 1] }).errors).toEqual({ reset_tags: E.invalidValueType });
    expect(validateMasterAttributes({ tags_to_remove: "a" }).errors).toEqual({ tags_to_remove: E.invalidValueType });
  });

  it("an empty list is accepted (e.g. reset to no tags) and copied", () => {
    const list = ["a"];
    const result = validateMasterAttributes({ reset_tags: [], new_tags: list });
    expect(result.accepted).toEqual({ reset_tags: [], new_tags: ["a"] });
    expect(result.accepted.new_tags).not.toBe(list);
  });
});

describe("custom user fields", () => {
  const key = CUSTOM_USER_FIELDS_KEY;
  const cuf = (fields: unknown, rules?: { multilineCustomFields: string[] }) =>
    validateMasterAttributes({ [key]: fields }, rules);

  it("field value 255 passes, 256 is exceededValueLengthLimit on custom_user_fields.<field>", () => {
    expect(cuf({ bio: x(255) }).accepted).toEqual({ [key]: { bio: x(255) } });
    expect(cuf({ bio: x(256), ok: "y" })).toEqual({
      accepted: { [key]: { ok: "y" } },
      errors: { [customFieldErrorKey("bio")]: E.exceededValueLengthLimit },
    });
    expect(customFieldErrorKey("bio")).toBe("custom_user_fields.bio");
  });

  it("a multiline field allows 100000, not 100001", () => {
    const rules = { multilineCustomFields: ["bio"] };
    expect(cuf({ bio: x(Limits.multilineCustomFieldValueLength) }, rules).errors).toEqual({});
    expect(cuf({ bio: x(100_001) }, rules).errors).toEqual({ "custom_user_fields.bio": E.exceededValueLengthLimit });
    expect(cuf({ other: x(256) }, rules).errors).toEqual({ "custom_user_fields.other": E.exceededValueLengthLimit });
  });

  it("field name 255 passes, 256 is exceededKeyLengthLimit; empty name is emptyData", () => {
    expect(cuf({ [x(255)]: "v" }).errors).toEqual({});
    expect(cuf({ [x(256)]: "v" }).errors).toEqual({ [customFieldErrorKey(x(256))]: E.exceededKeyLengthLimit });
    expect(cuf({ "": "v" }).errors).toEqual({ "custom_user_fields.": E.emptyData });
  });

  it("30 fields pass, 31 are exceededCountLimit", () => {
    expect(cuf(entries(30)).accepted).toEqual({ [key]: entries(30) });
    expect(cuf(entries(31))).toEqual({ accepted: {}, errors: { [key]: E.exceededCountLimit } });
  });

  it("a non-string field value is invalidValueType; a non-map is invalidValueType on the key", () => {
    expect(cuf({ level: 3 }).errors).toEqual({ "custom_user_fields.level": E.invalidValueType });
    expect(cuf(["a"]).errors).toEqual({ [key]: E.invalidValueType });
    expect(validateAppAttributes({ [key]: "x" }).errors).toEqual({ [key]: E.invalidValueType });
  });

  it("keeps a field named __proto__ as data", () => {
    const result = validateMasterAttributes(JSON.parse('{"custom_user_fields": {"__proto__": "v"}}'));
    expect(Object.keys(result.accepted[key] as object)).toEqual(["__proto__"]);
  });

  it("non-ASCII field values are kept intact", () => {
    expect(cuf({ name: "Zoë 🎮 山田" }).accepted).toEqual({ [key]: { name: "Zoë 🎮 山田" } });
  });

  it("reaches every attribute error value", () => {
    const reached = new Set(
      [
        validateMasterAttributes({ [x(256)]: "v" }),
        validateMasterAttributes({ bogus: "v" }),
        validateMasterAttributes({ age: 1 }),
        validateMasterAttributes({ first_name: x(256) }),
        validateMasterAttributes({ new_tags: Array(31).fill("t") }),
        validateMasterAttributes({ new_tags: [""] }),
      ].flatMap((r) => Object.values(r.errors)),
    );
    expect([...reached].sort()).toEqual(
      [
        E.exceededKeyLengthLimit,
        E.invalidData,
        E.invalidValueType,
        E.exceededValueLengthLimit,
        E.exceededCountLimit,
        E.emptyData,
      ].sort(),
    );
  });
});
