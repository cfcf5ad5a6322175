import { isBase64Url } from "./lib/base64url";
import { decodeBase64UrlUtf8 } from "./lib/decode-port";
import { Limits } from "./limits";
import { ErrorValue, FailureDetail, IDENTIFIERS, type Identifier, LoginFailureReason } from "./names";
import { addError, type CheckFailure, type ErrorMap, failure, isPlainObject, setOwn } from "./result";

/** One identity of a token: `{identifier, value, metadata?}`. */
export interface IdentityEntry {
  readonly identifier: Identifier;
  readonly value: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** A token split and parsed, before any rule about its content. Signature is not verified here. */
export interface DecodedToken {
  readonly ok: true;
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

/** A token whose payload satisfies every client-side rule. */
export interface ValidIdentityToken {
  readonly ok: true;
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly identities: readonly IdentityEntry[];
  /** Issued-at, epoch seconds. */
  readonly iat: number;
}

const identifierSet: ReadonlySet<string> = new Set(IDENTIFIERS);

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64UrlUtf8(part);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits a compact JWT and parses header and payload, without `atob` or `TextDecoder` unless a host installed
 * them through the decode port (lib/decode-port.ts, `installDecodePort`).
 *
 * @example
 * const decoded = decodeIdentityToken(jwt);
 * if (decoded.ok) console.log(decoded.payload.iat);
 */
export function decodeIdentityToken(jwt: string): DecodedToken | CheckFailure {
  const parts = typeof jwt === "string" ? jwt.split(".") : [];
  if (parts.length !== 3 || parts.some((p, i) => p.length === 0 && i < 2)) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.malformedToken);
  }
  const header = decodeJsonPart(parts[0] as string);
  if (!header || !isBase64Url(parts[2] as string)) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.malformedToken);
  }
  const payload = decodeJsonPart(parts[1] as string);
  if (!payload) return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.payloadNotJson);
  return { ok: true, header, payload };
}

function checkMetadata(identifier: string, metadata: unknown, errors: ErrorMap): Record<string, string> | undefined {
  if (metadata === undefined) return undefined;
  if (!isPlainObject(metadata)) {
    addError(errors, identifier, ErrorValue.invalidValueType);
    return undefined;
  }
  const entries = Object.entries(metadata);
  if (entries.length > Limits.collectionSize) {
    addError(errors, identifier, ErrorValue.metadataExceededCountLimit);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length === 0 || value === "" || value === undefined || value === null) {
      addError(errors, key, ErrorValue.metadataEmptyKeyOrValue);
    } else if (key.length > Limits.keyLength) {
      addError(errors, key, ErrorValue.metadataExceededKeyLengthLimit);
    } else if (typeof value !== "string") {
      addError(errors, key, ErrorValue.invalidValueType);
    } else if (value.length > Limits.metadataValueLength) {
      addError(errors, key, ErrorValue.metadataExceededValueLengthLimit);
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}

/** Values already taken per identifier in one token (for repeats and the single-uid rule). */
type SeenValues = Map<string, Set<string>>;

/** A repeat of an earlier entry (same identifier and value): counted once, so dropped. */
const REPEAT = "repeat";

/** Why a well-formed value cannot join the token: a second, different uid. */
function repeatProblem(identifier: string, value: string, seen: SeenValues): ErrorValue | typeof REPEAT | undefined {
  const values = seen.get(identifier);
  if (values?.has(value)) return REPEAT;
  if (identifier === "uid" && values !== undefined && values.size > 0) return ErrorValue.invalidData;
  return undefined;
}

/**
 * Checks one identity object; records problems in `errors` keyed by identifier
 * (or `identities[i]` when there is no usable identifier), metadata problems by metadata key.
 * An identifier may repeat with distinct values; an entry repeating identifier and value is one (the first
 * kept, {@link REPEAT} for the later ones); a second, different `uid` is `invalidData` on `uid`.
 */
function checkIdentity(
  entry: unknown,
  index: number,
  seen: SeenValues,
  errors: ErrorMap,
): IdentityEntry | typeof REPEAT | undefined {
  const slot = `identities[${index}]`;
  if (!isPlainObject(entry)) {
    addError(errors, slot, ErrorValue.invalidData);
    return undefined;
  }
  const { identifier, value, metadata } = entry;
  if (identifier === undefined || identifier === null || identifier === "") {
    addError(errors, slot, ErrorValue.emptyData);
    return undefined;
  }
  if (typeof identifier !== "string") {
    addError(errors, slot, ErrorValue.invalidValueType);
    return undefined;
  }
  let problem: ErrorValue | typeof REPEAT | undefined;
  if (identifier.length > Limits.keyLength) problem = ErrorValue.exceededKeyLengthLimit;
  else if (!identifierSet.has(identifier)) problem = ErrorValue.invalidData;
  else if (value === undefined || value === null || value === "") problem = ErrorValue.emptyData;
  else if (typeof value !== "string") problem = ErrorValue.invalidValueType;
  else if (value.length > (identifier === "uid" ? Limits.uidValueLength : Limits.identityValueLength)) {
    problem = ErrorValue.exceededValueLengthLimit;
  } else problem = repeatProblem(identifier, value, seen);
  if (problem !== undefined && problem !== REPEAT) addError(errors, identifier, problem);
  const metadataErrors = Object.keys(errors).length;
  const checkedMetadata = checkMetadata(identifier, metadata, errors);
  if (problem !== undefined || Object.keys(errors).length !== metadataErrors)
    return problem === REPEAT ? REPEAT : undefined;
  const values = seen.get(identifier) ?? new Set<string>();
  values.add(value as string);
  seen.set(identifier, values);
  const out: { identifier: Identifier; value: string; metadata?: Record<string, string> } = {
    identifier: identifier as Identifier,
    value: value as string,
  };
  if (checkedMetadata) out.metadata = checkedMetadata;
  return out;
}

/**
 * Validates the identities array of a payload: size (entries as sent, repeats included), then every entry, all
 * offending entries in one map. The valid answer lists each distinct identity once, in token order.
 *
 * @example
 * const r = validateIdentities([{ identifier: "uid", value: "42" }]);
 */
export function validateIdentities(identities: unknown): { ok: true; identities: IdentityEntry[] } | CheckFailure {
  if (!Array.isArray(identities)) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.identitiesNotArray);
  }
  if (identities.length > Limits.collectionSize) return failure(LoginFailureReason.identitiesSizeLimitExceeded);
  const errors: ErrorMap = {};
  const seen: SeenValues = new Map();
  const valid: IdentityEntry[] = [];
  identities.forEach((entry, index) => {
    const checked = checkIdentity(entry, index, seen, errors);
    if (checked !== undefined && checked !== REPEAT) valid.push(checked);
  });
  if (Object.keys(errors).length > 0) return failure(LoginFailureReason.identitiesDataInvalid, errors);
  return { ok: true, identities: valid };
}

/**
 * Every client-side rule for a non-empty identity token, in the contract's check order:
 * format → `iat` → identities count → identities data. The signature and `iat` age are the service's to check.
 *
 * @example
 * const r = validateIdentityToken(jwt);
 * if (!r.ok && r.reason === "iatIsMandatory") fixTokenEndpoint();
 */
export function validateIdentityToken(jwt: string): ValidIdentityToken | CheckFailure {
  const decoded = decodeIdentityToken(jwt);
  if (!decoded.ok) return decoded;
  const { header, payload } = decoded;
  if (!Array.isArray(payload.identities)) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.identitiesNotArray);
  }
  if (payload.iat === undefined || payload.iat === null) return failure(LoginFailureReason.iatIsMandatory);
  if (typeof payload.iat !== "number" || !Number.isFinite(payload.iat)) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.iatNotANumber);
  }
  const identities = validateIdentities(payload.identities);
  if (!identities.ok) return identities;
  return { ok: true, header, payload, identities: identities.identities, iat: payload.iat };
}

/** The identity with the given identifier, if present. */
export function findIdentity(identities: readonly IdentityEntry[], identifier: Identifier): IdentityEntry | undefined {
  return identities.find((i) => i.identifier === identifier);
}
