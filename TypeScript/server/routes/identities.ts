/**
 * `POST /v1/apps/:appId/identities` (bearer): adds the token's identities to the session's user. An identity
 * owned by another user (or a second uid) is refused per identifier with `invalidData`. Limited per session and
 * per app; the token's content is checked before the app's identity feature, its signature after.
 *
 * @example
 * registerIdentitiesRoute(fastify, context);
 */
import type { FastifyInstance } from "fastify";
import {
  AddIdentitiesRequestSchema,
  type AddIdentitiesResponse,
  type ErrorMap,
  type ErrorResponse,
  ErrorValue,
  LoginFailureReason,
} from "../../contract";
import { identitiesEntry } from "../console/live-entries";
import { requireSession, sessionOf } from "../http/bearer";
import type { ServiceContext } from "../http/context";
import { BAD_REQUEST, errorOfCheckFailure, sendError, statusOfCheckFailure } from "../http/errors";
import { checkTokenContent } from "../token-content";
import { UserRateLimiter } from "../user-rate-limit";
import { verifyIdentityToken } from "../verify-token";

const OPTIONS = { fullPrivacy: false, requireUidOrEmail: false } as const;

export function registerIdentitiesRoute(fastify: FastifyInstance, context: ServiceContext): void {
  const limiter = new UserRateLimiter(context.userRateLimit, context.clock);
  fastify.post(
    "/v1/apps/:appId/identities",
    { onRequest: requireSession(context, limiter) },
    async (request, reply) => {
      const auth = sessionOf(request);
      const parsed = AddIdentitiesRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, BAD_REQUEST);
      const refuse = (status: number, body: ErrorResponse) => {
        context.liveLog.add(identitiesEntry(auth.app.id, auth.user.id, { refused: body }));
        return sendError(reply, status, body);
      };
      const content = checkTokenContent(parsed.data.identityToken, OPTIONS);
      if (!content.ok) return refuse(statusOfCheckFailure(content), errorOfCheckFailure(content));
      if (!auth.app.identityEnabled) return refuse(403, { reason: LoginFailureReason.identityFeatureNotEnabled });
      const verified = await verifyIdentityToken(
        parsed.data.identityToken,
        auth.app.secret,
        context.clock.now(),
        OPTIONS,
      );
      if (!verified.ok) return refuse(statusOfCheckFailure(verified), errorOfCheckFailure(verified));
      const added: string[] = [];
      const refused: ErrorMap = {};
      // What the live log says per identifier: the refusal's own reason, where the client only gets invalidData.
      const outcomes: Record<string, string> = {};
      if (auth.user.anonymous) {
        // An anonymous user has no identity to attach to; the client does not even send this call.
        for (const identity of verified.identities) {
          refused[identity.identifier] = ErrorValue.invalidData;
          outcomes[identity.identifier] = "anonymousUser";
        }
      } else {
        for (const [identifier, outcome] of Object.entries(
          context.users.attachIdentities(auth.user, verified.identities),
        )) {
          outcomes[identifier] = outcome;
          if (outcome === "added") added.push(identifier);
          else refused[identifier] = ErrorValue.invalidData;
        }
      }
      context.log.log("info", "identities", { appId: auth.app.id, userId: auth.user.id, added, refused });
      context.liveLog.add(identitiesEntry(auth.app.id, auth.user.id, { outcomes }));
      const answer: AddIdentitiesResponse = { added, refused };
      return reply.code(200).send(answer);
    },
  );
}
