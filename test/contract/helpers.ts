/**
 * Test helpers for the contract: build compact JWTs with Node's Buffer (independent of the contract's own
 * base64url/UTF-8 code, so a bug there cannot hide itself).
 *
 * @example
 * const jwt = unsignedToken({ identities: [{ identifier: "uid", value: "42" }], iat: 1 });
 */
export function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A token with the given payload (any JSON text or value) and a fake signature. */
export function unsignedToken(payload: unknown, header: unknown = { alg: "HS256", typ: "JWT" }): string {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return `${b64url(JSON.stringify(header))}.${b64url(body)}.c2lnbmF0dXJl`;
}

/** `{identifier, value}` with optional metadata. */
export function identity(identifier: string, value: unknown, metadata?: unknown): Record<string, unknown> {
  return metadata === undefined ? { identifier, value } : { identifier, value, metadata };
}

/** A token with the given identities and a fixed iat. */
export function tokenWith(identities: unknown[], extra: Record<string, unknown> = {}): string {
  return unsignedToken({ identities, iat: 1_700_000_000, ...extra });
}

/** `count` entries `{k0: v, k1: v, ...}`. */
export function entries(count: number, value: unknown = "v", prefix = "k"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) out[`${prefix}${i}`] = value;
  return out;
}
