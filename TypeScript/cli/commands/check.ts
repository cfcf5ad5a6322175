/**
 * `helpshift-ts check <jwt|-> [--config '<json>'] [--json]`: "Troubleshooting a login" of docs/contract.md, automated.
 * Runs the same client-side checks as a login and says what failed and how to fix it. Never prints the token.
 *
 * @example
 * helpshift-ts check "$JWT" --config '{"full_privacy_enabled": true}'
 * my-token-endpoint | helpshift-ts check - --json
 */
import type { Command } from "commander";
// The contract's own modules, not its index: the index also loads the protocol schemas (zod), which `check`
// does not need and which would double its start-up time (docs/performance.md, bench 8).
import { inspectLogin, type LoginInspection } from "../../contract/inspect";
import { describeFailure } from "../../contract/messages";
import { makeRedactor } from "../../contract/redact";

/** What one command run produces: lines for stdout, lines for stderr, and the exit code. */
export interface CommandOutput {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exitCode: number;
}

/** Exit codes: 0 the token passes, 1 it does not, 2 the command was used wrongly. */
export const CheckExit = { ok: 0, failed: 1, usage: 2 } as const;

export interface CheckInput {
  /** The identity JWT; "" checks an anonymous (empty-JWT) login. */
  readonly token: string;
  /** Where the token came from: an empty standard input is a usage error, never an anonymous login. */
  readonly from?: "argument" | "stdin";
  /** The login config as JSON text (a JSON object). */
  readonly config?: string;
  readonly json?: boolean;
  /** Wall clock, epoch seconds. */
  readonly nowSeconds: number;
}

function formatAge(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : `${(abs / 3600).toFixed(1)} h`;
  return seconds >= 0 ? `${text} ago` : `${text} in the future`;
}

function humanLines(report: LoginInspection): string[] {
  const lines: string[] = [];
  if (report.ok) {
    lines.push("OK: the token passes every client-side login check.");
    const by = report.identifiers?.includes("uid") ? "uid" : "email";
    lines.push(
      report.anonymous ? "User: anonymous (the SDK generates an anonymous id)." : `User: identified by ${by}.`,
    );
  } else if (report.reason) {
    lines.push(...describeFailure(report.reason, report.errors));
    if (report.detail) lines.push(`Detail: ${report.detail}`);
  }
  if (report.identifiers) lines.push(`Identifiers: ${report.identifiers.join(", ") || "(none)"}`);
  if (report.iatAgeSeconds !== undefined) lines.push(`Issued: ${formatAge(report.iatAgeSeconds)}`);
  for (const warning of report.warnings) lines.push(`Warning (${warning.code}): ${warning.message}`);
  if (report.ok) lines.push("Note: only the service can verify the signature (shared secret) and the iat age.");
  return lines;
}

function jsonObject(report: LoginInspection): Record<string, unknown> {
  const out: Record<string, unknown> = { ok: report.ok };
  for (const key of ["reason", "errors", "detail", "anonymous", "identifiers", "iatAgeSeconds"] as const) {
    if (report[key] !== undefined) out[key] = report[key];
  }
  if (report.warnings.length > 0) out.warnings = report.warnings;
  return out;
}

/**
 * A usage error (exit 2): `error: …` on stderr, or under `--json` one object `{ok: false, usageError}` on stdout.
 * Every command and commander's own errors (see `runCli`) answer usage errors this way.
 *
 * @example
 * return usageOutput("--config is not valid JSON", input.json);
 */
export function usageOutput(message: string, json: boolean | undefined): CommandOutput {
  return json
    ? { stdout: [JSON.stringify({ ok: false, usageError: message })], stderr: [], exitCode: CheckExit.usage }
    : { stdout: [], stderr: [`error: ${message}`], exitCode: CheckExit.usage };
}

/**
 * The command as a pure function: input → output lines and exit code.
 *
 * @example
 * const out = runCheck({ token: jwt, json: true, nowSeconds: 1_700_000_000 });
 * process.exitCode = out.exitCode;
 */
export function runCheck(input: CheckInput): CommandOutput {
  if (input.from === "stdin" && input.token === "") {
    return usageOutput(
      'standard input is empty: pipe a token into "check -", or pass "" to check an anonymous login',
      input.json,
    );
  }
  let config: unknown;
  if (input.config !== undefined) {
    try {
      config = JSON.parse(input.config);
    } catch {
      return usageOutput("--config is not valid JSON", input.json);
    }
  }
  const report = inspectLogin(input.token, config, input.nowSeconds);
  const exitCode = report.ok ? CheckExit.ok : CheckExit.failed;
  // The report never holds the token; the redactor is a second guard for anything echoed from it.
  const redact = makeRedactor(input.token.length > 0 ? [input.token] : []);
  const stdout = input.json ? [JSON.stringify(jsonObject(report))] : humanLines(report);
  return { stdout: stdout.map((line) => redact.text(line)), stderr: [], exitCode };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Where a command writes and reads; tests pass their own. */
export interface CommandIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly setExitCode: (code: number) => void;
  readonly nowMs: () => number;
}

/** The process's own streams and clock. */
export function processIo(): CommandIo {
  return {
    stdin: process.stdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    setExitCode: (code) => {
      process.exitCode = code;
    },
    nowMs: () => Date.now(),
  };
}

/** Writes a command's output and sets the exit code. */
export function emit(io: CommandIo, output: CommandOutput): void {
  output.stdout.forEach(io.out);
  output.stderr.forEach(io.err);
  io.setExitCode(output.exitCode);
}

/** Registers `check`: a thin layer over {@link runCheck}. `-` reads the token from stdin (keeps it out of history). */
export function registerCheckCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command("check")
    .description("Run a login's client-side checks on an identity JWT; explain failures and warn about iat and alg")
    .argument("<jwt>", 'the identity JWT, "" for an anonymous login, or - to read it from stdin')
    .option("--config <json>", "login config as a JSON object, e.g. '{\"full_privacy_enabled\": true}'")
    .option("--json", "print exactly one JSON object")
    .action(async (jwt: string, options: { config?: string; json?: boolean }) => {
      const from = jwt === "-" ? "stdin" : "argument";
      const token = from === "stdin" ? (await readAll(io.stdin)).trim() : jwt;
      const nowSeconds = Math.floor(io.nowMs() / 1000);
      emit(io, runCheck({ token, from, config: options.config, json: options.json, nowSeconds }));
    });
}
