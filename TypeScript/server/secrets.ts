/**
 * Random secrets and their hashes. Shared secrets are 256 random bits; session tokens too, and only their
 * SHA-256 is stored, so a copy of the database cannot be replayed as a session.
 *
 * @example
 * const token = newSessionToken();
 * db.insert({ token_hash: hashToken(token) });
 */
import { createHash, randomBytes } from "node:crypto";

/** Bytes of a shared secret and a session token (256 bits). */
export const SECRET_BYTES = 32;

/** A new app shared secret: 256 random bits, base64url. */
export function newSharedSecret(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

/** A new opaque session token: 256 random bits, base64url, prefixed so it is recognisable (and redactable). */
export function newSessionToken(): string {
  return `hss_${randomBytes(SECRET_BYTES).toString("base64url")}`;
}

/** Random bytes of a row id: 128 bits, so ids cannot be guessed or collide. */
export const ID_BYTES = 16;

/** A random id with a prefix, e.g. `usr_…` (22 base64url characters after it). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(ID_BYTES).toString("base64url")}`;
}

/** SHA-256 of a session token, hex: what the sessions table keeps. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
