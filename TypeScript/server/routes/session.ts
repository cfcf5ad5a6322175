/**
 * `POST /v1/apps/:appId/logout` (bearer) revokes the session; `GET /v1/apps/:appId/me` (bearer) answers the
 * session's own user: identities, attributes and tags (the only read a session is allowed).
 *
 * @example
 * registerSessionRoutes(fastify, context);
 */
import type { FastifyInstance } from "fastify";
import type { UserProfile } from "../../contract";
import { authenticate } from "../http/bearer";
import type { ServiceContext } from "../http/context";

export function registerSessionRoutes(fastify: FastifyInstance, context: ServiceContext): void {
  fastify.post("/v1/apps/:appId/logout", async (request, reply) => {
    const auth = authenticate(request, reply, context);
    if (!auth) return reply;
    context.sessions.revoke(auth.tokenHash);
    context.log.log("info", "logout", { appId: auth.app.id, userId: auth.user.id });
    return reply.code(200).send({ ok: true });
  });

  fastify.get("/v1/apps/:appId/me", async (request, reply) => {
    const auth = authenticate(request, reply, context);
    if (!auth) return reply;
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
