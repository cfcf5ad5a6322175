/**
 * `helpshift-ts serve`: runs the reference identity service on a data directory. On first run it creates the
 * demo app; every start prints what a developer needs to try a login at once: URL, the console's address (and,
 * bound beyond loopback, its admin token: printed when generated, only named when the user gave it), app id, demo
 * secret, a fresh sample token and a `curl` line that logs in with it.
 *
 * @example
 * helpshift-ts serve                       # 127.0.0.1:8787, ./.data
 * PORT=9000 helpshift-ts serve --data-dir /tmp/hs
 * HELPSHIFT_ADMIN_TOKEN="$(cat ~/.hs-admin-token)" helpshift-ts serve --host 0.0.0.0   # the same token every start
 */
import { existsSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { SignJWT } from "jose";
import { ADMIN_TOKEN_HEADER, ConsolePath } from "../../console/api-types";
import { LoginConfigKey, ProtocolPath } from "../../contract";
import type { Logger } from "../../core/ports";
import { createConsoleLogger } from "../../node/console-logger";
import {
  type App,
  adminTokenProblem,
  createIdentityService,
  DATABASE_FILE_NAME,
  DEFAULT_DATA_DIR,
  type IdentityService,
  type NewApp,
} from "../../server";
import { type CommandIo, processIo } from "./check";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;
/** The app `serve` creates on first run. */
export const DEMO_APP_ID = "demo";

/** The environment variable that may carry the console's admin token (`--admin-token` wins over it). */
export const ADMIN_TOKEN_ENV = "HELPSHIFT_ADMIN_TOKEN";

/** An admin token the user gave, and where from (the banner names the source, never the token). */
export interface GivenAdminToken {
  readonly value: string;
  readonly from: "--admin-token" | typeof ADMIN_TOKEN_ENV;
}

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** The console's admin token; without it the service makes a new one at each start. */
  readonly adminToken?: GivenAdminToken;
}

/**
 * The admin token from `--admin-token` or else `HELPSHIFT_ADMIN_TOKEN` (an empty variable counts as unset), or a
 * one-line usage error naming where the bad one came from (never the token itself).
 *
 * @example
 * resolveAdminToken(options.adminToken, process.env.HELPSHIFT_ADMIN_TOKEN)
 */
export function resolveAdminToken(
  option: string | undefined,
  env: string | undefined,
): { token?: GivenAdminToken; error?: string } {
  const token: GivenAdminToken | undefined =
    option !== undefined
      ? { value: option, from: "--admin-token" }
      : env
        ? { value: env, from: ADMIN_TOKEN_ENV }
        : undefined;
  if (token === undefined) return {};
  const problem = adminTokenProblem(token.value);
  return problem === undefined ? { token } : { error: `${token.from} ${problem}` };
}

/**
 * The demo app `serve` creates on first run. Its tag and custom field make the README's attribute examples
 * (`new_tags: ["vip"]`, `custom_user_fields: { guild: "red" }`) go through as printed.
 */
export const DEMO_APP = {
  id: DEMO_APP_ID,
  name: "Demo",
  tags: ["vip", "beta"],
  customFields: [{ name: "guild", type: "singleline" }],
} as const satisfies NewApp;

/**
 * A demo app made by an older `serve` gains the tags and custom fields the demo has now (nothing is removed or
 * changed), so the README's examples work against a data directory that predates them.
 */
function upgradeDemoApp(service: IdentityService, demo: App): void {
  for (const tag of DEMO_APP.tags) if (!demo.tags.includes(tag)) service.apps.defineTag(demo.id, tag);
  for (const field of DEMO_APP.customFields) {
    if (!demo.customFields.some((f) => f.name === field.name)) service.apps.defineCustomField(demo.id, field);
  }
}

/** The service could not listen (port in use, address not available, no permission): one line says why. */
export class ListenError extends Error {
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    const why =
      code === "EADDRINUSE"
        ? `port ${port} is already in use on ${host}; stop what runs there or pass --port <other port>`
        : code === "EADDRNOTAVAIL"
          ? `${host} is not an address of this machine; pass --host 127.0.0.1`
          : code === "EACCES"
            ? `no permission to listen on port ${port}; pick a port above 1023`
            : `cannot listen on ${host}:${port} (${typeof code === "string" ? code : String(cause)})`;
    super(why);
    this.name = "ListenError";
  }
}

/** The outermost directory of `path` (itself included) that does not exist yet, if any. */
function firstMissingDirectory(path: string): string | undefined {
  let missing: string | undefined;
  for (let dir = path; !existsSync(dir); dir = dirname(dir)) {
    missing = dir;
    if (dirname(dir) === dir) break;
  }
  return missing;
}

/** What `startServe` leaves running. */
export interface RunningServe {
  readonly service: IdentityService;
  readonly url: string;
  /** The lines printed at start. */
  readonly banner: string[];
  readonly dataDir: string;
}

/**
 * Signs the sample token: uid + email, `iat` now, HS256 with the demo secret.
 *
 * @example
 * const jwt = await sampleToken(secret, Date.now());
 */
export async function sampleToken(secret: string, nowMs: number): Promise<string> {
  return new SignJWT({
    identities: [
      { identifier: "uid", value: "demo-player-1" },
      { identifier: "email", value: "player1@example.com", metadata: { source: "helpshift-ts serve" } },
    ],
    iat: Math.floor(nowMs / 1000),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(secret));
}

/**
 * The logger `serve` runs the service with: the console logger (info and up), every line to the command's stderr.
 * Bench 4 runs the service with this very logger, so it measures what users run.
 *
 * @example
 * createIdentityService({ dataDir, logger: serveLogger(processIo()) });
 */
export function serveLogger(io: Pick<CommandIo, "err">): Logger {
  return createConsoleLogger({ sink: { log: io.err, warn: io.err, error: io.err } });
}

/** Single-quotes a value for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Starts the service and returns the banner (the command prints it).
 *
 * @example
 * const running = await startServe({ host: "127.0.0.1", port: 0, dataDir: tmp }, processIo());
 */
export async function startServe(options: ServeOptions, io: CommandIo): Promise<RunningServe> {
  // A wildcard bind is reachable locally at the loopback address; print that so the curl line works as shown.
  const displayHost = options.host === "0.0.0.0" || options.host === "::" ? DEFAULT_HOST : options.host;
  const createdDir = firstMissingDirectory(resolve(options.dataDir));
  const database = join(options.dataDir, DATABASE_FILE_NAME);
  const createdDatabase = !existsSync(database);
  const service = await createIdentityService({
    dataDir: options.dataDir,
    // No publicUrl: the tester page calls its own origin, so it works under whatever address it was opened.
    logger: serveLogger(io),
    ...(options.adminToken ? { console: { adminToken: options.adminToken.value } } : {}),
  });
  let listened: string;
  try {
    listened = await service.listen({ host: options.host, port: options.port });
  } catch (error) {
    // Nothing is left behind: the database closes and a data directory this start created goes away.
    await service.close();
    if (createdDir !== undefined) rmSync(createdDir, { recursive: true, force: true });
    else if (createdDatabase)
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
    throw new ListenError(options.host, options.port, error);
  }
  const existing = service.apps.find(DEMO_APP_ID);
  const created = existing ? undefined : service.apps.create(DEMO_APP);
  if (existing) upgradeDemoApp(service, existing);
  const demo = existing ?? service.apps.get(DEMO_APP_ID);
  const url = listened.replace(/\/\/(0\.0\.0\.0|\[::\])/, `//${displayHost}`);
  const token = await sampleToken(demo.secret, io.nowMs());
  const body = JSON.stringify({ identityToken: token, fullPrivacy: false });
  const banner = [
    `HelpshiftTS identity service listening on ${url}`,
    `data: ${options.dataDir}${created ? " (demo app created)" : ""}`,
    `console: ${url}${ConsolePath.page}`,
    ...adminTokenLines(service, options.adminToken),
    `tester page: ${url}/tester`,
    `app id: ${demo.id}`,
    `demo secret: ${demo.secret}`,
    `sample token (uid demo-player-1, email player1@example.com, ${LoginConfigKey.fullPrivacyEnabled} off, valid 24 h):`,
    token,
    "log in with it:",
    `curl -s -X POST ${url}${ProtocolPath.login(demo.id)} -H 'content-type: application/json' -d ${shellQuote(body)}`,
  ];
  return { service, url, banner, dataDir: options.dataDir };
}

/**
 * The banner's admin token line. Beyond loopback the console API asks for the token: a generated one is printed
 * (nobody else knows it), one the user gave is only named by its source. On loopback nobody needs it: a
 * generated one is not mentioned, a given one is said to be set.
 */
function adminTokenLines(service: IdentityService, given: GivenAdminToken | undefined): string[] {
  const required = service.console.access.tokenRequired();
  if (given !== undefined) {
    return [
      `admin token: from ${given.from} (${required ? `the console asks for it; send it as ${ADMIN_TOKEN_HEADER}` : "not asked on loopback"})`,
    ];
  }
  return required
    ? [`admin token (the console asks for it; send it as ${ADMIN_TOKEN_HEADER}): ${service.console.access.adminToken}`]
    : [];
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : Number.NaN;
}

/** Registers `serve`. Stops on SIGINT/SIGTERM, closing the database cleanly. */
export function registerServeCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command("serve")
    .description("Run the reference identity service (creates a demo app on first run)")
    .option("--port <port>", `port (env PORT, default ${DEFAULT_PORT})`)
    .option("--host <host>", `address to bind (env HOST, default ${DEFAULT_HOST})`)
    .option("--data-dir <dir>", `data directory (env HELPSHIFT_DATA_DIR, default ./${DEFAULT_DATA_DIR})`)
    .option(
      "--admin-token <token>",
      `the console's admin token, the same at every start: 32-512 printable ASCII characters, no spaces (env ${ADMIN_TOKEN_ENV}, which keeps it out of the process list; default a new one each start)`,
    )
    .action(async (options: { port?: string; host?: string; dataDir?: string; adminToken?: string }) => {
      const port = portOf(options.port ?? process.env.PORT) ?? DEFAULT_PORT;
      if (Number.isNaN(port)) {
        io.err("error: --port must be 0-65535");
        io.setExitCode(2);
        return;
      }
      const adminToken = resolveAdminToken(options.adminToken, process.env[ADMIN_TOKEN_ENV]);
      if (adminToken.error !== undefined) {
        io.err(`error: ${adminToken.error}`);
        io.setExitCode(2);
        return;
      }
      let running: RunningServe;
      try {
        running = await startServe(
          {
            port,
            host: options.host ?? process.env.HOST ?? DEFAULT_HOST,
            dataDir: options.dataDir ?? process.env.HELPSHIFT_DATA_DIR ?? DEFAULT_DATA_DIR,
            ...(adminToken.token ? { adminToken: adminToken.token } : {}),
          },
          io,
        );
      } catch (error) {
        if (!(error instanceof ListenError)) throw error;
        io.err(`error: ${error.message}`);
        io.setExitCode(1);
        return;
      }
      running.banner.forEach(io.out);
      const stop = (signal: string) => {
        void running.service.close().then(() => {
          io.out(`HelpshiftTS identity service stopped (${signal}); data kept in ${running.dataDir}`);
          process.exit(0);
        });
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
