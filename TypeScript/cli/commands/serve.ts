/**
 * `helpshift-ts serve`: runs the reference identity service on a data directory. On first run it creates the
 * demo app; every start prints what a developer needs to try a login at once: URL, app id, demo secret, a fresh
 * sample token and a `curl` line that logs in with it.
 *
 * @example
 * helpshift-ts serve                       # 127.0.0.1:8787, ./.data
 * PORT=9000 helpshift-ts serve --data-dir /tmp/hs
 */
import type { Command } from "commander";
import { SignJWT } from "jose";
import { LoginConfigKey, ProtocolPath } from "../../contract";
import { createConsoleLogger } from "../../node/console-logger";
import { createIdentityService, DEFAULT_DATA_DIR, type IdentityService } from "../../server";
import { type CommandIo, processIo } from "./check";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;
/** The app `serve` creates on first run. */
export const DEMO_APP_ID = "demo";

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
}

/** What `startServe` leaves running. */
export interface RunningServe {
  readonly service: IdentityService;
  readonly url: string;
  /** The lines printed at start. */
  readonly banner: string[];
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
  const service = await createIdentityService({
    dataDir: options.dataDir,
    // No publicUrl: the tester page calls its own origin, so it works under whatever address it was opened.
    logger: createConsoleLogger({ sink: { log: io.err, warn: io.err, error: io.err } }),
  });
  const existing = service.apps.find(DEMO_APP_ID);
  const created = existing ? undefined : service.apps.create({ id: DEMO_APP_ID, name: "Demo", tags: ["vip", "beta"] });
  const demo = existing ?? service.apps.get(DEMO_APP_ID);
  const listened = await service.listen({ host: options.host, port: options.port });
  const url = listened.replace(/\/\/(0\.0\.0\.0|\[::\])/, `//${displayHost}`);
  const token = await sampleToken(demo.secret, io.nowMs());
  const body = JSON.stringify({ identityToken: token, fullPrivacy: false });
  const banner = [
    `HelpshiftTS identity service listening on ${url}`,
    `data: ${options.dataDir}${created ? " (demo app created)" : ""}`,
    `tester page: ${url}/tester`,
    `app id: ${demo.id}`,
    `demo secret: ${demo.secret}`,
    `sample token (uid demo-player-1, email player1@example.com, ${LoginConfigKey.fullPrivacyEnabled} off, valid 24 h):`,
    token,
    "log in with it:",
    `curl -s -X POST ${url}${ProtocolPath.login(demo.id)} -H 'content-type: application/json' -d ${shellQuote(body)}`,
  ];
  return { service, url, banner };
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
    .action(async (options: { port?: string; host?: string; dataDir?: string }) => {
      const port = portOf(options.port ?? process.env.PORT) ?? DEFAULT_PORT;
      if (Number.isNaN(port)) {
        io.err("error: --port must be 0-65535");
        io.setExitCode(2);
        return;
      }
      const running = await startServe(
        {
          port,
          host: options.host ?? process.env.HOST ?? DEFAULT_HOST,
          dataDir: options.dataDir ?? process.env.HELPSHIFT_DATA_DIR ?? DEFAULT_DATA_DIR,
        },
        io,
      );
      running.banner.forEach(io.out);
      const stop = () => {
        void running.service.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
