/**
 * Turns the `init` command's payload (developer settings + `Init` parameters, both JSON from C++) into the
 * core's `HelpshiftInitParameters`. Parameters win over settings; empty strings and zero numbers count as
 * unset, because that is how an untouched UDeveloperSettings field arrives.
 *
 * @example
 * resolveInitParameters({ settings: { serviceUrl: "http://127.0.0.1:8787", appId: "demo" } })
 * // { ok: true, parameters: { serviceUrl: "http://127.0.0.1:8787", appId: "demo" } }
 */
import type { HelpshiftInitParameters } from "../core/api";
import { type InitFields, InitFieldsSchema, type InitPayload } from "./messages";

/** Why an init payload cannot start the client. */
export const InitProblem = {
  serviceUrlMissing: "serviceUrlMissing",
  appIdMissing: "appIdMissing",
} as const;
export type InitProblem = (typeof InitProblem)[keyof typeof InitProblem];

export function resolveInitParameters(
  payload: InitPayload,
): { ok: true; parameters: HelpshiftInitParameters; ignored: string[] } | { ok: false; problem: InitProblem } {
  const ignored: string[] = [];
  const settings = validFields(payload.settings, "settings", ignored);
  const parameters = validFields(payload.parameters, "parameters", ignored);
  const pick = <K extends keyof InitFields>(key: K): InitFields[K] | undefined => {
    const value = isSet(parameters[key]) ? parameters[key] : settings[key];
    return isSet(value) ? value : undefined;
  };
  const serviceUrl = pick("serviceUrl");
  const appId = pick("appId");
  if (!serviceUrl) return { ok: false, problem: InitProblem.serviceUrlMissing };
  if (!appId) return { ok: false, problem: InitProblem.appIdMissing };
  const out: { -readonly [K in keyof HelpshiftInitParameters]: HelpshiftInitParameters[K] } = { serviceUrl, appId };
  const flushIntervalMs = pick("flushIntervalMs");
  if (flushIntervalMs !== undefined) out.flushIntervalMs = flushIntervalMs;
  const refreshLeadSeconds = pick("refreshLeadSeconds");
  if (refreshLeadSeconds !== undefined) out.refreshLeadSeconds = refreshLeadSeconds;
  const logLevel = pick("logLevel");
  if (logLevel !== undefined) out.logLevel = logLevel;
  const requestIdentityTokens = pick("requestIdentityTokens");
  if (requestIdentityTokens !== undefined) out.requestIdentityTokens = requestIdentityTokens;
  const multiline = pick("multilineCustomFields");
  if (multiline !== undefined) out.multilineCustomFields = splitFieldList(multiline);
  return { ok: true, parameters: out, ignored };
}

/** The fields of one side that have the right type; the others are named in `ignored` ("parameters.logLevel"). */
function validFields(
  source: Readonly<Record<string, unknown>> | undefined,
  side: string,
  ignored: string[],
): InitFields {
  const out: Record<string, unknown> = {};
  const shape = InitFieldsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  for (const [key, value] of Object.entries(source ?? {})) {
    const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (field?.safeParse(value).success) out[key] = value;
    else ignored.push(`${side}.${key}`);
  }
  return out as InitFields;
}

/** A field list arrives as an array (TArray<FString>) or as one string separated by commas or new lines. */
export function splitFieldList(value: string | readonly string[]): string[] {
  const items = typeof value === "string" ? value.split(/[,\n]/) : value;
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0 && Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
