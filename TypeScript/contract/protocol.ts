/**
 * The HTTP+JSON protocol between the identity client and the reference identity service
 * (documented for people in docs/protocol.md). Both sides validate with these schemas.
 *
 * Every request and answer body is JSON (`Content-Type: application/json`). Calls made on behalf of a
 * logged-in user carry `Authorization: Bearer <sessionToken>`.
 *
 * @example
 * const url = serviceUrl + ProtocolPath.login(appId);
 * const parsed = LoginResponseSchema.safeParse(JSON.parse(body));
 */
import * as z from "zod/mini";
import { ErrorValue, FailureDetail, LoginFailureReason } from "./names";

/** Paths of the service, relative to its base URL. */
export const ProtocolPath = {
  health: () => "/v1/health",
  login: (appId: string) => `/v1/apps/${encodeURIComponent(appId)}/login`,
  identities: (appId: string) => `/v1/apps/${encodeURIComponent(appId)}/identities`,
  attributes: (appId: string) => `/v1/apps/${encodeURIComponent(appId)}/attributes`,
  logout: (appId: string) => `/v1/apps/${encodeURIComponent(appId)}/logout`,
  /** `GET` (bearer): the session's own user (identities, attributes, tags). */
  me: (appId: string) => `/v1/apps/${encodeURIComponent(appId)}/me`,
} as const;

/** Error codes of the protocol beyond the login failure reasons. */
export const ProtocolErrorCode = {
  /** The bearer session is expired, revoked or unknown: the client raises `userSessionExpired`. */
  sessionInvalid: "sessionInvalid",
  badRequest: "badRequest",
  notFound: "notFound",
  rateLimited: "rateLimited",
  payloadTooLarge: "payloadTooLarge",
} as const;
export type ProtocolErrorCode = (typeof ProtocolErrorCode)[keyof typeof ProtocolErrorCode];

const reasonValues = Object.values(LoginFailureReason);
const protocolCodeValues = Object.values(ProtocolErrorCode);
const errorValues = Object.values(ErrorValue);
const detailValues = Object.values(FailureDetail);

export const ErrorMapSchema = z.record(z.string(), z.enum(errorValues));

/** `POST login`: an empty `identityToken` is an anonymous login with the client's `anonymousId`. */
export const LoginRequestSchema = z.object({
  identityToken: z.string(),
  fullPrivacy: z.boolean(),
  /** `hsft_anon_…`: sent for empty-JWT logins and full-privacy logins without uid. */
  anonymousId: z.optional(z.string()),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  userId: z.string(),
  anonymous: z.boolean(),
  sessionToken: z.string(),
  /** Session expiry, epoch milliseconds (server clock). */
  expiresAt: z.number(),
  /** Server clock at answer time, epoch milliseconds: the client corrects its clock skew with it. */
  serverTime: z.number(),
  /** The app's `refreshUserCredentials` lead, when the service sets one. */
  refreshLeadSeconds: z.optional(z.number()),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** `POST identities` (bearer). */
export const AddIdentitiesRequestSchema = z.object({ identityToken: z.string() });
export type AddIdentitiesRequest = z.infer<typeof AddIdentitiesRequestSchema>;

export const AddIdentitiesResponseSchema = z.object({
  added: z.array(z.string()),
  /** Identifier → `invalidData` (e.g. the identity belongs to another user): `identityDataSyncFailed`. */
  refused: ErrorMapSchema,
});
export type AddIdentitiesResponse = z.infer<typeof AddIdentitiesResponseSchema>;

const AttributeValueSchema = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]);

/** `POST attributes` (bearer): one outbox batch. `batchId` makes a retried batch idempotent. */
export const AttributesRequestSchema = z.object({
  batchId: z.string(),
  master: z.optional(z.record(z.string(), AttributeValueSchema)),
  app: z.optional(z.record(z.string(), AttributeValueSchema)),
});
export type AttributesRequest = z.infer<typeof AttributesRequestSchema>;

export const AttributesResponseSchema = z.object({
  /** Keys the service refused, keyed like the client's errors (`custom_user_fields.<field>`, `new_tags.<tag>`). */
  master: z.object({ refused: ErrorMapSchema }),
  app: z.object({ refused: ErrorMapSchema }),
  /** True when this batchId had already been applied (a retry): nothing was applied twice. */
  duplicate: z.optional(z.boolean()),
});
export type AttributesResponse = z.infer<typeof AttributesResponseSchema>;

/** `POST logout` (bearer): revokes the session. Answer `{ ok: true }`. */
export const LogoutResponseSchema = z.object({ ok: z.boolean() });

/** Every non-2xx answer. `reason` is a login failure reason or a protocol error code. */
export const ErrorResponseSchema = z.object({
  reason: z.union([z.enum(reasonValues), z.enum(protocolCodeValues)]),
  detail: z.optional(z.enum(detailValues)),
  errors: z.optional(ErrorMapSchema),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** `GET me` (bearer): what the service holds about the session's own user. */
export const UserProfileSchema = z.object({
  userId: z.string(),
  anonymous: z.boolean(),
  identities: z.array(
    z.object({ identifier: z.string(), value: z.string(), metadata: z.record(z.string(), z.string()) }),
  ),
  /** Stored master attributes; `custom_user_fields` as a map. */
  master: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
  app: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
  /** The user's tags (master `new_tags` / `tags_to_remove` / `reset_tags` applied). */
  tags: z.array(z.string()),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;
