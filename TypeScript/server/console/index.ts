/**
 * The identity emulator console's management API (`/console/api/*`, contract in TypeScript/console/api-types.ts):
 * apps, users, reset, the live log and its stream, bending the clock and the network, status. The service
 * builds the pieces (`createConsole`) and registers the routes; the access guard and the network faults are
 * `onRequest` hooks on the whole service (the guard acts on `/console/api/` only, faults on `/v1/` only).
 *
 * @example
 * const console = createConsole(fastify, context, clock, { adminToken });
 * registerConsoleApi(fastify, console);
 */
import type { FastifyInstance } from "fastify";
import type { ServiceContext } from "../http/context";
import { type AccessPolicy, consoleAccessGuard, tokenRequiredFor } from "./access-guard";
import { registerAppRoutes } from "./app-routes";
import { Bend } from "./bend";
import { registerBendRoutes } from "./bend-routes";
import type { ConsoleContext } from "./context";
import { registerLogRoutes } from "./log-routes";
import { LogStreams } from "./log-stream";
import { NetworkFaults } from "./network-faults";
import { registerResetRoute } from "./reset-route";
import type { SkewableClock } from "./skewable-clock";
import { registerUserRoutes } from "./user-routes";

export { ADMIN_TOKEN_MAX_LENGTH, ADMIN_TOKEN_MIN_LENGTH, adminTokenProblem, newAdminToken } from "./access-guard";
export { BendLimits } from "./bend";
export type { ConsoleContext } from "./context";
export { LIVE_LOG_CAPACITY, LiveLog } from "./live-log";
export { HEARTBEAT_MS } from "./log-stream";
export { SkewableClock } from "./skewable-clock";
export { UserPage } from "./user-routes";

/** The console's options on `createIdentityService({ console })`. */
export interface ConsoleOptions {
  /**
   * The admin token (default: 256 random bits, base64url). Never logged. One of one's own must pass
   * {@link adminTokenProblem} (32-512 printable ASCII characters, no spaces), else the service is not built.
   */
  readonly adminToken?: string;
  /**
   * Whether requests need the admin token. Default: what the bound address says (anything but loopback does,
   * and so does a service not listening yet). Tests set it to try the non-loopback rules on 127.0.0.1.
   */
  readonly requireAdminToken?: boolean;
  /** Milliseconds between the log stream's heartbeat comments (default `HEARTBEAT_MS`, 15 s). */
  readonly heartbeatMs?: number;
}

/** What the service keeps of its console: the context the routes get, and what `close()` must stop. */
export interface ServiceConsole extends ConsoleContext {
  readonly faults: NetworkFaults;
  /** Ends open log streams and lets held requests go (before the server closes, or it would wait on them). */
  stop(): void;
}

/** Builds the console's pieces and adds its two hooks (access guard, network faults) to `fastify`. */
export function createConsole(
  fastify: FastifyInstance,
  service: ServiceContext,
  clock: SkewableClock,
  adminToken: string,
  options: ConsoleOptions = {},
): ServiceConsole {
  const bend = new Bend(clock);
  const faults = new NetworkFaults(bend, service.liveLog);
  const streams = new LogStreams(service.liveLog, clock, options.heartbeatMs);
  const access: AccessPolicy = {
    adminToken,
    tokenRequired: () => options.requireAdminToken ?? tokenRequiredFor(fastify.server.address()),
  };
  fastify.addHook("onRequest", consoleAccessGuard(access));
  fastify.addHook("onRequest", faults.hook);
  return {
    service,
    bend,
    access,
    streams,
    faults,
    stop() {
      streams.closeAll();
      faults.releaseAll();
    },
  };
}

/** Registers every route of the console API. */
export function registerConsoleApi(fastify: FastifyInstance, console: ConsoleContext): void {
  registerAppRoutes(fastify, console);
  registerUserRoutes(fastify, console);
  registerResetRoute(fastify, console);
  registerLogRoutes(fastify, console);
  registerBendRoutes(fastify, console);
}
