/**
 * Loggers for tests and benches: {@link CapturingLogger} keeps every line (for assertions and "no secret in any
 * log" scans), {@link silentLogger} drops them (benches).
 *
 * @example
 * const logger = new CapturingLogger();
 * // ... drive the client ...
 * expect(logger.text()).not.toContain(sessionToken);
 * expect(logger.at("warn").map((l) => l.message)).toContain("discarding corrupt stored value");
 */
import type { Logger, LogLevel } from "../../TypeScript/core/ports";

/**
 * One captured log line.
 *
 * @example
 * const line: LogLine = { level: "info", message: "logged in" };
 */
export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Lines a {@link CapturingLogger} keeps unless told otherwise: bounds memory in long fault and load runs. */
export const DEFAULT_LINE_LIMIT = 10_000;

/** Keeps lines in {@link CapturingLogger.lines}, up to `limit`. See the module example. */
export class CapturingLogger implements Logger {
  readonly lines: LogLine[] = [];

  constructor(private readonly limit = DEFAULT_LINE_LIMIT) {}

  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void {
    if (this.lines.length >= this.limit) return;
    this.lines.push(fields === undefined ? { level, message } : { level, message, fields });
  }

  /** Lines at one level. */
  at(level: LogLevel): LogLine[] {
    return this.lines.filter((l) => l.level === level);
  }

  /** Every line, message and fields, as one text to search. */
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields ?? {})}`).join("\n");
  }
}

/**
 * A logger that drops every line (benches, and tests that do not look at logs).
 *
 * @example
 * createHelpshiftClient(fakePorts({ transport, time, logger: silentLogger }));
 */
export const silentLogger: Logger = { log() {} };
