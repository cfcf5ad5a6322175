/**
 * `POST /v1/apps/:appId/logout` (bearer) revokes the session; `GET /v1/apps/:appId/me` (bearer) answers the
 * session's own user: identities, attributes and tags (the only read a session is allowed).
 *
 * @example
 * registerSessionRoutes(fastify, context);
 */
import type { FastifyInstance } from "fastify";
import type { UserProfile } from "../../contract";
import { logoutEntry } from "../console/live-entries";
import { requireSession, sessionOf } from "../http/bearer";
import type { ServiceContext } from "../http/context";

export function registerSessionRoutes(fastify: FastifyInstance, context: ServiceContext): void {
  const onRequest = requireSession(context);
  fastify.post("/v1/apps/:appId/logout", { onRequest }, async (request, reply) => {
    const auth = sessionOf(request);
    context.sessions.revoke(auth.tokenHash);
    context.log.log("info", "logout", { appId: auth.app.id, userId: auth.user.id });
    context.liveLog.add(logoutEntry(auth.app.id, auth.user.id));
    return reply.code(200).send({ ok: true });
  });

  fastify.get("/v1/apps/:appId/me", { onRequest }, async (request, reply) => {
    const auth = sessionOf(request);
    const attributes = context.attributes.read(auth.user.id);
    const profile: UserProfile = {
      userId: auth.user.id,
      anonymous: auth.user.anonymous,
      identities: context.users.identitiesOf(auth.user.id),
      master: attributes.master,
      app: attributes.app,
      tags: attributes.tags,
    };
    return reply.code(200).send(profile);
  });

  fastify.get("/v1/health", async (_request, reply) => reply.code(200).send({ ok: true, time: context.clock.now() }));
}
