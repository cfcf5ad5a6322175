/**
 * Error answers: every non-2xx body is an `ErrorResponse` `{reason, detail?, errors?}` (TypeScript/contract),
 * and the HTTP status says which family it belongs to.
 *
 * @example
 * return sendError(reply, 404, { reason: "notFound", detail: "unknownApp" });
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type CheckFailure,
  type ErrorResponse,
  FailureDetail,
  LoginFailureReason,
  ProtocolErrorCode,
} from "../../contract";

const sentErrors = new WeakMap<FastifyRequest, ErrorResponse>();

/** Sends an error answer (and remembers it for {@link errorSentFor}). */
export function sendError(reply: FastifyReply, status: number, body: ErrorResponse): FastifyReply {
  sentErrors.set(reply.request, body);
  return reply.code(status).type("application/json").send(body);
}

/** The error answer {@link sendError} sent for this request, if any: what the live log says of a refusal. */
export function errorSentFor(request: FastifyRequest): ErrorResponse | undefined {
  return sentErrors.get(request);
}

/** Token failures the service alone can find: the caller's credentials are wrong, not their request. */
const CREDENTIAL_DETAILS: ReadonlySet<string> = new Set([
  FailureDetail.signatureInvalid,
  FailureDetail.algorithmNotAllowed,
  FailureDetail.iatTooOld,
  FailureDetail.iatInFuture,
]);

/**
 * The status of a token check failure: 401 for signature, algorithm and `iat` age; 403 for the feature flag;
 * 400 for content the client should have refused itself.
 */
export function statusOfCheckFailure(failure: CheckFailure): number {
  if (failure.reason === LoginFailureReason.identityFeatureNotEnabled) return 403;
  if (failure.detail && CREDENTIAL_DETAILS.has(failure.detail)) return 401;
  return 400;
}

/** The `ErrorResponse` of a check failure (no token in it: failures never carry one). */
export function errorOfCheckFailure(failure: CheckFailure): ErrorResponse {
  return {
    reason: failure.reason,
    ...(failure.detail ? { detail: failure.detail } : {}),
    ...(failure.errors ? { errors: failure.errors } : {}),
  };
}

/** A malformed request: `badRequest`. */
export const BAD_REQUEST: ErrorResponse = { reason: ProtocolErrorCode.badRequest, detail: FailureDetail.badRequest };

/** Statuses that say a part of the request (body, path, headers) is too large. */
const TOO_LARGE: ReadonlySet<number> = new Set([413, 414, 431]);

/**
 * The status and body for an error the framework or Node's HTTP parser raised before a handler ran (parsing,
 * size, media type, framing). Never a message: messages of the framework repeat the path or the content type.
 */
export function errorOfFrameworkStatus(status: number): { status: number; body: ErrorResponse } {
  if (TOO_LARGE.has(status)) return { status, body: { reason: ProtocolErrorCode.payloadTooLarge } };
  if (status === 404) return { status, body: { reason: ProtocolErrorCode.notFound } };
  if (status === 429)
    return { status, body: { reason: ProtocolErrorCode.rateLimited, detail: FailureDetail.rateLimited } };
  if (status >= 400 && status < 500) return { status, body: BAD_REQUEST };
  return { status: 500, body: { reason: LoginFailureReason.unknownError } };
}

/** Sends 429 `rateLimited` with `Retry-After` in whole seconds. */
export function sendRateLimited(reply: FastifyReply, retryAfterMs: number): FastifyReply {
  reply.header("retry-after", String(Math.ceil(retryAfterMs / 1000)));
  return sendError(reply, 429, { reason: ProtocolErrorCode.rateLimited, detail: FailureDetail.rateLimited });
}
