/**
 * Who may use the console API (`/console/api/*`). Bound to loopback, the service trusts requests addressed to a
 * loopback name (`Host` 127.0.0.1, localhost or [::1], any port) and refuses any other `Host` (DNS rebinding:
 * a page elsewhere that resolves its own name to 127.0.0.1). Bound beyond loopback, every request needs the admin
 * token (`x-admin-token`, or `Authorization: Bearer`), compared in constant time. Either way a mutating request
 * that says where it comes from (`Origin`) must come from the service's own origin.
 *
 * @example
 * fastify.addHook("onRequest", consoleAccessGuard({ adminToken, tokenRequired: () => true }));
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ADMIN_TOKEN_HEADER, ADMIN_TOKEN_QUERY, ConsoleErrorReason, ConsolePath } from "../../console/api-types";
import { sendConsoleError } from "./errors";

/** Where the console API lives: everything under it is guarded (unknown paths too). */
export const CONSOLE_API_PREFIX = "/console/api/";

const ADMIN_TOKEN_BYTES = 32;

/** A new admin token: 256 random bits, base64url. */
export function newAdminToken(): string {
  return randomBytes(ADMIN_TOKEN_BYTES).toString("base64url");
}

/** The fewest characters an admin token of one's own may have (a generated one has 43). */
export const ADMIN_TOKEN_MIN_LENGTH = 32;
/** The most: it travels in a header (and in the log stream's query), which servers and proxies cap. */
export const ADMIN_TOKEN_MAX_LENGTH = 512;
const PRINTABLE_WITHOUT_SPACE = /^[\x21-\x7e]*$/;

/**
 * What is wrong with an admin token of one's own (`serve --admin-token`, `HELPSHIFT_ADMIN_TOKEN`,
 * `console.adminToken`), in words that never repeat it; `undefined` when it will do: 32-512 characters of
 * printable ASCII without spaces (base64url, hex, a password manager's output).
 *
 * @example
 * adminTokenProblem("short") // "must be at least 32 characters (it has 5)"
 */
export function adminTokenProblem(token: string): string | undefined {
  if (!PRINTABLE_WITHOUT_SPACE.test(token)) {
    return "must be printable ASCII without spaces";
  }
  if (token.length < ADMIN_TOKEN_MIN_LENGTH) {
    return `must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters (it has ${token.length}; e.g. openssl rand -hex 32)`;
  }
  if (token.length > ADMIN_TOKEN_MAX_LENGTH) {
    return `must be at most ${ADMIN_TOKEN_MAX_LENGTH} characters (it has ${token.length})`;
  }
  return undefined;
}

/** The host name of a `Host` header, without port or brackets, lower case. */
export function hostNameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(1, lower.indexOf("]") === -1 ? undefined : lower.indexOf("]"));
  const colon = lower.lastIndexOf(":");
  return colon === -1 ? lower : lower.slice(0, colon);
}

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "::1"]);

/** True for a `Host` naming this machine's loopback: 127.0.0.1, localhost, [::1] (any port). */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_NAMES.has(hostNameOf(host));
}

/** True for a bound address on loopback (127.0.0.0/8, ::1, the IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/**
 * Whether a server's bound address needs the admin token: anything but loopback does, and so does a server not
 * yet listening (nothing says it is local).
 */
export function tokenRequiredFor(address: AddressInfo | string | null): boolean {
  if (address === null) return true;
  if (typeof address === "string") return false; // a local socket path or pipe: only this machine reaches it
  return !isLoopbackAddress(address.address);
}

/** Equal in constant time (both sides hashed first, so their lengths do not show). */
export function sameToken(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The admin token the request carries: the header, a bearer credential, or (the log stream only, since
 * `EventSource` cannot set headers) the `adminToken` query parameter.
 */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = headerOf(request, ADMIN_TOKEN_HEADER);
  if (header) return header;
  const bearer = BEARER.exec(headerOf(request, "authorization") ?? "")?.[1];
  if (bearer) return bearer;
  if (request.method === "GET" && request.url.split("?")[0] === ConsolePath.logStream) {
    const query = request.query as Record<string, unknown> | undefined;
    const value = query?.[ADMIN_TOKEN_QUERY];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

const MUTATING: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** True when `origin` names the same scheme-less host and port as the request's `Host`. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false;
  }
}

export interface AccessPolicy {
  readonly adminToken: string;
  /** True when requests need the admin token (bound beyond loopback). */
  tokenRequired(): boolean;
}

/** True for a request to the console API (matched route or not). */
export function isConsoleApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return request.url.startsWith(CONSOLE_API_PREFIX) || (route?.startsWith(CONSOLE_API_PREFIX) ?? false);
}

/** An `onRequest` hook: lets through only what {@link AccessPolicy} allows; other paths pass untouched. */
export function consoleAccessGuard(policy: AccessPolicy) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!isConsoleApiRequest(request)) return undefined;
    const host = headerOf(request, "host");
    if (!policy.tokenRequired()) {
      if (!isLoopbackHost(host)) {
        return sendConsoleError(reply, 403, {
          reason: ConsoleErrorReason.forbiddenOrigin,
          detail: "the console answers only to a loopback Host (127.0.0.1, localhost, [::1])",
        });
      }
    } else {
      const given = tokenOf(request);
      if (given === undefined || !sameToken(given, policy.adminToken)) {
        return sendConsoleError(reply, 401, {
          reason: ConsoleErrorReason.adminTokenRequired,
          detail: `send the admin token serve printed as ${ADMIN_TOKEN_HEADER}`,
        });
      }
    }
    const origin = headerOf(request, "origin");
    if (MUTATING.has(request.method) && origin !== undefined && !sameOrigin(origin, host)) {
      return sendConsoleError(reply, 403, {
        reason: ConsoleErrorReason.forbiddenOrigin,
        detail: "Origin is not the service's own",
      });
    }
    return undefined;
  };
}
