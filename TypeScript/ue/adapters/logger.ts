/**
 * The core's `Logger` to the engine's log (`WriteLog(level, message)` → UE_LOG). Redacts again here, because
 * this adapter is the last place before text leaves TypeScript: JWTs, bearer credentials and remembered
 * secrets never reach the engine log.
 *
 * @example
 * const logger = createBridgeLogger(bridge, makeRedactor());
 * logger.log("warn", "login refused", { reason: "identityTokenInvalid" });
 */
import { makeRedactor, type Redactor } from "../../contract";
import type { Logger, LogLevel } from "../../core/ports";

export interface LogBridge {
  WriteLog(Level: string, Message: string): void;
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createBridgeLogger(
  bridge: LogBridge,
  redactor: Redactor = makeRedactor(),
  minimum: LogLevel = "debug",
): Logger {
  return {
    log(level, message, fields) {
      if (LEVEL_RANK[level] < LEVEL_RANK[minimum]) return;
      let line = message;
      if (fields && Object.keys(fields).length > 0) line += " " + safeStringify(redactor.value(fields));
      bridge.WriteLog(level, redactor.text(line));
    },
  };
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "[unserializable]";
  }
}
