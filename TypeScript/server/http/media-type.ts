/**
 * The protocol speaks JSON only: a request that names another content type is 415 on every route. Fastify
 * refuses the bodies it has no parser for (the service keeps only the JSON one); this hook also refuses a
 * content type sent with a GET, which Fastify never parses.
 *
 * @example
 * fastify.addHook("preValidation", refuseNonJson);
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { BAD_REQUEST, sendError } from "./errors";

/** True for no content type at all and for `application/json` with any parameters (e.g. a charset). */
export function isJsonOrAbsent(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/** A `preValidation` hook: 415 `badRequest` for a content type other than JSON. */
export async function refuseNonJson(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (isJsonOrAbsent(request.headers["content-type"])) return undefined;
  return sendError(reply, 415, BAD_REQUEST);
}
