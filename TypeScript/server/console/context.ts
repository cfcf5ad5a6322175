/**
 * What the console API's routes are handed: the service's own context (repositories, clock, live log), the
 * bend state, the access policy and the open log streams.
 *
 * @example
 * registerAppRoutes(fastify, consoleContext);
 */
import type { ServiceContext } from "../http/context";
import type { AccessPolicy } from "./access-guard";
import type { Bend } from "./bend";
import type { LogStreams } from "./log-stream";

export interface ConsoleContext {
  readonly service: ServiceContext;
  readonly bend: Bend;
  readonly access: AccessPolicy;
  readonly streams: LogStreams;
}
