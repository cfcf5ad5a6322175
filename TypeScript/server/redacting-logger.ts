/**
 * Wraps a logger so that nothing secret reaches it: JWTs, bearer credentials, session tokens (`hss_…`) and
 * every app secret the service has loaded are replaced by `[REDACTED]` in messages and fields.
 *
 * @example
 * const log = redactingLogger(consoleLogger);
 * log.remember(app.secret);
 * log.log("info", "login", { token }); // token shows as [REDACTED]
 */
import { makeRedactor, REDACTED } from "../contract";
import type { Logger, LogLevel } from "../core/ports";

const SESSION_TOKEN = /hss_[A-Za-z0-9_-]+/g;

export interface RedactingLogger extends Logger {
  /** Adds a secret to hide wherever it appears. */
  remember(secret: string): void;
}

/** Redacts what the service may hold: JWTs, bearer credentials, session tokens and the secrets it is told. */
export interface ServiceRedactor {
  remember(secret: string): void;
  text(value: string): string;
  /** A deep copy with every string redacted (errors as `{name, message}`). */
  deep(value: unknown): unknown;
}

/**
 * The redaction every line of the service's log goes through; the console's live log uses one too.
 *
 * @example
 * const redact = serviceRedactor();
 * redact.remember(app.secret);
 * redact.deep({ summary: `token ${token}` }); // { summary: "token [REDACTED]" }
 */
export function serviceRedactor(): ServiceRedactor {
  const redactor = makeRedactor();
  const text = (value: string) => redactor.text(value).replace(SESSION_TOKEN, REDACTED);
  const deep = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value instanceof Error) return { name: value.name, message: text(value.message) };
    if (typeof value === "object" && value !== null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = deep((value as Record<string, unknown>)[key]);
      return out;
    }
    return value;
  };
  return { remember: (secret) => redactor.remember(secret), text, deep };
}

/** A logger that redacts before it forwards to `sink`. */
export function redactingLogger(sink: Logger): RedactingLogger {
  const { remember, text, deep } = serviceRedactor();
  return {
    remember,
    log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>) {
      sink.log(level, text(message), fields ? (deep(fields) as Record<string, unknown>) : undefined);
    },
  };
}
