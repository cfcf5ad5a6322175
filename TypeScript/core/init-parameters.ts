import * as z from "zod/mini";
import { Defaults } from "../contract";
import type { HelpshiftInitParameters, IdentityTokenProvider } from "./api";
import type { LogLevel } from "./ports";

/** `Init` parameters as they may arrive over the bridge: validated, never trusted. */
export const InitParametersSchema = z.object({
  serviceUrl: z.string().check(z.minLength(1)),
  appId: z.string().check(z.minLength(1)),
  flushIntervalMs: z.optional(z.number().check(z.positive())),
  refreshLeadSeconds: z.optional(z.number().check(z.nonnegative())),
  logLevel: z.optional(z.enum(["debug", "info", "warn", "error"])),
  multilineCustomFields: z.optional(z.array(z.string())),
  requestIdentityTokens: z.optional(z.boolean()),
});

/** `Init` parameters with defaults filled in. */
export interface ResolvedInit {
  readonly serviceUrl: string;
  readonly appId: string;
  readonly flushIntervalMs: number;
  /** Undefined: take the service's lead, else `Defaults.refreshLeadSeconds`. */
  readonly refreshLeadSeconds?: number;
  readonly logLevel: LogLevel;
  readonly multilineCustomFields: readonly string[];
  /** The token provider (a function, checked apart from the JSON fields). */
  readonly identityTokenProvider?: IdentityTokenProvider;
  readonly requestIdentityTokens: boolean;
}

/**
 * Validates `Init` parameters and fills defaults. Returns the offending paths when invalid.
 *
 * @example
 * const r = resolveInitParameters({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
 * if (r.ok) console.log(r.value.flushIntervalMs); // 30000
 */
export function resolveInitParameters(
  input: HelpshiftInitParameters | unknown,
): { ok: true; value: ResolvedInit } | { ok: false; paths: string[] } {
  const parsed = InitParametersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, paths: parsed.error.issues.map((i) => i.path.join(".")) };
  const provider = (input as { identityTokenProvider?: unknown }).identityTokenProvider;
  if (provider !== undefined && typeof provider !== "function") return { ok: false, paths: ["identityTokenProvider"] };
  const p = parsed.data;
  const value: { -readonly [K in keyof ResolvedInit]: ResolvedInit[K] } = {
    serviceUrl: p.serviceUrl,
    appId: p.appId,
    flushIntervalMs: p.flushIntervalMs ?? Defaults.flushIntervalMs,
    logLevel: p.logLevel ?? "info",
    multilineCustomFields: p.multilineCustomFields ?? [],
    requestIdentityTokens: p.requestIdentityTokens ?? false,
  };
  if (provider !== undefined) value.identityTokenProvider = provider as IdentityTokenProvider;
  if (p.refreshLeadSeconds !== undefined) value.refreshLeadSeconds = p.refreshLeadSeconds;
  return { ok: true, value };
}
