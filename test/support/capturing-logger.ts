/**
 * A {@link Logger} that keeps every line, for assertions and for "no secret in any log" scans.
 *
 * @example
 * const logger = new CapturingLogger();
 * // ... drive the client ...
 * expect(logger.text()).not.toContain(sessionToken);
 * expect(logger.at("warn").map((l) => l.message)).toContain("discarding corrupt stored value");
 */
import type { Logger, LogLevel } from "../../TypeScript/core/ports";

/** One captured log line. */
export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Keeps every line in {@link CapturingLogger.lines}. See the module example. */
export class CapturingLogger implements Logger {
  readonly lines: LogLine[] = [];

  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void {
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
