/**
 * `POST /v1/apps/:appId/attributes` (bearer): applies one outbox batch to the session's user. Idempotent per
 * `batchId`: a retried batch gets the first answer back with `duplicate: true` and changes nothing.
 *
 * @example
 * registerAttributesRoute(fastify, context);
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AttributesResponse, Limits } from "../../contract";
import { checkAttributeBatch } from "../attribute-rules";
import { authenticate } from "../http/bearer";
import type { ServiceContext } from "../http/context";
import { BAD_REQUEST, sendError } from "../http/errors";

/**
 * Looser than the contract's `AttributesRequestSchema` on purpose: a value of the wrong type must be refused for
 * its key alone, not fail the whole batch.
 */
const BatchSchema = z.object({
  batchId: z.string().min(1).max(Limits.keyLength),
  master: z.record(z.string(), z.unknown()).optional(),
  app: z.record(z.string(), z.unknown()).optional(),
});

export function registerAttributesRoute(fastify: FastifyInstance, context: ServiceContext): void {
  // The service-wide body limit is small; a legal batch of multiline custom fields is not (Limits).
  const options = { bodyLimit: Limits.attributeBatchBytes };
  fastify.post("/v1/apps/:appId/attributes", options, async (request, reply) => {
    const auth = authenticate(request, reply, context);
    if (!auth) return reply;
    const parsed = BatchSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, BAD_REQUEST);
    const { batchId, master, app } = parsed.data;
    const previous = context.attributes.previousAnswer(auth.user.id, batchId) as AttributesResponse | undefined;
    if (previous) return reply.code(200).send({ ...previous, duplicate: true });
    const masterCheck = master ? checkAttributeBatch("master", master, auth.app) : undefined;
    const appCheck = app ? checkAttributeBatch("app", app, auth.app) : undefined;
    const answer: AttributesResponse = {
      master: { refused: masterCheck?.refused ?? {} },
      app: { refused: appCheck?.refused ?? {} },
    };
    const accepted: Parameters<typeof context.attributes.apply>[2] = {};
    if (masterCheck) accepted.master = masterCheck.accepted;
    if (appCheck) accepted.app = appCheck.accepted;
    context.attributes.apply(auth.user.id, batchId, accepted, answer);
    context.log.log("info", "attributes", { appId: auth.app.id, userId: auth.user.id, batchId });
    return reply.code(200).send(answer);
  });
}
