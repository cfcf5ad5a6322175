/**
 * The bearer check of user calls: the app must exist, and the session must be live and the app's. A session
 * only ever reaches its own user's data because the user id comes from the session, never from the request.
 *
 * @example
 * const auth = authenticate(request, reply, context);
 * if (!auth) return reply; // an error was sent
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { FailureDetail, ProtocolErrorCode } from "../../contract";
import type { App } from "../apps";
import type { User } from "../users";
import type { ServiceContext } from "./context";
import { sendError } from "./errors";

export interface Authenticated {
  readonly app: App;
  readonly user: User;
  readonly tokenHash: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The app named in the path, or sends 404 `notFound`/`unknownApp` and returns undefined. */
export function findApp(request: FastifyRequest, reply: FastifyReply, context: ServiceContext): App | undefined {
  const { appId } = request.params as { appId: string };
  const app = context.apps.find(appId);
  if (!app) sendError(reply, 404, { reason: ProtocolErrorCode.notFound, detail: FailureDetail.unknownApp });
  return app;
}

/** Resolves app, session and user, or sends the error (404 or 401 `sessionInvalid`) and returns undefined. */
export function authenticate(
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
    sendError(
      reply,
      401,
      detail ? { reason: ProtocolErrorCode.sessionInvalid, detail } : { reason: ProtocolErrorCode.sessionInvalid },
    );
    return undefined;
  }
  return { app, user, tokenHash: check.tokenHash };
}
