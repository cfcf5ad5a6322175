/**
 * What every route handler is handed: the repositories, the clock, the login limiter and the redacting log.
 *
 * @example
 * registerLoginRoute(fastify, context);
 */
import type { Logger } from "../../core/ports";
import type { AppRepository } from "../apps";
import type { AttributeStore } from "../attribute-store";
import type { Db } from "../db/database";
import type { RateLimiter } from "../rate-limit";
import type { SessionRepository } from "../sessions";
import type { UserRepository } from "../users";

export interface ServiceContext {
  readonly db: Db;
  readonly apps: AppRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly attributes: AttributeStore;
  readonly clock: { now(): number };
  readonly loginLimiter: RateLimiter;
  /** Already redacting: lines reach the configured logger with tokens and secrets replaced. */
  readonly log: Logger;
}
