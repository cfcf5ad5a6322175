/**
 * `POST /v1/apps/:appId/attributes` (bearer): applies one outbox batch to the session's user. Idempotent per
 * `batchId`: a retried batch gets the first answer back with `duplicate: true` and changes nothing. Limited per
 * session and per app; a batch out of `BatchSchema`'s bounds is refused whole, and nothing of it is stored.
 *
 * @example
 * registerAttributesRoute(fastify, context);
 */
import type { FastifyInstance } from "fastify";
import { type AttributesResponse, Limits } from "../../contract";
import { checkAttributeBatch } from "../attribute-rules";
import { BatchSchema, MAX_STORED_ANSWER_BYTES } from "../batch-shape";
import { attributesEntry } from "../console/live-entries";
import { requireSession, sessionOf } from "../http/bearer";
import type { ServiceContext } from "../http/context";
import { BAD_REQUEST, sendError } from "../http/errors";
import { UserRateLimiter } from "../user-rate-limit";

export function registerAttributesRoute(fastify: FastifyInstance, context: ServiceContext): void {
  const limiter = new UserRateLimiter(context.userRateLimit, context.clock);
  // The service-wide body limit is small; a legal batch of multiline custom fields is not (Limits).
  const options = { bodyLimit: Limits.attributeBatchBytes, onRequest: requireSession(context, limiter) };
  fastify.post("/v1/apps/:appId/attributes", options, async (request, reply) => {
    const auth = sessionOf(request);
    const parsed = BatchSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, BAD_REQUEST);
    const { batchId, master, app } = parsed.data;
    const previous = context.attributes.previousAnswer(auth.user.id, batchId) as AttributesResponse | undefined;
    if (previous) {
      context.liveLog.add(attributesEntry(auth.app.id, auth.user.id, batchId, { duplicate: true }));
      return reply.code(200).send({ ...previous, duplicate: true });
    }
    const masterCheck = master ? checkAttributeBatch("master", master, auth.app) : undefined;
    const appCheck = app ? checkAttributeBatch("app", app, auth.app) : undefined;
    const answer: AttributesResponse = {
      master: { refused: masterCheck?.refused ?? {} },
      app: { refused: appCheck?.refused ?? {} },
    };
    // A backstop for the shape's bounds: an answer too large to keep is refused before anything is applied.
    if (JSON.stringify(answer).length > MAX_STORED_ANSWER_BYTES) return sendError(reply, 400, BAD_REQUEST);
    const accepted: Parameters<typeof context.attributes.apply>[2] = {};
    if (masterCheck) accepted.master = masterCheck.accepted;
    if (appCheck) accepted.app = appCheck.accepted;
    context.attributes.apply(auth.user.id, batchId, accepted, answer);
    context.log.log("info", "attributes", { appId: auth.app.id, userId: auth.user.id, batchId });
    context.liveLog.add(
      attributesEntry(auth.app.id, auth.user.id, batchId, {
        accepted,
        refused: { master: answer.master.refused, app: answer.app.refused },
      }),
    );
    return reply.code(200).send(answer);
  });
}
