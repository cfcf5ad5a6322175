/**
 * Signs identity tokens the way a game's JWT endpoint does (HS256 with the app's shared secret), with jose.
 * Node-only: the benches and tests mint tokens; the client never signs.
 *
 * @example
 * const jwt = await signIdentityToken(secret, { identities: [{ identifier: "uid", value: "42" }], iat: now });
 */
import { CompactSign } from "jose";

const encoder = new TextEncoder();

/**
 * A compact HS256 JWS of `payload` (any JSON value), with the secret's UTF-8 bytes as the key.
 *
 * @example
 * await signIdentityToken(secret, { identities: [], iat: 1 }, { alg: "HS512" }); // alg forced to HS256
 */
export async function signIdentityToken(
  secret: string,
  payload: unknown,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ ...header, alg: "HS256" })
    .sign(encoder.encode(secret));
}

/**
 * A uid (and optional email) token issued at `nowMs`.
 *
 * @example
 * await signUidToken(secret, "42", Date.now(), "ana@example.com");
 */
export function signUidToken(secret: string, uid: string, nowMs: number, email?: string): Promise<string> {
  const identities: Array<{ identifier: string; value: string }> = [{ identifier: "uid", value: uid }];
  if (email) identities.push({ identifier: "email", value: email });
  return signIdentityToken(secret, { identities, iat: Math.floor(nowMs / 1000) });
}
