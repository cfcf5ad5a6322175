/**
 * The shape the service accepts for a device's anonymous id: the contract's prefix and 8-128 base64url-safe
 * characters, so a client cannot name (and take over) an arbitrary string as its anonymous identity.
 *
 * @example
 * isAnonymousId("hsft_anon_3f9a1c2b7d") // true
 */
import { ANONYMOUS_ID_PREFIX } from "../contract";

const ANONYMOUS_ID = new RegExp(`^${ANONYMOUS_ID_PREFIX}[A-Za-z0-9_-]{8,128}$`);

/** True when `value` is a well-formed anonymous id. */
export function isAnonymousId(value: unknown): value is string {
  return typeof value === "string" && ANONYMOUS_ID.test(value);
}
