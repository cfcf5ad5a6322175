/**
 * The core's `Logger` on the console, one line per entry, with a minimum level. Lines are redacted again here
 * (JWTs, bearer credentials, session tokens): callers should already have done it, a log sink must not trust it.
 *
 * @example
 * const logger = createConsoleLogger({ level: "info" });
 * logger.log("info", "logged in", { userId: "usr_1" }); // [helpshift-ts] info logged in {"userId":"usr_1"}
 */
import { makeRedactor, REDACTED } from "../contract";
import type { Logger, LogLevel } from "../core/ports";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SESSION_TOKEN = /hss_[A-Za-z0-9_-]+/g;

export interface ConsoleLoggerOptions {
  /** Lowest level printed (default `info`). */
  readonly level?: LogLevel;
  /** Prefix of every line (default `[helpshift-ts]`). */
  readonly prefix?: string;
  /** Where lines go (default `console`); tests pass their own. */
  readonly sink?: Pick<Console, "log" | "warn" | "error">;
}

/** Makes a console logger. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const prefix = options.prefix ?? "[helpshift-ts]";
  const sink = options.sink ?? console;
  const redactor = makeRedactor();
  return {
    log(level, message, fields) {
      if (ORDER[level] < min) return;
      let line = `${prefix} ${level} ${message}`;
      if (fields && Object.keys(fields).length > 0) line += ` ${safeJson(fields)}`;
      line = redactor.text(line).replace(SESSION_TOKEN, REDACTED);
      if (level === "error") sink.error(line);
      else if (level === "warn") sink.warn(line);
      else sink.log(line);
    },
  };
}

/** True when every field is a string, number, boolean or null: plain `JSON.stringify` gives the same text. */
function flat(fields: Readonly<Record<string, unknown>>): boolean {
  for (const key in fields) {
    const v = fields[key];
    if (v !== null && typeof v === "object") return false;
  }
  return true;
}

function safeJson(value: Readonly<Record<string, unknown>>): string {
  try {
    // The replacer (which turns nested errors into name and message) makes JSON.stringify several times slower;
    // the usual line (request, login) has only flat fields and needs none.
    if (flat(value)) return JSON.stringify(value);
    return JSON.stringify(value, (_key, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return "[unserialisable fields]";
  }
}
