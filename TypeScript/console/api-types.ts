/**
 * The identity emulator console's management API, as data: every path, request and answer the console's web
 * page and the service agree on. Types only (and the path helpers), so the browser bundle and the service share
 * one statement of it. Mounted under `/console/api`; JSON in and out; errors are the service's `ErrorResponse`
 * (`{ reason, detail? , errors? }`) with `reason` one of {@link ConsoleErrorReason}.
 *
 * Access: when the service is bound to a loopback address, requests whose Host is a loopback name need nothing
 * more; bound elsewhere, every request needs the admin token `serve` prints at start, as `x-admin-token: <token>`
 * (or `Authorization: Bearer <token>`). Secrets appear once: in the answers of create and rotate, never in a
 * list, a detail, the live log or a log line. Session tokens never appear at all; a session is named by a short,
 * non-secret id (a prefix of its stored hash).
 *
 * @example
 * const res = await fetch(`${base}${ConsolePath.apps}`, { headers: { "x-admin-token": token } });
 * const { apps } = (await res.json()) as AppsAnswer;
 */

/** Every route, relative to the service's origin. */
export const ConsolePath = {
  /** The console's page (a single page app; routes after `#`). `GET /` leads here. */
  page: "/console",
  script: "/console/app.js",
  status: "/console/api/status",
  apps: "/console/api/apps",
  app: (appId: string) => `/console/api/apps/${encodeURIComponent(appId)}`,
  appCustomFields: (appId: string) => `/console/api/apps/${encodeURIComponent(appId)}/custom-fields`,
  appTags: (appId: string) => `/console/api/apps/${encodeURIComponent(appId)}/tags`,
  appRotateSecret: (appId: string) => `/console/api/apps/${encodeURIComponent(appId)}/rotate-secret`,
  users: "/console/api/users",
  user: (userId: string) => `/console/api/users/${encodeURIComponent(userId)}`,
  sessionRevoke: (userId: string, sessionId: string) =>
    `/console/api/users/${encodeURIComponent(userId)}/sessions/${encodeURIComponent(sessionId)}/revoke`,
  sessionExpire: (userId: string, sessionId: string) =>
    `/console/api/users/${encodeURIComponent(userId)}/sessions/${encodeURIComponent(sessionId)}/expire`,
  /** Expires every open session of the user at once. */
  userExpireSessions: (userId: string) => `/console/api/users/${encodeURIComponent(userId)}/expire-sessions`,
  reset: "/console/api/reset",
  log: "/console/api/log",
  /** Server-sent events: one `entry` event per {@link LogEntry}, `id` its `seq`; honours `Last-Event-ID`. */
  logStream: "/console/api/log/stream",
  bend: "/console/api/bend",
  bendClock: "/console/api/bend/clock",
  bendNetwork: "/console/api/bend/network",
} as const;

/** The header that carries the admin token. */
export const ADMIN_TOKEN_HEADER = "x-admin-token";
/**
 * Added by the service: the query parameter that may carry the admin token on {@link ConsolePath.logStream} only
 * (an `EventSource` cannot send headers), e.g. `/console/api/log/stream?adminToken=…`. Every other route takes
 * the header.
 */
export const ADMIN_TOKEN_QUERY = "adminToken";

/** Why the console API refused a request (the service's login reasons stay for logins). */
export const ConsoleErrorReason = {
  /** The service is bound to a non-loopback address and the request has no (or a wrong) admin token. */
  adminTokenRequired: "adminTokenRequired",
  /** Host or Origin is not the service's own (DNS rebinding, a page elsewhere). */
  forbiddenOrigin: "forbiddenOrigin",
  /** The body or a query failed validation; `errors` names each field. */
  invalidRequest: "invalidRequest",
  notFound: "notFound",
  /** An app with that id exists already. */
  duplicateApp: "duplicateApp",
  /** `reset` without `{ confirm: "reset" }`. */
  confirmationRequired: "confirmationRequired",
} as const;
export type ConsoleErrorReason = (typeof ConsoleErrorReason)[keyof typeof ConsoleErrorReason];

export type CustomFieldType = "singleline" | "multiline" | "number" | "date" | "dropdown" | "checkbox";
export interface CustomFieldDefinition {
  readonly name: string;
  readonly type: CustomFieldType;
  readonly options?: readonly string[];
}

/** An app as the console shows it: everything but the secret. */
export interface ConsoleApp {
  readonly id: string;
  readonly name: string;
  readonly identityEnabled: boolean;
  readonly sessionLifetimeSeconds: number;
  readonly refreshLeadSeconds: number;
  readonly createdAt: number;
  readonly secretRotatedAt: number;
  readonly customFields: readonly CustomFieldDefinition[];
  readonly tags: readonly string[];
  readonly userCount: number;
}

export interface AppsAnswer {
  readonly apps: readonly ConsoleApp[];
}
export interface AppAnswer {
  readonly app: ConsoleApp;
}
/** Create and rotate only: the secret, shown this once. */
export interface AppWithSecretAnswer {
  readonly app: ConsoleApp;
  readonly secret: string;
}
/** `POST apps`. Every field is optional; the defaults are those of `helpshift-ts app create`. */
export interface NewAppRequest {
  readonly id?: string;
  readonly name?: string;
  readonly identityEnabled?: boolean;
  readonly sessionLifetimeSeconds?: number;
  readonly refreshLeadSeconds?: number;
  readonly customFields?: readonly CustomFieldDefinition[];
  readonly tags?: readonly string[];
}
/** `PATCH apps/:id`: the identity feature and the session settings (each optional). */
export interface AppChangeRequest {
  readonly name?: string;
  readonly identityEnabled?: boolean;
  readonly sessionLifetimeSeconds?: number;
  readonly refreshLeadSeconds?: number;
}
/** `POST apps/:id/tags`. */
export interface TagsRequest {
  readonly tags: readonly string[];
}

export interface ConsoleIdentity {
  readonly identifier: string;
  readonly value: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly updatedAt: number;
}
export type SessionStateName = "open" | "expired" | "revoked";
export interface ConsoleSession {
  /** Not the token: a short prefix of its stored SHA-256, enough to name it. */
  readonly id: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly revokedAt?: number;
  /** On the service's (possibly shifted) clock. */
  readonly state: SessionStateName;
}
export interface UserSummary {
  readonly id: string;
  readonly appId: string;
  readonly anonymous: boolean;
  readonly createdAt: number;
  readonly lastLoginAt: number;
  /** Identifier and value only, uid first. */
  readonly identities: readonly { readonly identifier: string; readonly value: string }[];
  readonly openSessions: number;
}
/** `GET users?app=&q=&limit=&before=`: `q` matches any identity value, the user id or the anonymous id. */
export interface UsersAnswer {
  readonly users: readonly UserSummary[];
  /** Pass as `before` for the next page; absent on the last page. */
  readonly next?: string;
}
export interface StoredAttribute {
  readonly value: unknown;
  readonly updatedAt: number;
}
export interface UserDetail extends UserSummary {
  readonly anonymousId?: string;
  readonly identities: readonly ConsoleIdentity[];
  readonly attributes: {
    readonly master: Readonly<Record<string, StoredAttribute>>;
    readonly app: Readonly<Record<string, StoredAttribute>>;
  };
  readonly tags: readonly string[];
  readonly customFields: Readonly<Record<string, unknown>>;
  /** Newest first. */
  readonly sessions: readonly ConsoleSession[];
}
export interface UserAnswer {
  readonly user: UserDetail;
}
/** `POST reset`: removes every user, identity, session, attribute and the live log; apps stay. */
export interface ResetRequest {
  readonly confirm: "reset";
}
export interface ResetAnswer {
  readonly removed: { readonly users: number; readonly sessions: number };
}

/** What the live log records. */
export const LOG_KINDS = [
  "login",
  "loginFailed",
  "identities",
  "attributes",
  "logout",
  "sessionRefused",
  "console",
  "bend",
] as const;
export type LogKind = (typeof LOG_KINDS)[number];
export interface LogEntry {
  /** Increasing from 1 for the life of the process; the SSE event id. */
  readonly seq: number;
  /** Service clock, epoch ms. */
  readonly at: number;
  readonly kind: LogKind;
  readonly appId?: string;
  readonly userId?: string;
  /** One line for people, e.g. `login refused: identityTokenExpired (iat 3 days old)`. Never a token or secret. */
  readonly summary: string;
  /** The failure reason (`loginFailed`, `sessionRefused`) and its detail. */
  readonly reason?: string;
  readonly detail?: string;
  /** `attributes`: keys accepted and refused (with the reason) per scope. `identities`: outcome per identifier. */
  readonly accepted?: { readonly master?: readonly string[]; readonly app?: readonly string[] };
  readonly refused?: {
    readonly master?: Readonly<Record<string, string>>;
    readonly app?: Readonly<Record<string, string>>;
  };
  readonly outcomes?: Readonly<Record<string, string>>;
}
/** `GET log?user=&kind=&limit=`: newest first. */
export interface LogAnswer {
  readonly entries: readonly LogEntry[];
}

/** What is bent now on the service. Every field is what it is now; `changes` says each in words. */
export interface BendState {
  /** Added to the real clock for everything the service does (expiry, iat age, rate limits, X-Server-Time). */
  readonly clockOffsetMs: number;
  /** The next `failNext` requests to `/v1/` answer `failStatus` without being handled. */
  readonly failNext: number;
  readonly failStatus: number;
  /** The next `slowNext` requests to `/v1/` are held `delayMs` before being handled. */
  readonly slowNext: number;
  readonly delayMs: number;
  /** Each active change in words, with how to undo it, e.g. "service clock 5 min ahead". */
  readonly changes: readonly string[];
}
export interface BendAnswer {
  readonly bend: BendState;
  /** What this request changed, in words: "Service clock shifted to 5 min ahead." */
  readonly said: string;
}
/** `PUT bend/clock` (`DELETE` puts it back at 0). */
export interface BendClockRequest {
  readonly offsetMs: number;
}
/** `PUT bend/network` (`DELETE` clears both). Omitted fields stay as they are. */
export interface BendNetworkRequest {
  readonly failNext?: number;
  readonly failStatus?: number;
  readonly slowNext?: number;
  readonly delayMs?: number;
}

/** `GET status`: what the page shows in its header. */
export interface StatusAnswer {
  readonly serviceTime: number;
  readonly bend: BendState;
  readonly apps: number;
  readonly users: number;
  /** True when requests need the admin token (the service is bound beyond loopback). */
  readonly adminTokenRequired: boolean;
}
