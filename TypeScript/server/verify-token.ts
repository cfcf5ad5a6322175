/**
 * The service's check of an identity token: the contract's content rules again (never trust the client), then
 * what only the service can check: algorithm HS256, the HMAC signature with the app's secret, and the `iat` age
 * against the service clock.
 *
 * @example
 * const r = await verifyIdentityToken(jwt, app.secret, clock.now(), { fullPrivacy: false, requireUidOrEmail: true });
 * if (!r.ok) reply.code(401).send({ reason: r.reason, detail: r.detail });
 */
import { webcrypto } from "node:crypto";
import { compactVerify } from "jose";
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

const encoder = new TextEncoder();

/** Most secrets whose imported keys are kept; an app's rotation adds one, so this covers many apps. */
export const KEY_CACHE_SIZE = 256;
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * The HMAC key of a secret, imported once: importing on every verification cost as much as the check itself.
 * Keyed by the secret, so a rotated secret simply gets a new entry; the oldest entry goes when the map is full.
 *
 * @example
 * await compactVerify(jwt, await hmacKeyOf(app.secret), { algorithms: ["HS256"] });
 */
export function hmacKeyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value as string);
    key = webcrypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
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
  let mode: LoginMode | undefined;
  let token: {
    readonly identities: readonly IdentityEntry[];
    readonly iat?: number;
    readonly header?: Readonly<Record<string, unknown>>;
  };
  if (options.requireUidOrEmail) {
    const plan = checkLogin(jwt, { [LoginConfigKey.fullPrivacyEnabled]: options.fullPrivacy });
    if (!plan.ok) return plan;
    mode = plan.mode;
    token = plan;
  } else {
    const checked = validateIdentityToken(jwt);
    if (!checked.ok) return checked;
    token = checked;
  }
  const { identities, iat, header } = token;
  if (iat === undefined || header === undefined) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.malformedToken);
  }
  if (header.alg !== ALLOWED_ALGORITHM) {
    return failure(LoginFailureReason.identityTokenInvalid, undefined, FailureDetail.algorithmNotAllowed);
  }
  try {
    await compactVerify(jwt, await hmacKeyOf(secret), { algorithms: [ALLOWED_ALGORITHM] });
  } catch {
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
