/**
 * The protocol speaks JSON only: a request that names another content type is 415 on every route. Fastify
 * refuses the bodies it has no parser for (the service keeps only the JSON one); this hook also refuses a
 * content type sent with a GET, which Fastify never parses. The refusal's body is the caller's to choose (the
 * console API answers in its own reasons); the protocol's is 415 `badRequest`.
 *
 * @example
 * fastify.addHook("preValidation", refuseNonJsonWith((request, reply) => sendError(reply, 415, BAD_REQUEST)));
 */
import type { FastifyReply, FastifyRequest } from "fastify";

/** True for no content type at all and for `application/json` with any parameters (e.g. a charset). */
export function isJsonOrAbsent(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/** A `preValidation` hook: `refuse` answers a request whose content type is other than JSON. */
export function refuseNonJsonWith(
  refuse: (request: FastifyRequest, reply: FastifyReply) => FastifyReply,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  return async (request, reply) =>
    isJsonOrAbsent(request.headers["content-type"]) ? undefined : refuse(request, reply);
}
