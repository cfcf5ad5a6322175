/**
 * The live log's entries for what the identity routes do, built from what those routes already know. Keys and
 * reasons only: never a token, a secret or an attribute value (attribute keys yes, values no).
 *
 * @example
 * context.liveLog.add(loginEntry(app.id, user, "uid", session.expiresAt));
 */
import type { LogEntry } from "../../console/api-types";
import { customFieldErrorKey, type ErrorMap, type ErrorResponse, TagKey } from "../../contract";
import type { AcceptedAttributes, AttributeScope } from "../attribute-rules";
import type { User } from "../users";
import type { NewLogEntry } from "./live-log";

type Scoped<T> = { master?: T; app?: T };

/** `login`: who, how (anonymous or which identifier) and until when. */
export function loginEntry(appId: string, user: User, identifier: string | undefined, expiresAt: number): NewLogEntry {
  const how = user.anonymous ? "anonymous login" : `login by ${identifier ?? "identity"}`;
  return {
    kind: "login",
    appId,
    userId: user.id,
    summary: `${how} of user ${user.id}, session until ${new Date(expiresAt).toISOString()}`,
  };
}

/** `errors` in words: `email: emptyData, uid: invalidData`. */
function errorsInWords(errors: ErrorMap | undefined): string | undefined {
  if (!errors || Object.keys(errors).length === 0) return undefined;
  return Object.entries(errors)
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
}

/** The reason and detail of a refusal, and `reason (detail)` for the summary. */
function refusal(body: ErrorResponse): Pick<LogEntry, "reason" | "detail"> & { words: string } {
  const detail = body.detail ?? errorsInWords(body.errors);
  return {
    reason: body.reason,
    ...(detail ? { detail } : {}),
    words: detail ? `${body.reason} (${detail})` : body.reason,
  };
}

/** `loginFailed`: the refusal's reason and detail, as the client got them. */
export function loginFailedEntry(appId: string | undefined, status: number, body: ErrorResponse): NewLogEntry {
  const { words, ...why } = refusal(body);
  return { kind: "loginFailed", ...(appId ? { appId } : {}), ...why, summary: `login refused (${status}): ${words}` };
}

/** `sessionRefused`: a bearer call without a live session; `detail` absent for an unknown token. */
export function sessionRefusedEntry(
  appId: string,
  method: string,
  path: string,
  userId: string | undefined,
  body: ErrorResponse,
): NewLogEntry {
  const { words, ...why } = refusal(body);
  const which = body.detail ? words : `${body.reason} (unknown session)`;
  return {
    kind: "sessionRefused",
    appId,
    ...(userId ? { userId } : {}),
    ...why,
    ...(body.detail ? {} : { detail: "unknown session" }),
    summary: `${method} ${path} refused: ${which}`,
  };
}

/** `identities`: the outcome per identifier (`added`, `ownedByAnotherUser`, ...), or the whole call refused. */
export function identitiesEntry(
  appId: string,
  userId: string,
  outcome: { outcomes: Record<string, string> } | { refused: ErrorResponse },
): NewLogEntry {
  if ("refused" in outcome) {
    const { words, ...why } = refusal(outcome.refused);
    return { kind: "identities", appId, userId, ...why, summary: `identities refused: ${words}` };
  }
  const words = Object.entries(outcome.outcomes).map(([identifier, result]) => `${identifier} ${result}`);
  return {
    kind: "identities",
    appId,
    userId,
    outcomes: outcome.outcomes,
    summary: `identities: ${words.join(", ") || "none"}`,
  };
}

/** The keys an accepted part of a batch wrote: plain keys, `custom_user_fields.<field>`, `new_tags.<tag>`... */
function acceptedKeys(part: AcceptedAttributes): string[] {
  return [
    ...Object.keys(part.values),
    ...Object.keys(part.customFields).map(customFieldErrorKey),
    ...(part.tags.reset ? [TagKey.reset] : []),
    ...part.tags.add.map((tag) => `${TagKey.add}.${tag}`),
    ...part.tags.remove.map((tag) => `${TagKey.remove}.${tag}`),
  ];
}

/** `attributes`: keys accepted and refused (with the reason) per scope; a replayed batch says so. */
export function attributesEntry(
  appId: string,
  userId: string,
  batchId: string,
  result: { duplicate: true } | { accepted: Scoped<AcceptedAttributes>; refused: Record<AttributeScope, ErrorMap> },
): NewLogEntry {
  const base = { kind: "attributes" as const, appId, userId };
  if ("duplicate" in result) {
    return { ...base, summary: `attributes: batch ${batchId} again (duplicate: answered as before, nothing applied)` };
  }
  const accepted: Scoped<string[]> = {};
  const refused: Scoped<ErrorMap> = {};
  const words: string[] = [];
  for (const scope of ["master", "app"] as const) {
    const part = result.accepted[scope];
    const keys = part ? acceptedKeys(part) : [];
    if (keys.length > 0) accepted[scope] = keys;
    const no = result.refused[scope];
    if (Object.keys(no).length > 0) refused[scope] = no;
    if (part || Object.keys(no).length > 0) {
      words.push(
        `${scope} ${keys.length} accepted${Object.keys(no).length > 0 ? `, refused ${errorsInWords(no)}` : ""}`,
      );
    }
  }
  return { ...base, accepted, refused, summary: `attributes batch ${batchId}: ${words.join("; ") || "empty"}` };
}

/** `logout`. */
export function logoutEntry(appId: string, userId: string): NewLogEntry {
  return { kind: "logout", appId, userId, summary: `logout: ${userId}` };
}
