/**
 * Redaction for logs and error messages: secrets and tokens never reach a log.
 *
 * @example
 * const redact = makeRedactor();
 * redact.remember(sessionToken);
 * logger.info(redact.text(`sending ${jwt}`)); // "sending [REDACTED]"
 */
export const REDACTED = "[REDACTED]";

/** Anything shaped like a compact JWS/JWT (three base64url parts, the first starting `eyJ`). */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
/** Bearer credentials in headers or text. */
const BEARER_PATTERN = /(Bearer\s+)[^\s"',}]+/gi;

export interface Redactor {
  /** Adds a secret (session token, shared secret) to hide wherever it appears. Short values are ignored. */
  remember(secret: string | undefined): void;
  /** Forgets a remembered secret. */
  forget(secret: string | undefined): void;
  /** Returns `text` with JWTs, bearer credentials and remembered secrets replaced by `[REDACTED]`. */
  text(text: string): string;
  /** Deep-copies a value, redacting every string in it. */
  value(value: unknown): unknown;
}

/** Minimum length of a remembered secret: shorter strings would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;

/** Makes a redactor that knows JWT and bearer shapes plus the secrets it is told. */
export function makeRedactor(initialSecrets: readonly string[] = []): Redactor {
  const secrets = new Set<string>();
  const redactor: Redactor = {
    remember(secret) {
      if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    forget(secret) {
      if (typeof secret === "string") secrets.delete(secret);
    },
    text(text) {
      let out = text.replace(JWT_PATTERN, REDACTED).replace(BEARER_PATTERN, `$1${REDACTED}`);
      for (const secret of secrets) out = out.split(secret).join(REDACTED);
      return out;
    },
    value(value) {
      if (typeof value === "string") return redactor.text(value);
      if (Array.isArray(value)) return value.map((v) => redactor.value(v));
      if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = redactor.value(v);
        return out;
      }
      return value;
    },
  };
  for (const s of initialSecrets) redactor.remember(s);
  return redactor;
}
