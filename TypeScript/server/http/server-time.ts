/**
 * Every answer says the service's time: `X-Server-Time: <epoch ms>` (the service clock, fake in tests). The client
 * estimates its clock skew from it on every answer, not only at login (docs/protocol.md, docs/core.md).
 *
 * @example
 * stampServerTime(fastify, context.clock);
 */
import type { FastifyInstance } from "fastify";

/** The header name (lower case, as HTTP/2 and the core's transports spell it). */
export const SERVER_TIME_HEADER = "x-server-time";

/** Adds the header to every answer of `fastify` (errors and 404s included). */
export function stampServerTime(fastify: FastifyInstance, clock: { now(): number }): void {
  fastify.addHook("onSend", async (_request, reply, payload) => {
    reply.header(SERVER_TIME_HEADER, String(Math.round(clock.now())));
    return payload;
  });
}
