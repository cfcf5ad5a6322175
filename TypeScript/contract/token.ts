import { base64UrlDecode } from "./lib/base64url";
import { utf8Decode } from "./lib/utf8";
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
  const bytes = base64UrlDecode(part);
  if (!bytes) return undefined;
  const text = utf8Decode(bytes);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits a compact JWT and parses header and payload, without `atob` or `TextDecoder`.
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
  if (!header || base64UrlDecode(parts[2] as string) === undefined) {
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

/**
 * Checks one identity object; records problems in `errors` keyed by identifier
 * (or `identities[i]` when there is no usable identifier), metadata problems by metadata key.
 */
function checkIdentity(entry: unknown, index: number, seen: Set<string>, errors: ErrorMap): IdentityEntry | undefined {
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
  const before = Object.keys(errors).length;
  if (identifier.length > Limits.keyLength) addError(errors, identifier, ErrorValue.exceededKeyLengthLimit);
  else if (!identifierSet.has(identifier) || seen.has(identifier)) addError(errors, identifier, ErrorValue.invalidData);
  else if (value === undefined || value === null || value === "") addError(errors, identifier, ErrorValue.emptyData);
  else if (typeof value !== "string") addError(errors, identifier, ErrorValue.invalidValueType);
  else {
    const max = identifier === "uid" ? Limits.uidValueLength : Limits.identityValueLength;
    if (value.length > max) addError(errors, identifier, ErrorValue.exceededValueLengthLimit);
  }
  seen.add(identifier);
  const checkedMetadata = checkMetadata(identifier, metadata, errors);
  if (Object.keys(errors).length !== before) return undefined;
  const out: { identifier: Identifier; value: string; metadata?: Record<string, string> } = {
    identifier: identifier as Identifier,
    value: value as string,
  };
  if (checkedMetadata) out.metadata = checkedMetadata;
  return out;
}

/**
 * Validates the identities array of a payload: size, then every entry, all offending entries in one map.
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
  const seen = new Set<string>();
  const valid: IdentityEntry[] = [];
  identities.forEach((entry, index) => {
    const checked = checkIdentity(entry, index, seen, errors);
    if (checked) valid.push(checked);
  });
  if (Object.keys(errors).length > 0) return failure(LoginFailureReason.identitiesDataInvalid, errors);
  return { ok: true, identities: valid };
}

/**
 * Every client-side rule for a non-empty identity token, in SPEC order:
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
