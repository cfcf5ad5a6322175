/**
 * The shape the service accepts for a device's anonymous id: the contract's prefix and 22-128 base64url-safe
 * characters. Anyone can log in anonymously with an id of their choosing, so the id is the only secret of an
 * anonymous user: it must carry at least `Limits.anonymousIdBits` (128) random bits, which 22 base64url
 * characters (6 bits each, 132 bits) do and 21 (126 bits) do not.
 *
 * @example
 * isAnonymousId("hsft_anon_q3Xk7Yb2Lm9Pz4Rt1Vw8Aa") // true
 */
import { ANONYMOUS_ID_PREFIX, Limits } from "../contract";

/** Fewest characters after the prefix: enough base64url characters for `Limits.anonymousIdBits`. */
export const ANONYMOUS_ID_MIN_RANDOM_CHARS = Math.ceil(Limits.anonymousIdBits / 6);
/** Most characters after the prefix. */
export const ANONYMOUS_ID_MAX_RANDOM_CHARS = 128;

const ANONYMOUS_ID = new RegExp(
  `^${ANONYMOUS_ID_PREFIX}[A-Za-z0-9_-]{${ANONYMOUS_ID_MIN_RANDOM_CHARS},${ANONYMOUS_ID_MAX_RANDOM_CHARS}}$`,
);

/** True when `value` is a well-formed anonymous id. */
export function isAnonymousId(value: unknown): value is string {
  return typeof value === "string" && ANONYMOUS_ID.test(value);
}
