/**
 * What every route handler is handed: the repositories, the clock, the rate limits, the redacting log and the
 * console's live log.
 *
 * @example
 * registerLoginRoute(fastify, context);
 */
import type { Logger } from "../../core/ports";
import type { AppRepository } from "../apps";
import type { AttributeStore } from "../attribute-store";
import type { LiveLog } from "../console/live-log";
import type { Db } from "../db/database";
import type { RateLimiter } from "../rate-limit";
import type { SessionRepository } from "../sessions";
import type { UserRateLimit } from "../user-rate-limit";
import type { UserRepository } from "../users";

export interface ServiceContext {
  readonly db: Db;
  readonly apps: AppRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly attributes: AttributeStore;
  readonly clock: { now(): number };
  readonly loginLimiter: RateLimiter;
  /** The budget of each user call route (attributes, identities), per session and per app. */
  readonly userRateLimit: UserRateLimit;
  /** Already redacting: lines reach the configured logger with tokens and secrets replaced. */
  readonly log: Logger;
  /** What happened, for the console's live log (keys and reasons, never tokens, secrets or attribute values). */
  readonly liveLog: LiveLog;
}
