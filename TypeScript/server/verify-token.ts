/**
 * The service's check of an identity token: the contract's content rules again (never trust the client), then
 * what only the service can check: algorithm HS256, the HMAC signature with the app's secret, and the `iat` age
 * against the service clock.
 *
 * @example
 * const r = await verifyIdentityToken(jwt, app.secret, clock.now(), { fullPrivacy: false, requireUidOrEmail: true });
 * if (!r.ok) reply.code(401).send({ reason: r.reason, detail: r.detail });
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import {
  type CheckFailure,
  checkLogin,
  FailureDetail,
  failure,
  type IdentityEntry,
  Limits,
  LoginConfigKey,
  LoginFailureReason,
  type LoginMode,
  validateIdentityToken,
} from "../contract";

/** The only algorithm the service accepts. */
export const ALLOWED_ALGORITHM = "HS256";

/** A token that passed every rule. */
export interface VerifiedToken {
  readonly ok: true;
  readonly identities: readonly IdentityEntry[];
  readonly iat: number;
  /** Set when `requireUidOrEmail` was asked: how the login's user is identified. */
  readonly mode?: LoginMode;
}

export interface VerifyOptions {
  /** The request's full privacy flag (login only). */
  readonly fullPrivacy: boolean;
  /** Login: apply the uid/email rule. AddUserIdentities: not. */
  readonly requireUidOrEmail: boolean;
}

/** A token whose content rules passed (the contract's `checkLogin` or `validateIdentityToken` answer). */
export interface CheckedToken {
  readonly identities: readonly IdentityEntry[];
  readonly iat?: number;
  readonly header?: Readonly<Record<string, unknown>>;
  readonly mode?: LoginMode;
}

/** Most secrets whose keys are kept; an app's rotation adds one, so this covers many apps. */
export const KEY_CACHE_SIZE = 256;
const keys = new Map<string, KeyObject>();

/**
 * The HMAC key of a secret (its UTF-8 bytes, as the token endpoint signs with), made once per secret. Keyed by
 * the secret, so a rotated secret simply gets a new entry; the oldest entry goes when the map is full.
 *
 * @example
 * hs256SignatureValid(jwt, hmacKeyOf(app.secret));
 */
export function hmacKeyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value as string);
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return key;
}

/**
 * True when the token's third part is the HMAC-SHA256 of its first two (`header.payload`) under `key`, written as
 * base64url without padding. node:crypto computes the MAC; the comparison is constant-time
 * (`crypto.timingSafeEqual`) over the canonical encoding, so no other spelling of the same bytes (different
 * unused trailing bits, padding, other characters) is accepted.
 *
 * @example
 * hs256SignatureValid("eyJ….eyJ….sig", hmacKeyOf(secret)); // false
 */
export function hs256SignatureValid(jwt: string, key: KeyObject): boolean {
  const dot = jwt.lastIndexOf(".");
  if (dot <= 0) return false;
  const expected = Buffer.from(createHmac("sha256", key).update(jwt.slice(0, dot)).digest("base64url"), "latin1");
  const given = Buffer.from(jwt.slice(dot + 1), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What only the service can check, on a token whose content rules passed: algorithm HS256 and no critical
 * extension, the HMAC signature with the app's secret, and the `iat` age against the service clock.
 *
 * @example
 * const plan = checkLogin(jwt, config); // content rules, once
 * if (plan.ok) verifyCheckedToken(jwt, plan, app.secret, Date.now());
 */
export function verifyCheckedToken(
  jwt: string,
  token: CheckedToken,
  secret: string,
  nowMs: number,
): VerifiedToken | CheckFailure {
  const { identities, iat, header, mode } = token;
  if (iat === undefined || header === undefined) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.malformedToken);
  }
  if (header.alg !== ALLOWED_ALGORITHM) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.algorithmNotAllowed);
  }
  // No JWS extension is supported, so a token that marks one critical (RFC 7515 §4.1.11; e.g. `b64: false`,
  // which would change what is signed) is refused, as jose refused it.
  if (Object.hasOwn(header, "crit") || !hs256SignatureValid(jwt, hmacKeyOf(secret))) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.signatureInvalid);
  }
  const nowSeconds = nowMs / 1000;
  if (iat < nowSeconds - Limits.iatMaxAgeSeconds) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.iatTooOld);
  }
  if (iat > nowSeconds + Limits.iatFutureToleranceSeconds) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.iatInFuture);
  }
  return mode === undefined ? { ok: true, identities, iat } : { ok: true, identities, iat, mode };
}

/**
 * Verifies a non-empty identity token. Never throws; the failure carries a reason and a detail, never the token.
 *
 * @example
 * await verifyIdentityToken(jwt, secret, Date.now(), { fullPrivacy: true, requireUidOrEmail: true });
 */
export async function verifyIdentityToken(
  jwt: string,
  secret: string,
  nowMs: number,
  options: VerifyOptions,
): Promise<VerifiedToken | CheckFailure> {
  const checked = options.requireUidOrEmail
    ? checkLogin(jwt, { [LoginConfigKey.fullPrivacyEnabled]: options.fullPrivacy })
    : validateIdentityToken(jwt);
  if (!checked.ok) return checked;
  return verifyCheckedToken(jwt, checked, secret, nowMs);
}
