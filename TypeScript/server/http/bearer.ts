/**
 * The app and bearer checks of a route, run as `onRequest` hooks so they come before the body is read: the app
 * must exist, and for user calls the session must be live and the app's, then within its rate limits. A session
 * only ever reaches its own user's data because the user id comes from the session, never from the request.
 *
 * @example
 * fastify.post("/v1/apps/:appId/logout", { onRequest: requireSession(context) }, async (request, reply) => {
 *   const auth = sessionOf(request);
 * });
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { FailureDetail, ProtocolErrorCode } from "../../contract";
import type { App } from "../apps";
import { sessionRefusedEntry } from "../console/live-entries";
import type { UserRateLimiter } from "../user-rate-limit";
import type { User } from "../users";
import type { ServiceContext } from "./context";
import { sendError, sendRateLimited } from "./errors";

export interface Authenticated {
  readonly app: App;
  readonly user: User;
  readonly tokenHash: string;
}

type OnRequest = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const apps = new WeakMap<FastifyRequest, App>();
const sessions = new WeakMap<FastifyRequest, Authenticated>();

/** The app named in the path, or sends 404 `notFound`/`unknownApp` and returns undefined. */
function findApp(request: FastifyRequest, reply: FastifyReply, context: ServiceContext): App | undefined {
  const { appId } = request.params as { appId: string };
  const app = context.apps.find(appId);
  if (!app) sendError(reply, 404, { reason: ProtocolErrorCode.notFound, detail: FailureDetail.unknownApp });
  return app;
}

/** Resolves app, session and user, or sends the error (404 or 401 `sessionInvalid`) and returns undefined. */
function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  context: ServiceContext,
): Authenticated | undefined {
  const app = findApp(request, reply, context);
  if (!app) return undefined;
  const match = BEARER.exec(request.headers.authorization ?? "");
  const check = match?.[1] ? context.sessions.check(app.id, match[1]) : ({ ok: false } as const);
  const user = check.ok ? context.users.find(check.userId) : undefined;
  if (!check.ok || !user) {
    const detail = check.ok ? undefined : check.detail;
    const body = detail
      ? { reason: ProtocolErrorCode.sessionInvalid, detail }
      : { reason: ProtocolErrorCode.sessionInvalid };
    const userId = check.ok ? undefined : check.userId;
    context.liveLog.add(sessionRefusedEntry(app.id, request.method, request.url.split("?")[0] ?? "", userId, body));
    sendError(reply, 401, body);
    return undefined;
  }
  return { app, user, tokenHash: check.tokenHash };
}

/** An `onRequest` hook: 404 for an unknown app; the handler reads the app with {@link appOf}. */
export function requireApp(
  context: ServiceContext,
  then?: (app: App, request: FastifyRequest) => number | undefined,
): OnRequest {
  return async (request, reply) => {
    const app = findApp(request, reply, context);
    if (!app) return reply;
    apps.set(request, app);
    const retryAfterMs = then?.(app, request);
    return retryAfterMs === undefined ? undefined : sendRateLimited(reply, retryAfterMs);
  };
}

/**
 * An `onRequest` hook for user calls: 404 for an unknown app, 401 without a live session of the app, 429 over
 * the limiter's budget (every request of the session counts, whatever its body). The handler reads the session
 * with {@link sessionOf}.
 */
export function requireSession(context: ServiceContext, limiter?: UserRateLimiter): OnRequest {
  return async (request, reply) => {
    const auth = authenticate(request, reply, context);
    if (!auth) return reply;
    const retryAfterMs = limiter?.take(auth.app.id, auth.tokenHash);
    if (retryAfterMs !== undefined) return sendRateLimited(reply, retryAfterMs);
    sessions.set(request, auth);
    return undefined;
  };
}

/** The app {@link requireApp} found for this request. */
export function appOf(request: FastifyRequest): App {
  const app = apps.get(request);
  if (!app) throw new Error("route without requireApp");
  return app;
}

/** The session {@link requireSession} checked for this request. */
export function sessionOf(request: FastifyRequest): Authenticated {
  const auth = sessions.get(request);
  if (!auth) throw new Error("route without requireSession");
  return auth;
}
