import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodeUnsignedToken,
  heaviestTokenPayload,
  largestLegalConfig,
  largestLegalMasterAttributes,
  largestLegalTokenPayload,
  multilineRules,
} from "../../bench/lib/fixtures";
import {
  APP_ATTRIBUTES,
  type CheckFailure,
  CUSTOM_USER_FIELDS_KEY,
  checkLogin,
  ErrorValue,
  FailureDetail,
  isFullPrivacyEnabled,
  Limits,
  LoginFailureReason,
  MASTER_ATTRIBUTES,
  validateAppAttributes,
  validateIdentityToken,
  validateLoginConfig,
  validateMasterAttributes,
} from "../../TypeScript/contract";
import {
  garbageArb,
  garbagePayloadTokenArb,
  isSpecDetail,
  isSpecErrorMap,
  isSpecReason,
  legalIdentitiesArb,
  runs,
  tokenMutationArb,
  trickyStringArb,
} from "./arbitraries";

const IAT = 1_700_000_000;

function expectSpecShaped(result: { ok: boolean } | CheckFailure): void {
  if (result.ok) return;
  const failure = result as CheckFailure;
  expect(isSpecReason(failure.reason)).toBe(true);
  expect(isSpecErrorMap(failure.errors)).toBe(true);
  expect(isSpecDetail(failure.detail)).toBe(true);
}

describe("checkLogin under random and mutated tokens", () => {
  it("never throws and always answers ok or a contract reason, whatever the token and config", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), trickyStringArb(60), garbagePayloadTokenArb), garbageArb, (jwt, config) => {
        expectSpecShaped(checkLogin(jwt, config));
      }),
      runs(150),
    );
  });

  it("never throws on non-string tokens arriving over a bridge", () => {
    fc.assert(
      fc.property(garbageArb, (jwt) => {
        const result = checkLogin(jwt as string, {});
        expectSpecShaped(result);
        if (jwt !== "") expect(result.ok).toBe(false);
      }),
      runs(150),
    );
  });

  it("accepts every legal token and picks the login mode the contract names", () => {
    fc.assert(
      fc.property(legalIdentitiesArb(Limits), fc.boolean(), (identities, fullPrivacy) => {
        const jwt = encodeUnsignedToken({ identities, iat: IAT });
        const result = checkLogin(jwt, { full_privacy_enabled: fullPrivacy });
        const has = (id: string) => identities.some((i) => i.identifier === id);
        if (!has("uid") && !has("email") && !fullPrivacy) {
          expect(result).toEqual({ ok: false, reason: LoginFailureReason.uidOrEmailIsMandatory });
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.mode).toBe(has("uid") ? "uid" : fullPrivacy ? "privateAnonymous" : "email");
        expect(result.identities.map((i) => [i.identifier, i.value])).toEqual(
          identities.map((i) => [i.identifier, i.value]),
        );
        expect(result.iat).toBe(IAT);
      }),
      runs(60),
    );
  });

  it("mutated legal tokens never throw, and whatever still passes holds only legal identities", () => {
    fc.assert(
      fc.property(legalIdentitiesArb(Limits), fc.array(tokenMutationArb, { minLength: 1, maxLength: 3 }), (ids, ms) => {
        const jwt = ms.reduce((token, mutate) => mutate(token), encodeUnsignedToken({ identities: ids, iat: IAT }));
        const result = validateIdentityToken(jwt);
        expectSpecShaped(result);
        if (result.ok) {
          expect(result.identities.length).toBeLessThanOrEqual(Limits.collectionSize);
          for (const identity of result.identities) {
            const max = identity.identifier === "uid" ? Limits.uidValueLength : Limits.identityValueLength;
            expect(identity.value.length).toBeGreaterThan(0);
            expect(identity.value.length).toBeLessThanOrEqual(max);
          }
        }
      }),
      runs(80),
    );
  });

  it("the largest legal token (30 identities) passes; the heaviest (a second uid last) fails per entry, not by size", () => {
    const largest = checkLogin(encodeUnsignedToken(largestLegalTokenPayload(IAT, "€")), {});
    expect(largest.ok && largest.identities.length).toBe(Limits.collectionSize);
    const heaviest = checkLogin(encodeUnsignedToken(heaviestTokenPayload(IAT)), {});
    expect(heaviest).toEqual({
      ok: false,
      reason: LoginFailureReason.identitiesDataInvalid,
      errors: { uid: ErrorValue.invalidData },
    });
  });
});

type Identity = { identifier: unknown; value?: unknown; metadata?: unknown };

/** One rule broken on purpose, with the error the contract says it produces and the key it is reported under. */
interface Violation {
  name: string;
  apply(identity: Identity, ids: Identity[]): { key: string; expected: ErrorValue };
}

const violations: Violation[] = [
  {
    name: "value one over its limit",
    apply(identity) {
      const max = identity.identifier === "uid" ? Limits.uidValueLength : Limits.identityValueLength;
      identity.value = "v".repeat(max + 1);
      return { key: identity.identifier as string, expected: ErrorValue.exceededValueLengthLimit };
    },
  },
  {
    name: "empty value",
    apply(identity) {
      identity.value = "";
      return { key: identity.identifier as string, expected: ErrorValue.emptyData };
    },
  },
  {
    name: "value not a string",
    apply(identity) {
      identity.value = 42;
      return { key: identity.identifier as string, expected: ErrorValue.invalidValueType };
    },
  },
  {
    name: "unknown identifier",
    apply(identity) {
      identity.identifier = "twitter_id";
      return { key: "twitter_id", expected: ErrorValue.invalidData };
    },
  },
  {
    name: "identifier one over the key limit",
    apply(identity) {
      identity.identifier = "i".repeat(Limits.keyLength + 1);
      return { key: identity.identifier as string, expected: ErrorValue.exceededKeyLengthLimit };
    },
  },
  {
    name: "metadata key one over the key limit",
    apply(identity) {
      const key = "k".repeat(Limits.keyLength + 1);
      identity.metadata = { ...(identity.metadata as object), [key]: "m" };
      return { key, expected: ErrorValue.metadataExceededKeyLengthLimit };
    },
  },
  {
    name: "metadata value one over its limit",
    apply(identity) {
      identity.metadata = { tooLong: "m".repeat(Limits.metadataValueLength + 1) };
      return { key: "tooLong", expected: ErrorValue.metadataExceededValueLengthLimit };
    },
  },
  {
    name: "metadata one entry over the count limit",
    apply(identity) {
      const metadata: Record<string, string> = {};
      for (let i = 0; i <= Limits.collectionSize; i++) metadata[`m${i}`] = "v";
      identity.metadata = metadata;
      return { key: identity.identifier as string, expected: ErrorValue.metadataExceededCountLimit };
    },
  },
  {
    name: "empty metadata value",
    apply(identity) {
      identity.metadata = { blank: "" };
      return { key: "blank", expected: ErrorValue.metadataEmptyKeyOrValue };
    },
  },
  {
    name: "second, different uid",
    apply(_identity, ids) {
      // Legal values are all "v…": "u1" and "u2" differ from any uid already there.
      if (!ids.some((i) => i.identifier === "uid")) ids.push({ identifier: "uid", value: "u1" });
      ids.push({ identifier: "uid", value: "u2" });
      return { key: "uid", expected: ErrorValue.invalidData };
    },
  },
];

describe("one broken rule in an otherwise legal token", () => {
  it("fails with identitiesDataInvalid and the contract's error under the offending key", () => {
    fc.assert(
      fc.property(legalIdentitiesArb(Limits), fc.nat(), fc.constantFrom(...violations), (legal, pick, violation) => {
        const ids: Identity[] = legal.map((i) => ({ ...i }));
        const target = ids[pick % ids.length] as Identity;
        const { key, expected } = violation.apply(target, ids);
        const result = checkLogin(encodeUnsignedToken({ identities: ids, iat: IAT }), { full_privacy_enabled: true });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.reason).toBe(LoginFailureReason.identitiesDataInvalid);
        expect(result.errors?.[key]).toBe(expected);
      }),
      runs(120),
    );
  });

  it("counts identities at the limit: up to 30 entries with repeated identifiers log in, 31 exceed the size limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: Limits.collectionSize - 1, max: Limits.collectionSize + 2 }), (count) => {
        const identities = Array.from({ length: count }, (_, i) => ({ identifier: "email", value: `e${i}@x.io` }));
        const result = checkLogin(encodeUnsignedToken({ identities, iat: IAT }), {});
        if (count > Limits.collectionSize) {
          expect(result).toEqual({ ok: false, reason: LoginFailureReason.identitiesSizeLimitExceeded });
        } else {
          expect(result).toMatchObject({ ok: true, mode: "email" });
          expect(result.ok && result.identities).toHaveLength(count);
        }
      }),
      runs(20),
    );
  });

  it("repeats of identifier and value count once; other repeats of an identifier are all kept", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ identifier: fc.constantFrom("email", "phone_number"), value: fc.constantFrom("a", "b", "c") }),
          {
            minLength: 1,
            maxLength: Limits.collectionSize,
          },
        ),
        (identities) => {
          const result = validateIdentityToken(encodeUnsignedToken({ identities, iat: IAT }));
          const distinct = [...new Map(identities.map((i) => [`${i.identifier}|${i.value}`, i])).keys()];
          expect(result.ok && result.identities.map((i) => `${i.identifier}|${i.value}`)).toEqual(distinct);
        },
      ),
      runs(60),
    );
  });

  it("an absent iat is iatIsMandatory and a non-numeric one a malformed token", () => {
    fc.assert(
      fc.property(legalIdentitiesArb(Limits), fc.jsonValue({ maxDepth: 1 }), fc.boolean(), (identities, raw, omit) => {
        const payload: Record<string, unknown> = { identities };
        if (!omit) payload.iat = raw;
        const iat = payload.iat;
        const result = validateIdentityToken(encodeUnsignedToken(payload));
        if (iat === undefined || iat === null)
          expect(result).toMatchObject({ reason: LoginFailureReason.iatIsMandatory });
        else if (typeof iat !== "number" || !Number.isFinite(iat)) {
          expect(result).toMatchObject({
            reason: LoginFailureReason.identityTokenInvalid,
            detail: FailureDetail.iatNotANumber,
          });
        } else expect(result.ok).toBe(true);
      }),
      runs(80),
    );
  });
});

const configValueArb = fc.oneof(
  fc.integer({ min: Limits.configValueLength - 2, max: Limits.configValueLength + 2 }).map((n) => "s".repeat(n)),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(null, [], {}, undefined),
);
const configKeyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc
    .integer({ min: Limits.keyLength - 2, max: Limits.keyLength + 2 })
    .chain((n) => fc.string({ minLength: 1, maxLength: 3 }).map((p) => (p + "k".repeat(n)).slice(0, n))),
);

/** What the contract says about one config entry (the oracle, written from the contract's prose, limits from the contract). */
function expectedConfigError(key: string, value: unknown): ErrorValue | undefined {
  if (key === "") return ErrorValue.emptyData;
  if (key.length > Limits.keyLength) return ErrorValue.exceededKeyLengthLimit;
  if (typeof value === "string")
    return value.length > Limits.configValueLength ? ErrorValue.exceededValueLengthLimit : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : ErrorValue.invalidValueType;
  return typeof value === "boolean" ? undefined : ErrorValue.invalidValueType;
}

describe("login configs", () => {
  it("garbage configs never throw and map to ok or a contract reason", () => {
    fc.assert(
      fc.property(garbageArb, (config) => expectSpecShaped(validateLoginConfig(config))),
      runs(150),
    );
  });

  it("entries at and around every limit get exactly the errors the contract names", () => {
    fc.assert(
      fc.property(
        fc.dictionary(configKeyArb, configValueArb, { maxKeys: Limits.collectionSize + 3, noNullPrototype: true }),
        (config) => {
          const result = validateLoginConfig(config);
          const entries = Object.entries(config);
          if (entries.length > Limits.collectionSize) {
            expect(result).toEqual({ ok: false, reason: LoginFailureReason.loginConfigSizeLimitExceeded });
            return;
          }
          const expected: Record<string, ErrorValue> = {};
          for (const [k, v] of entries) {
            const e = expectedConfigError(k, v);
            if (e) expected[k] = e;
          }
          if (Object.keys(expected).length === 0) {
            expect(result).toEqual({ ok: true, config, fullPrivacy: isFullPrivacyEnabled(config) });
          } else {
            expect(result).toEqual({ ok: false, reason: LoginFailureReason.loginConfigInvalid, errors: expected });
          }
        },
      ),
      runs(150),
    );
  });

  it("the largest legal config passes; one more entry exceeds the size limit", () => {
    const config = largestLegalConfig();
    expect(Object.keys(config)).toHaveLength(Limits.collectionSize);
    expect(validateLoginConfig(config)).toMatchObject({ ok: true, fullPrivacy: true });
    expect(validateLoginConfig({ ...config, extra: 1 })).toEqual({
      ok: false,
      reason: LoginFailureReason.loginConfigSizeLimitExceeded,
    });
  });
});

const attributeKeyArb = fc.oneof(
  fc.constantFrom(...Object.keys(MASTER_ATTRIBUTES), ...Object.keys(APP_ATTRIBUTES)),
  fc.string({ maxLength: 10 }),
  fc.constant("k".repeat(Limits.keyLength + 1)),
);
const attributeValueArb = fc.oneof(
  fc
    .integer({ min: Limits.customFieldValueLength - 1, max: Limits.customFieldValueLength + 1 })
    .map((n) => "7".repeat(n)),
  fc.constantFrom("true", "false", "-12", "1700000000", "abc", ""),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constant("t".repeat(Limits.tagLength + 1))), {
    maxLength: Limits.collectionSize + 2,
  }),
  fc.dictionary(
    fc.oneof(fc.string({ maxLength: 5 }), fc.constant("biography")),
    fc.oneof(fc.string({ maxLength: 5 }), fc.constant("f".repeat(Limits.customFieldValueLength + 1)), fc.integer()),
    { maxKeys: Limits.collectionSize + 2 },
  ),
  garbageArb,
);
const attributeMapArb = fc.oneof(fc.dictionary(attributeKeyArb, attributeValueArb, { maxKeys: 12 }), garbageArb);

describe.each([
  ["master", validateMasterAttributes, MASTER_ATTRIBUTES],
  ["app", validateAppAttributes, APP_ATTRIBUTES],
] as const)("%s attribute maps", (_, validate, schema) => {
  it("never throw; every key ends accepted or reported with a contract error value; accepted keys are supported", () => {
    fc.assert(
      fc.property(attributeMapArb, (input) => {
        const { accepted, errors } = validate(input, multilineRules);
        expect(isSpecErrorMap(errors)).toBe(true);
        for (const key of Object.keys(accepted)) expect(Object.keys(schema)).toContain(key);
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          expect(errors).toEqual({ "": ErrorValue.invalidData });
          return;
        }
        for (const key of Object.keys(input)) {
          const reported =
            Object.hasOwn(errors, key) ||
            (key === CUSTOM_USER_FIELDS_KEY && Object.keys(errors).some((e) => e.startsWith(`${key}.`)));
          // An empty custom field map changes nothing, so it may vanish without a report.
          const emptyFields =
            key === CUSTOM_USER_FIELDS_KEY && Object.keys((input as Record<string, object>)[key] ?? {}).length === 0;
          expect(Object.hasOwn(accepted, key) || reported || emptyFields).toBe(true);
        }
      }),
      runs(150),
    );
  });

  it("what was accepted validates again unchanged and without errors", () => {
    fc.assert(
      fc.property(attributeMapArb, (input) => {
        const first = validate(input, multilineRules);
        const again = validate(first.accepted, multilineRules);
        expect(again.errors).toEqual({});
        expect(again.accepted).toEqual(first.accepted);
      }),
      runs(150),
    );
  });
});

describe("the largest legal master map", () => {
  it("passes whole, and a multiline field one character over its limit is dropped alone", () => {
    const largest = largestLegalMasterAttributes();
    expect(validateMasterAttributes(largest, multilineRules)).toEqual({ accepted: largest, errors: {} });
    const fields = { ...(largest[CUSTOM_USER_FIELDS_KEY] as Record<string, string>) };
    fields.biography = `${fields.biography}x`;
    const over = validateMasterAttributes({ ...largest, [CUSTOM_USER_FIELDS_KEY]: fields }, multilineRules);
    expect(over.errors).toEqual({ [`${CUSTOM_USER_FIELDS_KEY}.biography`]: ErrorValue.exceededValueLengthLimit });
    expect(Object.keys(over.accepted[CUSTOM_USER_FIELDS_KEY] as object)).toHaveLength(Limits.collectionSize - 1);
  });
});
