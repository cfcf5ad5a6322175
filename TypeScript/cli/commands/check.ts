/**
 * `helpshift-ts check <jwt|-> [--config '<json>'] [--service <url>] [--json]`: "Troubleshooting a login" of
 * docs/contract.md, automated. Runs the same client-side checks as a login and says what failed and how to fix it.
 * Never prints the token. With `--service`, asks the service its time (`X-Server-Time` on `GET /v1/health`),
 * shows the skew against the local clock and checks `iat` on the service's clock, as the service will.
 *
 * @example
 * helpshift-ts check "$JWT" --config '{"full_privacy_enabled": true}'
 * my-token-endpoint | helpshift-ts check - --service http://127.0.0.1:8787 --json
 */
import type { Command } from "commander";
// The contract's own modules, not its index: the index also loads the protocol schemas (zod), which `check`
// does not need and which would double its start-up time (docs/performance.md, bench 8).
import { inspectLogin, type LoginInspection } from "../../contract/inspect";
import { describeFailure } from "../../contract/messages";
import { makeRedactor } from "../../contract/redact";

/** The service's health route: the clock probe (docs/protocol.md). Spelled here: the protocol module loads zod. */
export const HEALTH_PATH = "/v1/health";
/** How long `check` waits for the service's answer. */
export const SERVICE_TIMEOUT_MS = 5_000;
/** A skew beyond this makes tokens minted on this machine look `iat` in the future to the service (contract). */
const SKEW_WARNING_MS = 60_000;

/**
 * Which clock the check used. `local` without `serviceUrl`: no service asked; with it, the service did not give its
 * time (`error` says why). `service`: its time (`serviceTimeMs`, from `X-Server-Time`, else the `Date` header) and
 * `skewMs` = service − local (positive: the service is ahead), half the round trip allowed for.
 */
export type CheckClock =
  | { readonly source: "local"; readonly serviceUrl?: string; readonly error?: string }
  | {
      readonly source: "service";
      readonly serviceUrl: string;
      readonly serviceTimeMs: number;
      readonly skewMs: number;
      readonly roundTripMs: number;
      readonly header: "x-server-time" | "date";
    };

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
  /** The clock the iat is checked on (the service's with `--service`), epoch seconds. */
  readonly nowSeconds: number;
  /** Which clock that is; the command always says it (`clock` in JSON, a `Clock:` line). */
  readonly clock?: CheckClock;
}

function formatAge(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : `${(abs / 3600).toFixed(1)} h`;
  return seconds >= 0 ? `${text} ago` : `${text} in the future`;
}

function formatSkew(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 100) return "in step with the local clock (±0.1 s)";
  const text = abs < 120_000 ? `${(abs / 1000).toFixed(1)} s` : `${Math.round(abs / 60_000)} min`;
  return `${text} ${ms > 0 ? "ahead of" : "behind"} the local clock`;
}

/** The `Clock:` line (and a warning when the clocks disagree by more than the service tolerates). */
export function clockLines(clock: CheckClock): string[] {
  if (clock.source === "local") {
    if (clock.serviceUrl === undefined) {
      return ["Clock: the local clock (pass --service <url> to compare with the service's time and check iat on it)."];
    }
    return [`Clock: the local clock; the service at ${clock.serviceUrl} gave no time (${clock.error ?? "no answer"}).`];
  }
  const lines = [
    `Clock: the service's (${clock.serviceUrl} says ${new Date(clock.serviceTimeMs).toISOString()}), ` +
      `${formatSkew(clock.skewMs)}; iat checked on the service's clock.`,
  ];
  if (Math.abs(clock.skewMs) > SKEW_WARNING_MS) {
    lines.push(
      "Warning (clockSkew): this machine's clock is off by more than 60 s: tokens minted here may be refused " +
        "(iatInFuture) or age early; the SDK client corrects for the skew, a token signer does not.",
    );
  }
  return lines;
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
  const clock = input.clock;
  const stdout = input.json
    ? [JSON.stringify({ ...jsonObject(report), ...(clock ? { clock } : {}) })]
    : [...humanLines(report), ...(clock ? clockLines(clock) : [])];
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
  /** HTTP for `check --service` (default the global `fetch`). */
  readonly fetch?: typeof fetch;
}

/** `--service`'s value as an http(s) base URL without a trailing slash, or undefined when it is not one. */
export function serviceBaseUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.href.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

/**
 * Asks the service its time: `GET <url>/v1/health`, read `X-Server-Time` (else `Date`), allow half the round trip.
 * Never throws: a service that does not answer gives a `local` clock saying why.
 *
 * @example
 * const clock = await probeServiceClock("http://127.0.0.1:8787", processIo());
 */
export async function probeServiceClock(
  serviceUrl: string,
  io: Pick<CommandIo, "nowMs" | "fetch">,
): Promise<CheckClock> {
  const doFetch = io.fetch ?? fetch;
  const sentAt = io.nowMs();
  try {
    const response = await doFetch(`${serviceUrl}${HEALTH_PATH}`, { signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS) });
    const receivedAt = io.nowMs();
    await response.text().catch(() => "");
    const precise = Number(response.headers.get("x-server-time"));
    const date = Date.parse(response.headers.get("date") ?? "");
    const header =
      Number.isFinite(precise) && precise > 0 ? "x-server-time" : Number.isFinite(date) ? "date" : undefined;
    if (header === undefined) {
      return { source: "local", serviceUrl, error: `HTTP ${response.status} without X-Server-Time or Date` };
    }
    const serviceTimeMs = header === "x-server-time" ? precise : date;
    const roundTripMs = Math.max(0, receivedAt - sentAt);
    const skewMs = Math.round(serviceTimeMs - (sentAt + receivedAt) / 2);
    return { source: "service", serviceUrl, serviceTimeMs, skewMs, roundTripMs, header };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } })?.cause?.code;
    const name = error instanceof Error ? error.name : "error";
    return {
      source: "local",
      serviceUrl,
      error: name === "TimeoutError" ? `no answer within ${SERVICE_TIMEOUT_MS} ms` : (cause ?? name),
    };
  }
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
    .option("--service <url>", "the identity service: show its clock and the skew, check iat on its clock")
    .option("--json", "print exactly one JSON object")
    .action(async (jwt: string, options: { config?: string; json?: boolean; service?: string }) => {
      let clock: CheckClock = { source: "local" };
      if (options.service !== undefined) {
        const serviceUrl = serviceBaseUrl(options.service);
        if (serviceUrl === undefined) return emit(io, usageOutput("--service expects an http(s) URL", options.json));
        clock = await probeServiceClock(serviceUrl, io);
      }
      const from = jwt === "-" ? "stdin" : "argument";
      const token = from === "stdin" ? (await readAll(io.stdin)).trim() : jwt;
      const nowMs = io.nowMs() + (clock.source === "service" ? clock.skewMs : 0);
      const nowSeconds = Math.floor(nowMs / 1000);
      emit(io, runCheck({ token, from, config: options.config, json: options.json, nowSeconds, clock }));
    });
}
