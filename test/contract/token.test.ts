import { describe, expect, it } from "vitest";
import {
  decodeIdentityToken,
  ErrorValue,
  FailureDetail,
  findIdentity,
  IDENTIFIERS,
  Limits,
  LoginFailureReason,
  validateIdentities,
  validateIdentityToken,
} from "../../TypeScript/contract";
import { b64url, entries, identity, tokenWith, unsignedToken } from "./helpers";

const R = LoginFailureReason;
const E = ErrorValue;
const x = (n: number) => "x".repeat(n);

function failureOf(jwt: string) {
  const result = validateIdentityToken(jwt);
  if (result.ok) throw new Error("expected a failure");
  return result;
}

function errorsOf(identities: unknown[]) {
  const result = validateIdentityToken(tokenWith(identities));
  if (result.ok) throw new Error("expected a failure");
  expect(result.reason).toBe(R.identitiesDataInvalid);
  return result.errors;
}

function accepts(identities: unknown[]) {
  const result = validateIdentityToken(tokenWith(identities));
  expect(result).toMatchObject({ ok: true });
  return result.ok ? result : undefined;
}

describe("token format", () => {
  it.each([
    ["empty parts", ".."],
    ["two parts", `${b64url("{}")}.${b64url("{}")}`],
    ["four parts", `${b64url("{}")}.${b64url("{}")}.a.b`],
    ["empty header", `.${b64url("{}")}.sig`],
    ["empty payload", `${b64url("{}")}..sig`],
    ["header not base64url", `e+J.${b64url("{}")}.sig`],
    ["header not JSON", `${b64url("nope")}.${b64url("{}")}.sig`],
    ["header a JSON array", `${b64url("[]")}.${b64url("{}")}.sig`],
    ["signature not base64url", `${b64url("{}")}.${b64url("{}")}.si=g`],
    ["header malformed UTF-8", `${Buffer.from([0x7b, 0xc3, 0x7d]).toString("base64url")}.${b64url("{}")}.sig`],
  ])("refuses %s as identityTokenInvalid/malformedToken", (_name, jwt) => {
    expect(failureOf(jwt)).toEqual({ ok: false, reason: R.identityTokenInvalid, detail: FailureDetail.malformedToken });
  });

  it.each([
    ["not JSON", "{identities"],
    ["a JSON array", "[]"],
    ["a JSON string", '"identities"'],
    ["null", "null"],
  ])("refuses a payload that is %s (payloadNotJson)", (_name, payload) => {
    expect(failureOf(unsignedToken(payload))).toEqual({
      ok: false,
      reason: R.identityTokenInvalid,
      detail: FailureDetail.payloadNotJson,
    });
  });

  it("refuses a payload that is not base64url or not UTF-8", () => {
    const header = b64url('{"alg":"HS256"}');
    expect(failureOf(`${header}.pay/load.sig`).reason).toBe(R.identityTokenInvalid);
    const badUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]).toString("base64url");
    expect(failureOf(`${header}.${badUtf8}.sig`)).toMatchObject({ detail: FailureDetail.payloadNotJson });
  });

  it("accepts an empty signature part (checking it is the service's job)", () => {
    const jwt = unsignedToken({ identities: [identity("uid", "1")], iat: 1 }).replace(/\.[^.]*$/, ".");
    expect(validateIdentityToken(jwt).ok).toBe(true);
  });

  it.each([
    ["missing", {}],
    ["an object", { identities: { identifier: "uid", value: "1" } }],
    ["a string", { identities: "uid" }],
    ["null", { identities: null }],
  ])("refuses identities %s (identitiesNotArray), before iat", (_name, payload) => {
    expect(failureOf(unsignedToken(payload))).toEqual({
      ok: false,
      reason: R.identityTokenInvalid,
      detail: FailureDetail.identitiesNotArray,
    });
  });

  it("requires iat (absent or null)", () => {
    expect(failureOf(unsignedToken({ identities: [identity("uid", "1")] }))).toEqual({
      ok: false,
      reason: R.iatIsMandatory,
    });
    expect(failureOf(unsignedToken({ identities: [], iat: null })).reason).toBe(R.iatIsMandatory);
  });

  it.each([
    ["a string", "1700000000"],
    ["a boolean", true],
    ["an object", {}],
  ])("refuses iat as %s", (_n, iat) => {
    expect(failureOf(unsignedToken({ identities: [], iat }))).toEqual({
      ok: false,
      reason: R.identityTokenInvalid,
      detail: FailureDetail.iatNotANumber,
    });
  });

  it("returns header, payload, identities and iat of a valid token", () => {
    const jwt = unsignedToken({ identities: [identity("uid", "42")], iat: 1_700_000_123, extra: 1 });
    expect(validateIdentityToken(jwt)).toEqual({
      ok: true,
      header: { alg: "HS256", typ: "JWT" },
      payload: { identities: [{ identifier: "uid", value: "42" }], iat: 1_700_000_123, extra: 1 },
      identities: [{ identifier: "uid", value: "42" }],
      iat: 1_700_000_123,
    });
    expect(decodeIdentityToken(jwt)).toMatchObject({ ok: true, header: { alg: "HS256" } });
  });

  it("never puts the token in a failure", () => {
    const jwt = tokenWith([identity("uid", "")]);
    expect(JSON.stringify(validateIdentityToken(jwt))).not.toContain(jwt.split(".")[1]);
  });
});

describe("identifiers", () => {
  it.each(IDENTIFIERS.map((id) => [id]))("accepts %s", (identifier) => {
    const result = accepts([identity(identifier, "value-1")]);
    expect(result?.identities).toEqual([{ identifier, value: "value-1" }]);
  });

  it("accepts all twelve identifiers in one token", () => {
    const result = accepts(IDENTIFIERS.map((id) => identity(id, `v-${id}`)));
    expect(result?.identities.map((i) => i.identifier)).toEqual([...IDENTIFIERS]);
    expect(findIdentity(result?.identities ?? [], "steam_id")?.value).toBe("v-steam_id");
    expect(findIdentity([], "uid")).toBeUndefined();
  });

  it.each([["twitter_id"], ["UID"], ["uid "], ["__proto__"], ["constructor"]])("refuses unknown %s", (identifier) => {
    expect(errorsOf([identity(identifier, "1")])).toEqual({ [identifier]: E.invalidData });
  });

  it("accepts an identifier repeated with distinct values, each kept in token order", () => {
    const result = accepts([identity("uid", "1"), identity("email", "a@x.io"), identity("email", "b@x.io")]);
    expect(result?.identities).toEqual([
      identity("uid", "1"),
      identity("email", "a@x.io"),
      identity("email", "b@x.io"),
    ]);
  });

  it("an entry repeating identifier and value is one (the first is kept, metadata included)", () => {
    const result = accepts([
      identity("phone_number", "+1", { k: "first" }),
      identity("phone_number", "+1", { k: "second" }),
      identity("phone_number", "+2"),
      identity("uid", "7"),
      identity("uid", "7"),
    ]);
    expect(result?.identities).toEqual([
      identity("phone_number", "+1", { k: "first" }),
      identity("phone_number", "+2"),
      identity("uid", "7"),
    ]);
  });

  it("two different uids are invalidData on uid", () => {
    expect(errorsOf([identity("uid", "1"), identity("uid", "2")])).toEqual({ uid: E.invalidData });
    expect(
      errorsOf([identity("uid", "1"), identity("email", "e"), identity("uid", "1"), identity("uid", "3")]),
    ).toEqual({ uid: E.invalidData });
  });

  it("errors stay keyed by identifier: the first problem of an identifier is the one reported", () => {
    expect(errorsOf([identity("email", "ok"), identity("email", x(301)), identity("email", "")])).toEqual({
      email: E.exceededValueLengthLimit,
    });
    expect(errorsOf([identity("uid", x(751)), identity("uid", "2")])).toEqual({ uid: E.exceededValueLengthLimit });
    expect(errorsOf([identity("email", "a"), identity("email", "a", { k: "" })])).toEqual({
      k: E.metadataEmptyKeyOrValue,
    });
  });

  it("keys problems without a usable identifier by position", () => {
    expect(errorsOf([identity("uid", "1"), "uid", { value: "v" }, { identifier: 7, value: "v" }, null])).toEqual({
      "identities[1]": E.invalidData,
      "identities[2]": E.emptyData,
      "identities[3]": E.invalidValueType,
      "identities[4]": E.invalidData,
    });
    expect(errorsOf([{ identifier: "", value: "v" }])).toEqual({ "identities[0]": E.emptyData });
  });

  it("identifier length: 255 is checked as an identifier (unknown), 256 is too long", () => {
    expect(errorsOf([identity(x(Limits.keyLength), "v")])).toEqual({ [x(255)]: E.invalidData });
    expect(errorsOf([identity(x(Limits.keyLength + 1), "v")])).toEqual({ [x(256)]: E.exceededKeyLengthLimit });
  });
});

describe("identity values", () => {
  it("identity value 300 passes, 301 fails", () => {
    accepts([identity("email", x(Limits.identityValueLength))]);
    expect(errorsOf([identity("email", x(301))])).toEqual({ email: E.exceededValueLengthLimit });
  });

  it("uid value 750 passes, 751 fails", () => {
    accepts([identity("uid", x(Limits.uidValueLength))]);
    expect(errorsOf([identity("uid", x(751))])).toEqual({ uid: E.exceededValueLengthLimit });
  });

  it("every other identifier has the 300 limit", () => {
    for (const id of IDENTIFIERS.filter((i) => i !== "uid")) {
      accepts([identity(id, x(300))]);
      expect(errorsOf([identity(id, x(301))])).toEqual({ [id]: E.exceededValueLengthLimit });
    }
  });

  it.each([
    ["empty", ""],
    ["missing", undefined],
    ["null", null],
  ])("value %s is emptyData", (_n, value) => {
    expect(errorsOf([{ identifier: "email", value }])).toEqual({ email: E.emptyData });
  });

  it.each([
    ["number", 42],
    ["object", {}],
    ["array", ["a"]],
    ["boolean", true],
  ])("value %s is invalidValueType", (_n, value) => {
    expect(errorsOf([identity("uid", value)])).toEqual({ uid: E.invalidValueType });
  });

  it("non-ASCII values round-trip through base64url and UTF-8 decoding", () => {
    const values = ["Zoë Ångström", "山田太郎", "🎮👾🕹️", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a\u200db"];
    const result = accepts(values.map((v, i) => identity(IDENTIFIERS[i] as string, v, { note: `${v}·${i}` })));
    expect(result?.identities.map((i) => i.value)).toEqual(values);
    expect(result?.identities[2]?.metadata).toEqual({ note: "🎮👾🕹️·2" });
  });

  it("limits count UTF-16 code units, so 150 astral characters fill the 300 limit exactly", () => {
    accepts([identity("email", "😀".repeat(150))]);
    expect(errorsOf([identity("email", `${"😀".repeat(150)}a`)])).toEqual({ email: E.exceededValueLengthLimit });
  });
});

describe("identities count", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => identity(i === 0 ? "uid" : `unknown_${i}`, "v"));

  it("30 identities are counted, 31 are identitiesSizeLimitExceeded", () => {
    // 30 entries reach the data check (and fail it: 29 unknown identifiers), 31 stop at the count.
    expect(Object.keys(errorsOf(ids(Limits.collectionSize)) ?? {})).toHaveLength(29);
    expect(failureOf(tokenWith(ids(Limits.collectionSize + 1)))).toEqual({
      ok: false,
      reason: R.identitiesSizeLimitExceeded,
    });
  });

  it("30 identities log in (one uid, one identifier repeated with distinct values), 31 do not", () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => identity("email", `p${i}@x.io`));
    const thirty = [identity("uid", "42"), ...emails(Limits.collectionSize - 1)];
    const accepted = accepts(thirty);
    expect(accepted?.identities).toHaveLength(30);
    expect(accepted?.identities).toEqual(thirty);
    expect(failureOf(tokenWith([...thirty, identity("email", "extra@x.io")]))).toEqual({
      ok: false,
      reason: R.identitiesSizeLimitExceeded,
    });
  });

  it("the count is of entries as sent: 31 entries are too many even when some repeat", () => {
    const repeated = Array.from({ length: Limits.collectionSize + 1 }, () => identity("email", "same@x.io"));
    expect(failureOf(tokenWith(repeated))).toEqual({ ok: false, reason: R.identitiesSizeLimitExceeded });
    expect(accepts(repeated.slice(1))?.identities).toEqual([identity("email", "same@x.io")]);
  });

  it("an empty identities array is valid data", () => {
    expect(accepts([])?.identities).toEqual([]);
  });

  it("validateIdentities on its own gives the same answers", () => {
    expect(validateIdentities("x")).toMatchObject({ reason: R.identityTokenInvalid });
    expect(validateIdentities(ids(31))).toMatchObject({ reason: R.identitiesSizeLimitExceeded });
    expect(validateIdentities([identity("uid", "1")])).toEqual({ ok: true, identities: [identity("uid", "1")] });
  });
});

describe("metadata", () => {
  const withMeta = (metadata: unknown) => [identity("uid", "1", metadata)];

  it("30 entries pass, 31 are metadataExceededCountLimit on the identifier", () => {
    expect(accepts(withMeta(entries(Limits.collectionSize)))?.identities[0]?.metadata).toEqual(entries(30));
    expect(errorsOf(withMeta(entries(31)))).toEqual({ uid: E.metadataExceededCountLimit });
  });

  it("metadata key 255 passes, 256 fails", () => {
    accepts(withMeta({ [x(255)]: "v" }));
    expect(errorsOf(withMeta({ [x(256)]: "v" }))).toEqual({ [x(256)]: E.metadataExceededKeyLengthLimit });
  });

  it("metadata value 300 passes, 301 fails", () => {
    accepts(withMeta({ k: x(Limits.metadataValueLength) }));
    expect(errorsOf(withMeta({ k: x(301) }))).toEqual({ k: E.metadataExceededValueLengthLimit });
  });

  it("empty metadata key or value is metadataEmptyKeyOrValue", () => {
    expect(errorsOf(withMeta({ "": "v" }))).toEqual({ "": E.metadataEmptyKeyOrValue });
    expect(errorsOf(withMeta({ k: "" }))).toEqual({ k: E.metadataEmptyKeyOrValue });
    expect(errorsOf(withMeta({ k: null }))).toEqual({ k: E.metadataEmptyKeyOrValue });
  });

  it("a non-string metadata value is invalidValueType on its key; non-object metadata on the identifier", () => {
    expect(errorsOf(withMeta({ level: 3 }))).toEqual({ level: E.invalidValueType });
    expect(errorsOf(withMeta(["a"]))).toEqual({ uid: E.invalidValueType });
    expect(errorsOf(withMeta("a"))).toEqual({ uid: E.invalidValueType });
  });

  it("keeps a metadata key named __proto__ as data (not a prototype change)", () => {
    const jwt = unsignedToken(`{"identities":[{"identifier":"uid","value":"1","metadata":{"__proto__":"v"}}],"iat":1}`);
    const result = validateIdentityToken(jwt);
    expect(result.ok && Object.keys(result.identities[0]?.metadata ?? {})).toEqual(["__proto__"]);
  });

  it("an empty metadata object is kept as such", () => {
    expect(accepts(withMeta({}))?.identities[0]).toEqual({ identifier: "uid", value: "1", metadata: {} });
  });
});

describe("all offending entries in one errors map", () => {
  it("collects identity and metadata problems together", () => {
    expect(
      errorsOf([
        identity("uid", x(751)),
        identity("email", ""),
        identity("phone_number", "1", { "": "v", ok: "fine", long: x(301) }),
        identity("steam_id", "s", entries(31)),
        identity("bogus", "v"),
      ]),
    ).toEqual({
      uid: E.exceededValueLengthLimit,
      email: E.emptyData,
      "": E.metadataEmptyKeyOrValue,
      long: E.metadataExceededValueLengthLimit,
      steam_id: E.metadataExceededCountLimit,
      bogus: E.invalidData,
    });
  });

  it("reaches every identity error value", () => {
    const cases = [
      [identity(x(256), "v")],
      [identity("uid", x(751))],
      [identity("uid", 1)],
      [identity("bogus", "v")],
      [identity("uid", "")],
      [identity("uid", "1", entries(31))],
      [identity("uid", "1", { [x(256)]: "v" })],
      [identity("uid", "1", { k: x(301) })],
      [identity("uid", "1", { k: "" })],
    ];
    const reached = new Set(cases.flatMap((c) => Object.values(errorsOf(c) ?? {})));
    expect([...reached].sort()).toEqual(
      [
        E.exceededKeyLengthLimit,
        E.exceededValueLengthLimit,
        E.invalidValueType,
        E.invalidData,
        E.emptyData,
        E.metadataExceededCountLimit,
        E.metadataExceededKeyLengthLimit,
        E.metadataExceededValueLengthLimit,
        E.metadataEmptyKeyOrValue,
      ].sort(),
    );
  });
});
