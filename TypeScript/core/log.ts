import { makeRedactor, type Redactor } from "../contract";
import type { Logger, LogLevel } from "./ports";

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The core's logger: level filter + redaction in front of the platform's {@link Logger}. */
export interface CoreLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  setLevel(level: LogLevel): void;
  /** Hides a secret (session token) in every later line. */
  remember(secret: string): void;
  /**
   * Stops scanning for a secret once nothing can log it any more (its session ended): each remembered secret
   * costs every later line a scan, so remembering forever would make long-running clients slower and bigger.
   */
  forget(secret: string): void;
  readonly redactor: Redactor;
}

/**
 * Wraps the platform logger so that every line is redacted (JWT shapes, bearer values, remembered session
 * tokens) and filtered by level. A logger that throws never breaks the core.
 *
 * @example
 * const log = createCoreLog(ports.logger);
 * log.remember(sessionToken);
 * log.info("logged in", { token: sessionToken }); // fields.token === "[REDACTED]"
 */
export function createCoreLog(logger: Logger, level: LogLevel = "info"): CoreLog {
  const redactor = makeRedactor();
  let threshold = RANK[level];
  const write = (lineLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (RANK[lineLevel] < threshold) return;
    try {
      const safeFields = fields === undefined ? undefined : (redactor.value(fields) as Record<string, unknown>);
      logger.log(lineLevel, redactor.text(message), safeFields);
    } catch {
      // Logging must never change what the client does.
    }
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    setLevel(next) {
      if (Object.prototype.hasOwnProperty.call(RANK, next)) threshold = RANK[next];
    },
    remember: (secret) => redactor.remember(secret),
    forget: (secret) => redactor.forget(secret),
    redactor,
  };
}
