/**
 * The reference identity service: Fastify over SQLite. Everything it depends on (database, clock, logger, rate
 * limit) is injectable, so tests run it in-process on 127.0.0.1:0 with a fake clock.
 *
 * @example
 * const service = await createIdentityService({ database: ":memory:" });
 * const { secret } = service.apps.create({ id: "demo" });
 * const url = await service.listen({ host: "127.0.0.1", port: 0 });
 * // ... fetch(`${url}/v1/apps/demo/login`, ...)
 * await service.close();
 */
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { registerConsolePageRoutes } from "../console/page-routes";
import { installDecodePort } from "../contract";
import type { Logger } from "../core/ports";
import { nodeDecodePort } from "../node/decode-port";
import { registerTesterRoutes } from "../tester/routes";
import { AppRepository } from "./apps";
import { AttributeStore } from "./attribute-store";
import {
  type ConsoleOptions,
  createConsole,
  LiveLog,
  newAdminToken,
  registerConsoleApi,
  type ServiceConsole,
  SkewableClock,
} from "./console";
import { adminTokenProblem, CONSOLE_API_PREFIX, isConsoleApiRequest } from "./console/access-guard";
import { sendConsoleBodyRefusal, sendConsoleContentTypeRefusal, sendConsoleUrlRefusal } from "./console/errors";
import { scrubberOf } from "./console/live-log";
import { DATABASE_FILE_NAME, type Db, openDatabase } from "./db/database";
import { startWalCheckpoints } from "./db/wal-checkpoint";
import { type HousekeepingOptions, type PurgeCounts, startHousekeeping } from "./housekeeping";
import { answerClientError } from "./http/client-errors";
import type { ServiceContext } from "./http/context";
import { BAD_REQUEST, errorOfFrameworkStatus, sendError } from "./http/errors";
import { refuseNonJsonWith } from "./http/media-type";
import { stampServerTime } from "./http/server-time";
import { type RateLimit, RateLimiter } from "./rate-limit";
import { type RedactingLogger, redactingLogger, serviceRedactor } from "./redacting-logger";
import { registerAttributesRoute } from "./routes/attributes";
import { registerIdentitiesRoute } from "./routes/identities";
import { registerLoginRoute } from "./routes/login";
import { registerSessionRoutes } from "./routes/session";
import { SessionRepository } from "./sessions";
import { DEFAULT_USER_RATE_LIMIT, type UserRateLimit } from "./user-rate-limit";
import { UserRepository } from "./users";

export interface IdentityServiceOptions {
  /** An open database, a file path, or `:memory:`. Default: `<dataDir>/identity.sqlite`. */
  readonly database?: Db | string;
  /** Directory of the default database file (default `./.data`). */
  readonly dataDir?: string;
  /** Service clock, epoch ms (default `Date.now`). Session expiry, `iat` age and rate limits use it. */
  readonly clock?: { now(): number };
  /** Where log lines go (always redacted first). Default: nowhere. */
  readonly logger?: Logger;
  /** Logins allowed per app and client address in a window (default 30 per minute). */
  readonly loginRateLimit?: RateLimit;
  /** Attributes and identities calls allowed per session and per app in a window (`DEFAULT_USER_RATE_LIMIT`). */
  readonly userRateLimit?: UserRateLimit;
  /** Largest accepted request body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** The URL the tester page should call (default: same origin). */
  readonly publicUrl?: string;
  /** Purge of dead sessions and old batch answers: grace, retention, interval (default `DEFAULT_HOUSEKEEPING`). */
  readonly housekeeping?: Pick<HousekeepingOptions, "sessionGraceMs" | "batchRetentionMs" | "intervalMs">;
  /** The console API: admin token (default random), whether it is required (default: by bind address). */
  readonly console?: ConsoleOptions;
}

export const DEFAULT_LOGIN_RATE_LIMIT: RateLimit = { max: 30, windowMs: 60_000 };
/** 1 MiB for every route but `attributes`, which takes `Limits.attributeBatchBytes` (room for the largest legal batch). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_DATA_DIR = ".data";
/** Longest path parameter (an app id is at most 64 characters); a longer one is 414. */
export const MAX_PATH_PARAM_LENGTH = 100;

export interface IdentityService {
  readonly fastify: FastifyInstance;
  readonly db: Db;
  readonly apps: AppRepository;
  readonly context: ServiceContext;
  /** The console: its live log, bend state, open streams and access policy (with the admin token). */
  readonly console: ServiceConsole;
  /** Starts listening; resolves with the base URL, e.g. `http://127.0.0.1:54321`. */
  listen(options: { host: string; port: number }): Promise<string>;
  /** Deletes dead sessions and old batch answers now (the timer does it every `intervalMs`). */
  purge(): PurgeCounts;
  /** Ends open log streams, stops listening and closes the database (when the service opened it). */
  close(): Promise<void>;
}

/** No logger configured: lines go nowhere, so there is nothing to redact (and no per-request cost for it). */
const silent: RedactingLogger = { log() {}, remember() {} };

/**
 * Builds the service (routes registered, not yet listening).
 *
 * @example
 * const service = await createIdentityService({ dataDir: "/var/lib/helpshift-ts" });
 */
export async function createIdentityService(options: IdentityServiceOptions = {}): Promise<IdentityService> {
  const givenToken = options.console?.adminToken;
  const tokenProblem = givenToken === undefined ? undefined : adminTokenProblem(givenToken);
  if (tokenProblem !== undefined) throw new TypeError(`console.adminToken ${tokenProblem}`);
  const ownsDb = typeof options.database !== "object";
  const db =
    typeof options.database === "object"
      ? options.database
      : openDatabase(options.database ?? join(options.dataDir ?? DEFAULT_DATA_DIR, DATABASE_FILE_NAME));
  try {
    return await assemble(db, ownsDb, options);
  } catch (error) {
    // The caller never gets a service to close: a database opened here must not stay open behind the error.
    if (ownsDb && db.open) db.close();
    throw error;
  }
}

/** Builds the service on an open database; timers start last, once nothing else can fail. */
async function assemble(db: Db, ownsDb: boolean, options: IdentityServiceOptions): Promise<IdentityService> {
  // One clock for everything the service does, so the console can shift it (bend/clock).
  const clock = new SkewableClock(options.clock ?? { now: () => Date.now() });
  // Tokens are decoded with Buffer and a fatal TextDecoder instead of the contract's pure-JS codecs (same
  // answers on every input, test/contract/decode-port.test.ts; about 10× faster on large tokens).
  installDecodePort(nodeDecodePort);
  const log = options.logger ? redactingLogger(options.logger) : silent;
  const liveRedactor = serviceRedactor();
  const remember = (secret: string) => {
    log.remember(secret);
    liveRedactor.remember(secret);
  };
  const apps = new AppRepository(db, clock, remember);
  const adminToken = options.console?.adminToken ?? newAdminToken();
  remember(adminToken);
  const context: ServiceContext = {
    db,
    apps,
    users: new UserRepository(db, clock),
    sessions: new SessionRepository(db, clock),
    attributes: new AttributeStore(db, clock),
    clock,
    loginLimiter: new RateLimiter(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT, clock),
    userRateLimit: options.userRateLimit ?? DEFAULT_USER_RATE_LIMIT,
    log,
    liveLog: new LiveLog(clock, scrubberOf(liveRedactor.text)),
  };
  for (const app of apps.list()) remember(app.secret);

  const fastify = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: false,
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // Errors raised before routing (bad percent-encoding, an over-long parameter) and by Node's HTTP parser
    // (oversized headers, malformed framing) answer an ErrorResponse like every other refusal.
    frameworkErrors: (error, request, reply) => {
      log.log("info", "refused request", { code: error.code });
      const { status, body } = errorOfFrameworkStatus(error.statusCode ?? 400);
      // The console's refusals speak its own reasons (the route is not known yet: the path says it).
      if (status < 500 && request.url?.startsWith(CONSOLE_API_PREFIX)) return sendConsoleUrlRefusal(reply, status);
      return sendError(reply, status, body);
    },
    clientErrorHandler: answerClientError,
  });
  // JSON only: without its text/plain parser Fastify answers 415 to any other body; the hook covers GETs.
  fastify.removeContentTypeParser("text/plain");
  fastify.addHook(
    "preValidation",
    refuseNonJsonWith((request, reply) =>
      isConsoleApiRequest(request) ? sendConsoleContentTypeRefusal(reply) : sendError(reply, 415, BAD_REQUEST),
    ),
  );
  fastify.setErrorHandler((error: { statusCode?: number; code?: string; message?: string }, request, reply) => {
    const { status, body } = errorOfFrameworkStatus(error.statusCode ?? 500);
    if (status >= 500) log.log("error", "unhandled error", { url: request.url.split("?")[0], error });
    else log.log("info", "refused request", { url: request.url.split("?")[0], code: error.code });
    // The console's refusals speak its own reasons: a body that is not JSON, too large, of another type.
    if (status < 500 && isConsoleApiRequest(request)) return sendConsoleBodyRefusal(reply, status);
    return sendError(reply, status, body);
  });
  fastify.setNotFoundHandler((_request, reply) => sendError(reply, 404, errorOfFrameworkStatus(404).body));
  fastify.addHook("onResponse", async (request, reply) => {
    log.log("info", "request", {
      method: request.method,
      url: request.url.split("?")[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });

  // Every answer carries the service's time, so the client re-measures its clock skew on each one.
  stampServerTime(fastify, clock);
  const serviceConsole = createConsole(fastify, context, clock, adminToken, options.console);
  registerConsoleApi(fastify, serviceConsole);
  registerLoginRoute(fastify, context);
  registerIdentitiesRoute(fastify, context);
  registerAttributesRoute(fastify, context);
  registerSessionRoutes(fastify, context);
  await registerTesterRoutes(fastify, { serviceUrl: options.publicUrl ?? "" });
  await registerConsolePageRoutes(fastify, { serviceUrl: options.publicUrl ?? "" });

  const stopCheckpoints = startWalCheckpoints(db);
  const housekeeping = startHousekeeping(db, clock, {
    ...options.housekeeping,
    onPurged: (counts) => log.log("info", "purged dead sessions and old batch answers", { ...counts }),
    onError: (error) => log.log("error", "purge failed", { error }),
  });

  return {
    fastify,
    db,
    apps,
    context,
    console: serviceConsole,
    async listen({ host, port }) {
      await fastify.listen({ host, port });
      const address = fastify.server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      return `http://${urlHost}:${actualPort}`;
    },
    purge: () => housekeeping.purgeNow(),
    async close() {
      serviceConsole.stop();
      await fastify.close();
      housekeeping.stop();
      stopCheckpoints();
      if (ownsDb) db.close();
    },
  };
}
