/**
 * Schemas of what crosses the bridge from C++ (a trust boundary: JSON text written by C++ from Blueprint
 * data). zod/mini, because this runs in the Puerts bundle.
 *
 * @example
 * const parsed = LoginPayloadSchema.safeParse(JSON.parse(json));
 * if (!parsed.success) failLogin(id, "unknownError");
 */
import * as z from "zod/mini";

/** A login config value: String, Bool or numeric; anything else reaches the contract validator as-is. */
export const LoginPayloadSchema = z.object({
  jwt: z.string(),
  config: z.optional(z.unknown()),
});
export type LoginPayload = z.infer<typeof LoginPayloadSchema>;

export const TokenPayloadSchema = z.object({ jwt: z.string() });

export const AttributesPayloadSchema = z.object({ attributes: z.unknown() });

/** The HTTP answer C++ delivers: a status and a body, or a transport error. */
export const HttpResponsePayloadSchema = z.union([
  z.object({ status: z.number(), body: z.string(), headers: z.optional(z.record(z.string(), z.string())) }),
  z.object({ error: z.string() }),
]);
export type HttpResponsePayload = z.infer<typeof HttpResponsePayloadSchema>;

const stringList = z.union([z.array(z.string()), z.string()]);

/** Install config fields, from UHelpshiftTSSettings and from `Init` parameters (the latter win). */
export const InitFieldsSchema = z.object({
  serviceUrl: z.optional(z.string()),
  appId: z.optional(z.string()),
  flushIntervalMs: z.optional(z.number()),
  refreshLeadSeconds: z.optional(z.number()),
  multilineCustomFields: z.optional(stringList),
  logLevel: z.optional(z.enum(["debug", "info", "warn", "error"])),
  /** Ask the game for fresh identity tokens (the identityTokenRequested event) to renew sessions in place. */
  requestIdentityTokens: z.optional(z.boolean()),
});
export type InitFields = z.infer<typeof InitFieldsSchema>;

/** The provideIdentityToken / provideIdentityTokenFailed commands (requestId left out: whichever is pending). */
export const TokenAnswerPayloadSchema = z.object({ jwt: z.string(), requestId: z.optional(z.number()) });

/** The clearAnonymousUserOnLogin command. */
export const ClearAnonymousPayloadSchema = z.object({ clear: z.boolean() });

/**
 * The init command: each side an object whose fields are checked one by one ({@link resolveInitParameters}), so
 * one mistyped field (a `logLevel` of "verbose", a number sent as text) is ignored and named in a warning
 * instead of refusing the whole Init.
 */
export const InitPayloadSchema = z.object({
  settings: z.optional(z.record(z.string(), z.unknown())),
  parameters: z.optional(z.record(z.string(), z.unknown())),
});
export type InitPayload = z.infer<typeof InitPayloadSchema>;

/**
 * Parses JSON text without throwing.
 *
 * @example
 * parseJson("{\"a\":1}") // { ok: true, value: { a: 1 } }
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
