/**
 * The console's users: search and page through them (newest last login first), read one, end their sessions
 * (revoke one, expire one, expire all open ones) and delete one with everything of theirs. Every change writes a
 * `console` entry to the live log.
 *
 * @example
 * registerUserRoutes(fastify, consoleContext);
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { ConsolePath, type ResetAnswer, type UserAnswer, type UsersAnswer } from "../../console/api-types";
import type { UserListing } from "../users";
import type { ConsoleContext } from "./context";
import { fieldErrorsOf, sendInvalid, sendNotFound } from "./errors";
import { ConsoleRoute } from "./route-patterns";
import { userDetailOf, userSummariesOf } from "./user-view";

/** Users per page: 50 unless asked, at most 200. */
export const UserPage = { defaultLimit: 50, maxLimit: 200 } as const;

/** The `before` cursor: the last user of a page, `<lastLoginAt>:<userId>`. */
const CURSOR = /^(\d{1,16}):(.{1,100})$/;

const UsersQuerySchema = z.object({
  app: z.string().min(1).optional(),
  q: z.string().max(300).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `a whole number 1-${UserPage.maxLimit}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(UserPage.maxLimit))
    .optional(),
  before: z.string().regex(CURSOR, "a cursor from a previous page's next").optional(),
});

const UserParams = z.object({ userId: z.string() });
const SessionParams = z.object({ userId: z.string(), sessionId: z.string() });

function cursorOf(user: UserListing): string {
  return `${user.lastLoginAt}:${user.id}`;
}

export function registerUserRoutes(fastify: FastifyInstance, console: ConsoleContext): void {
  const context = console.service;
  const said = (user: UserListing, summary: string) =>
    context.liveLog.add({ kind: "console", appId: user.appId, userId: user.id, summary });
  const userOf = (params: unknown, reply: FastifyReply): UserListing | undefined => {
    const { userId } = UserParams.parse(params);
    const user = context.users.listing(userId);
    if (!user) sendNotFound(reply, `user ${userId}`);
    return user;
  };
  const detail = (reply: FastifyReply, user: UserListing) => {
    const answer: UserAnswer = { user: userDetailOf(context, user) };
    return reply.send(answer);
  };

  fastify.get(ConsolePath.users, async (request, reply) => {
    const parsed = UsersQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const { app, q, before } = parsed.data;
    if (app !== undefined && !context.apps.find(app)) return sendNotFound(reply, `app ${app}`);
    const limit = parsed.data.limit ?? UserPage.defaultLimit;
    const cursor = before === undefined ? undefined : CURSOR.exec(before);
    // One more than the page: whether there is a next page, without a count.
    const users = context.users.search({
      ...(app === undefined ? {} : { appId: app }),
      ...(q === undefined ? {} : { q }),
      limit: limit + 1,
      ...(cursor ? { before: { lastLoginAt: Number(cursor[1]), id: cursor[2] as string } } : {}),
    });
    const page = users.slice(0, limit);
    const last = page.at(-1);
    const answer: UsersAnswer = {
      users: userSummariesOf(context, page),
      ...(users.length > limit && last ? { next: cursorOf(last) } : {}),
    };
    return reply.send(answer);
  });

  fastify.get(ConsoleRoute.user, async (request, reply) => {
    const user = userOf(request.params, reply);
    return user ? detail(reply, user) : reply;
  });

  fastify.delete(ConsoleRoute.user, async (request, reply) => {
    const user = userOf(request.params, reply);
    if (!user) return reply;
    const removed = context.users.delete(user.id);
    if (!removed) return sendNotFound(reply, `user ${user.id}`);
    said(user, `user ${user.id} deleted with ${removed.sessions} session(s)`);
    const answer: ResetAnswer = { removed: { users: 1, sessions: removed.sessions } };
    return reply.send(answer);
  });

  for (const [route, verb] of [
    [ConsoleRoute.sessionRevoke, "revoked"],
    [ConsoleRoute.sessionExpire, "expired"],
  ] as const) {
    fastify.post(route, async (request, reply) => {
      const user = userOf(request.params, reply);
      if (!user) return reply;
      const { sessionId } = SessionParams.parse(request.params);
      const done =
        verb === "revoked"
          ? context.sessions.revokeById(user.id, sessionId)
          : context.sessions.expireById(user.id, sessionId);
      if (!done) return sendNotFound(reply, `session ${sessionId} of user ${user.id}`);
      said(user, `session ${sessionId} of ${user.id} ${verb}`);
      return detail(reply, user);
    });
  }

  fastify.post(ConsoleRoute.userExpireSessions, async (request, reply) => {
    const user = userOf(request.params, reply);
    if (!user) return reply;
    const count = context.sessions.expireAllOf(user.id);
    said(user, `${count} open session(s) of ${user.id} expired`);
    return detail(reply, user);
  });
}
