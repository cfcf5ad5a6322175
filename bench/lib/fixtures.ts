/**
 * The largest legal inputs of the identity contract, built from the contract's own limits (never restated),
 * shared by the benchmarks and the property tests.
 *
 * @example
 * const jwt = encodeUnsignedToken(largestLegalTokenPayload(1_700_000_000));
 * checkLogin(jwt, {}).ok; // true
 */
import {
  type AttributeRules,
  base64UrlEncode,
  CUSTOM_USER_FIELDS_KEY,
  IDENTIFIERS,
  Limits,
  MASTER_ATTRIBUTES,
  TagKey,
  utf8Encode,
} from "../../TypeScript/contract";

/**
 * A string of exactly `length` UTF-16 units, built from `unit` (one unit long) and a distinguishing prefix.
 *
 * @example
 * sized("uid_", 750); // "uid_xxx…" of exactly 750 units
 */
export function sized(prefix: string, length: number, unit = "x"): string {
  if (prefix.length >= length) return prefix.slice(0, length);
  return prefix + unit.repeat(length - prefix.length);
}

/**
 * base64url of the UTF-8 of `JSON.stringify(value)`, with the contract's own encoders.
 *
 * @example
 * encodeJsonPart({ alg: "HS256" }); // "eyJhbGciOiJIUzI1NiJ9"
 */
export function encodeJsonPart(value: unknown): string {
  return base64UrlEncode(utf8Encode(JSON.stringify(value)));
}

/**
 * A compact JWS with a well-formed but unverified signature part: enough for every client-side check.
 *
 * @example
 * checkLogin(encodeUnsignedToken({ identities: [{ identifier: "uid", value: "1" }], iat: 1 }), {});
 */
export function encodeUnsignedToken(payload: unknown, header: unknown = { alg: "HS256", typ: "JWT" }): string {
  const signature = base64UrlEncode(new Uint8Array(32).fill(7));
  return `${encodeJsonPart(header)}.${encodeJsonPart(payload)}.${signature}`;
}

/**
 * The largest legal identity list: 30 entries (the count limit). There are 12 identifiers, so the limit is only
 * reached with repeats: every identifier once, then identifiers other than `uid` again with distinct values (a
 * second `uid` would be `invalidData`, docs/decisions.md). Every value, metadata key and metadata value is at its
 * maximum length; `unit` lets a caller make the payload heavier in bytes (a 3-byte UTF-8 character still counts
 * as one unit).
 *
 * @example
 * largestLegalIdentities().length; // 30
 */
export function largestLegalIdentities(unit = "x"): Array<Record<string, unknown>> {
  const repeatable = IDENTIFIERS.filter((identifier) => identifier !== "uid");
  return Array.from({ length: Limits.collectionSize }, (_, i) => {
    const identifier = i < IDENTIFIERS.length ? IDENTIFIERS[i] : repeatable[i % repeatable.length];
    const max = identifier === "uid" ? Limits.uidValueLength : Limits.identityValueLength;
    const metadata: Record<string, string> = {};
    for (let m = 0; m < Limits.collectionSize; m++) {
      metadata[sized(`k${i}_${m}_`, Limits.keyLength)] = sized(`v${m}_`, Limits.metadataValueLength, unit);
    }
    return { identifier, value: sized(`${identifier}_${i}_`, max, unit), metadata };
  });
}

/**
 * The payload of the largest legal token.
 *
 * @example
 * encodeUnsignedToken(largestLegalTokenPayload(1_700_000_000, "€"));
 */
export function largestLegalTokenPayload(iat: number, unit = "x"): Record<string, unknown> {
  return { identities: largestLegalIdentities(unit), iat };
}

/**
 * The heaviest token the checker must read to the end and then refuse: the largest legal identities, the last
 * one turned into a second, different `uid` (`invalidData`), which the checker learns at the last entry.
 *
 * @example
 * checkLogin(encodeUnsignedToken(heaviestTokenPayload(1)), {}).reason; // "identitiesDataInvalid"
 */
export function heaviestTokenPayload(iat: number, unit = "x"): Record<string, unknown> {
  const identities = largestLegalIdentities(unit);
  const last = identities[identities.length - 1] as Record<string, unknown>;
  identities[identities.length - 1] = {
    ...last,
    identifier: "uid",
    value: sized("uid_other_", Limits.uidValueLength, unit),
  };
  return { identities, iat };
}

/**
 * A login config with the maximum entry count, keys and string values at their maximum lengths.
 *
 * @example
 * validateLoginConfig(largestLegalConfig()).ok; // true
 */
export function largestLegalConfig(): Record<string, string | boolean | number> {
  const config: Record<string, string | boolean | number> = { full_privacy_enabled: true };
  for (let i = 1; i < Limits.collectionSize; i++) {
    config[sized(`key${i}_`, Limits.keyLength)] =
      i % 3 === 0 ? i : i % 3 === 1 ? sized(`value${i}_`, Limits.configValueLength) : false;
  }
  return config;
}

/**
 * The name of the multiline custom field in {@link largestLegalMasterAttributes}.
 *
 * @example
 * largestLegalMasterAttributes().custom_user_fields[MULTILINE_FIELD].length; // 100000
 */
export const MULTILINE_FIELD = "biography";

/**
 * Rules that declare {@link MULTILINE_FIELD} multiline.
 *
 * @example
 * validateMasterAttributes(largestLegalMasterAttributes(), multilineRules);
 */
export const multilineRules: AttributeRules = { multilineCustomFields: [MULTILINE_FIELD] };

/**
 * `length` characters of text over many lines.
 *
 * @example
 * multilineText(100_000).split("\n").length; // 1250
 */
export function multilineText(length: number): string {
  const line = `${"a".repeat(79)}\n`;
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

function maximalTags(prefix: string): string[] {
  return Array.from({ length: Limits.collectionSize }, (_, i) => sized(`${prefix}${i}_`, Limits.tagLength));
}

function maximalCustomFields(): Record<string, string> {
  const fields: Record<string, string> = { [MULTILINE_FIELD]: multilineText(Limits.multilineCustomFieldValueLength) };
  for (let i = 1; i < Limits.collectionSize; i++) {
    fields[sized(`field${i}_`, Limits.keyLength)] = sized(`v${i}_`, Limits.customFieldValueLength);
  }
  return fields;
}

/**
 * Every master attribute at its maximum: plain strings at 255, tag lists of 30 tags of 100 characters,
 * 30 custom fields (one multiline at 100000 characters). Pass {@link multilineRules} when validating.
 *
 * @example
 * validateMasterAttributes(largestLegalMasterAttributes(), multilineRules).errors; // {}
 */
export function largestLegalMasterAttributes(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(MASTER_ATTRIBUTES)) {
    if (kind === "string") out[key] = sized(`${key}_`, Limits.customFieldValueLength);
    else if (kind === "integerString") out[key] = "9".repeat(Limits.customFieldValueLength);
    else if (kind === "epochSecondsString") out[key] = "1700000000";
    else if (kind === "booleanString") out[key] = "true";
  }
  out[TagKey.add] = maximalTags("add");
  out[TagKey.remove] = maximalTags("rm");
  out[TagKey.reset] = maximalTags("reset");
  out[CUSTOM_USER_FIELDS_KEY] = maximalCustomFields();
  return out;
}

/**
 * A typical identity token's payload: a uid and an email, a little metadata (what a game's token endpoint sends).
 *
 * @example
 * checkLogin(encodeUnsignedToken(typicalTokenPayload(1_700_000_000)), {}).ok; // true
 */
export function typicalTokenPayload(iat: number): Record<string, unknown> {
  return {
    identities: [
      { identifier: "uid", value: "player-0001234567", metadata: { platform: "steam", region: "eu-west" } },
      { identifier: "email", value: "zoë.player@example.com" },
    ],
    iat,
  };
}

/**
 * A typical master attribute update: a few names, a country, tags and two custom fields.
 *
 * @example
 * validateMasterAttributes(typicalMasterAttributes(), {}).errors; // {}
 */
export function typicalMasterAttributes(): Record<string, unknown> {
  return {
    first_name: "Zoë",
    display_name: "zoe_the_brave",
    last_country: "FR",
    lifetime_value: "1250",
    accepted_t_and_c: "true",
    [TagKey.add]: ["vip", "guild-leader"],
    [CUSTOM_USER_FIELDS_KEY]: { guild: "Northern Lights", level: "42" },
  };
}
