/**
 * The rate limit of user calls (attributes, identities): per session and per app, each a fixed window. Anyone
 * can open an anonymous session, so the per-session limit alone would not bound an app's load; the per-app
 * limit does. A request over the session's limit is not counted against the app.
 *
 * @example
 * const limiter = new UserRateLimiter(DEFAULT_USER_RATE_LIMIT, clock);
 * const wait = limiter.take(app.id, tokenHash); // undefined: allowed; else ms until it may be tried again
 */
import { type RateLimit, RateLimiter } from "./rate-limit";

export interface UserRateLimit {
  /** Requests per window of one session to one route. */
  readonly perSession: RateLimit;
  /** Requests per window of all sessions of one app to one route. */
  readonly perApp: RateLimit;
}

/** 60 a minute per session (the client sends a batch at most every few seconds), 6000 a minute per app. */
export const DEFAULT_USER_RATE_LIMIT: UserRateLimit = {
  perSession: { max: 60, windowMs: 60_000 },
  perApp: { max: 6_000, windowMs: 60_000 },
};

export class UserRateLimiter {
  private readonly sessions: RateLimiter;
  private readonly apps: RateLimiter;

  constructor(limit: UserRateLimit, clock: { now(): number }) {
    this.sessions = new RateLimiter(limit.perSession, clock);
    this.apps = new RateLimiter(limit.perApp, clock);
  }

  /** Counts one request; undefined when allowed, else the milliseconds until the window that refused it ends. */
  take(appId: string, sessionKey: string): number | undefined {
    if (!this.sessions.take(sessionKey)) return this.sessions.retryAfterMs(sessionKey);
    if (!this.apps.take(appId)) return this.apps.retryAfterMs(appId);
    return undefined;
  }
}
