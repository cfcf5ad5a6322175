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

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return "[unserialisable fields]";
  }
}
