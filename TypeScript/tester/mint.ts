/**
 * Mints an HS256 compact JWT with the pure SHA-256 HMAC: runs in Node, browsers and a bare Puerts engine.
 * For dev secrets in the tester; production tokens are signed by the game's own backend.
 *
 * @example
 * const jwt = mintHs256({ identities: [{ identifier: "uid", value: "42" }], iat: 1_700_000_000 }, "dev-secret");
 */
import { base64UrlEncode, utf8Encode } from "../contract";
import { hmacSha256 } from "./sha256";

/** The protected header of every minted token. */
export const MINT_HEADER = { alg: "HS256", typ: "JWT" } as const;

/** Signs `payload` as `base64url(header).base64url(payload).base64url(HMAC-SHA256(secret, signing input))`. */
export function mintHs256(payload: Readonly<Record<string, unknown>>, secret: string): string {
  const part = (value: unknown) => base64UrlEncode(utf8Encode(JSON.stringify(value)));
  const signingInput = `${part(MINT_HEADER)}.${part(payload)}`;
  const signature = hmacSha256(utf8Encode(secret), utf8Encode(signingInput));
  return `${signingInput}.${base64UrlEncode(signature)}`;
}
