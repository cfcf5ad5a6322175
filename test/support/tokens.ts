/**
 * Identity tokens for client tests, built with Node's Buffer (independent of the contract's own codec).
 * The signature is fake: the client never verifies it, the service does.
 *
 * @example
 * const jwt = identityToken([{ identifier: "uid", value: "42" }]);
 * const anon = identityToken([{ identifier: "email", value: "a@b.c" }]); // full privacy → anonymous
 */
export function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A compact JWT whose payload is `payload` (a value, or raw text) with a fake signature. */
export function fakeJwt(payload: unknown, signature = "ZmFrZS1zaWduYXR1cmU"): string {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(body)}.${signature}`;
}

/** A token with the given identities and `iat` (default 1 700 000 000; `null` leaves `iat` out). */
export function identityToken(
  identities: ReadonlyArray<{ identifier: string; value: unknown; metadata?: unknown }>,
  iat: number | null = 1_700_000_000,
): string {
  return fakeJwt(iat === null ? { identities } : { identities, iat });
}

/** Shorthand: a token with one `uid` identity. */
export function uidToken(uid: string): string {
  return identityToken([{ identifier: "uid", value: uid }]);
}

/** The payload of a compact JWT, decoded with Buffer (undefined when not decodable). */
export function jwtPayload(jwt: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
