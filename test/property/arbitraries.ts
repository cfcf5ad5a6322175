/**
 * fast-check arbitraries for identity tokens, login configs and attribute maps: legal ones built from the
 * contract's limits, garbage, and mutations of legal ones.
 *
 * @example
 * fc.assert(fc.property(legalTokenArb, ({ jwt }) => checkLogin(jwt, {}).ok));
 */
import fc from "fast-check";
import { encodeJsonPart, encodeUnsignedToken } from "../../bench/lib/fixtures";
import { ErrorValue, FailureDetail, IDENTIFIERS, LoginFailureReason } from "../../TypeScript/contract";

const reasons: ReadonlySet<string> = new Set(Object.values(LoginFailureReason));
const errorValues: ReadonlySet<string> = new Set(Object.values(ErrorValue));
const details: ReadonlySet<string> = new Set(Object.values(FailureDetail));

/**
 * True when `value` is one of the contract's login failure reasons.
 *
 * @example
 * isSpecReason("networkError"); // true
 */
export function isSpecReason(value: unknown): boolean {
  return typeof value === "string" && reasons.has(value);
}

/**
 * True when every value of `errors` (if any) is one of the contract's error values.
 *
 * @example
 * isSpecErrorMap({ email: "emptyData" }); // true
 */
export function isSpecErrorMap(errors: unknown): boolean {
  if (errors === undefined) return true;
  if (typeof errors !== "object" || errors === null) return false;
  return Object.values(errors).every((v) => typeof v === "string" && errorValues.has(v));
}

/**
 * True when `detail` is absent or one of the contract's diagnostic codes.
 *
 * @example
 * isSpecDetail(undefined); // true
 */
export function isSpecDetail(detail: unknown): boolean {
  return detail === undefined || (typeof detail === "string" && details.has(detail));
}

/**
 * Any JSON-ish or JS value, including prototypes-poisoning keys and odd numbers.
 *
 * @example
 * fc.assert(fc.property(garbageArb, (v) => expect(() => validateLoginConfig(v)).not.toThrow()));
 */
export const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, null, undefined, "", "__proto__", [], {}),
  fc.constant({ ["__proto__"]: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"identities": []}, "constructor": "x"}')),
);

/**
 * A string over a small alphabet that stresses UTF-16 and UTF-8 (ASCII, 2-, 3- and 4-byte, lone surrogates).
 *
 * @example
 * fc.sample(trickyStringArb(10), 1); // e.g. ["é.🎮\n"]
 */
export const trickyStringArb = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom("a", "Z", "0", ".", "-", "_", "=", " ", "\n", "é", "€", "🎮", "\ud800", "\u0000", '"'), {
      maxLength,
    })
    .map((units) => units.join(""));

/** Each of `ids` once, with a value and metadata of legal lengths. */
const distinctIdentitiesArb = (
  ids: readonly string[],
  limits: {
    keyLength: number;
    identityValueLength: number;
    uidValueLength: number;
    metadataValueLength: number;
    collectionSize: number;
  },
): fc.Arbitrary<Array<{ identifier: string; value: string; metadata?: Record<string, string> }>> =>
  fc.tuple(
    ...ids.map((identifier) =>
      fc.record(
        {
          identifier: fc.constant(identifier),
          value: fc
            .integer({
              min: 1,
              max: identifier === "uid" ? limits.uidValueLength : limits.identityValueLength,
            })
            .map((n) => "v".repeat(n)),
          metadata: fc.dictionary(
            fc
              .integer({ min: 1, max: limits.keyLength })
              .chain((n) => fc.string({ minLength: 1, maxLength: 4 }).map((s) => (s + "k".repeat(n)).slice(0, n))),
            fc.integer({ min: 1, max: limits.metadataValueLength }).map((n) => "m".repeat(n)),
            { maxKeys: limits.collectionSize, noNullPrototype: true },
          ),
        },
        { requiredKeys: ["identifier", "value"] },
      ),
    ),
  );

/**
 * A legal identity list: every identifier at most once with lengths up to its limit, then (sometimes) repeats of
 * identifiers other than `uid` with distinct values, up to the count limit (a player with two emails).
 *
 * @example
 * fc.assert(fc.property(legalIdentitiesArb(Limits), (ids) => ids.length <= 30));
 */
export const legalIdentitiesArb = (limits: {
  keyLength: number;
  identityValueLength: number;
  uidValueLength: number;
  metadataValueLength: number;
  collectionSize: number;
}): fc.Arbitrary<Array<{ identifier: string; value: string; metadata?: Record<string, string> }>> =>
  fc
    .uniqueArray(fc.constantFrom(...IDENTIFIERS), { minLength: 1, maxLength: IDENTIFIERS.length })
    .chain((ids) =>
      fc.tuple(
        distinctIdentitiesArb(ids, limits),
        fc.array(fc.constantFrom(...IDENTIFIERS.filter((i) => i !== "uid")), {
          maxLength: limits.collectionSize - ids.length,
        }),
      ),
    )
    .map(([distinct, repeats]) => [
      ...distinct,
      ...repeats.map((identifier, i) => ({ identifier, value: `repeat-${i}` })),
    ]);

/**
 * One way to damage a compact token.
 *
 * @example
 * fc.property(tokenMutationArb, (mutate) => checkLogin(mutate(jwt), {}));
 */
export const tokenMutationArb: fc.Arbitrary<(jwt: string) => string> = fc.oneof(
  fc.nat().map((at) => (jwt: string) => jwt.slice(0, at % (jwt.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom("!", ".", "=", "+", "/", "é", " ", "A")).map(([at, ch]) => (jwt: string) => {
    const i = at % Math.max(jwt.length, 1);
    return jwt.slice(0, i) + ch + jwt.slice(i + 1);
  }),
  fc.nat().map((at) => (jwt: string) => {
    const i = at % Math.max(jwt.length, 1);
    return jwt.slice(0, i) + jwt.slice(i + 1);
  }),
  fc.constant((jwt: string) => `${jwt}.${jwt.split(".")[1] ?? ""}`),
  fc.constant((jwt: string) => jwt.split(".").reverse().join(".")),
  garbageArb.map((payload) => (jwt: string) => {
    const [header, , signature] = jwt.split(".");
    let part: string;
    try {
      part = encodeJsonPart(payload);
    } catch {
      part = "";
    }
    return `${header}.${part}.${signature}`;
  }),
);

/**
 * A token built from an arbitrary payload (any JSON-able value).
 *
 * @example
 * fc.property(garbagePayloadTokenArb, (jwt) => checkLogin(jwt, {}));
 */
export const garbagePayloadTokenArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record({ identities: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 35 }), iat: fc.jsonValue() }),
    fc.record({
      identities: fc.array(
        fc.record({
          identifier: fc.oneof(fc.constantFrom(...IDENTIFIERS), fc.string(), fc.jsonValue()),
          value: fc.oneof(fc.string(), fc.jsonValue()),
          metadata: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 35 }), fc.jsonValue()),
        }),
        { maxLength: 35 },
      ),
      iat: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
    }),
  )
  .map((payload) => encodeUnsignedToken(payload));

/**
 * Run parameters: a fixed seed so that `npm test` is deterministic; set `FC_SEED` to explore other inputs
 * (a failure prints the fast-check seed and path that reproduce it).
 *
 * @example
 * fc.assert(fc.property(garbageArb, check), runs(100));
 */
export function runs(numRuns: number): { numRuns: number; seed: number } {
  const fromEnv = Number(process.env.FC_SEED);
  return { numRuns, seed: Number.isInteger(fromEnv) ? fromEnv : 0x5eed_2026 };
}
