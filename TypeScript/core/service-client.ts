/**
 * Speaks the HTTP+JSON protocol of TypeScript/contract/protocol.ts over the Transport port. Every answer is
 * classified as data; nothing here throws.
 */
import {
  type AddIdentitiesRequest,
  type AddIdentitiesResponse,
  AddIdentitiesResponseSchema,
  type AttributesResponse,
  AttributesResponseSchema,
  type ErrorResponse,
  ErrorResponseSchema,
  FailureDetail,
  type LoginRequest,
  type LoginResponse,
  LoginResponseSchema,
  LogoutResponseSchema,
  ProtocolErrorCode,
  ProtocolPath,
} from "../contract";
import type { CoreLog } from "./log";
import type { AttributeBatch } from "./outbox-model";
import type { HttpRequest, HttpResponse, Transport } from "./ports";
import type { TimerSet } from "./timers";
import { serverTimeOf, type TrustedClock } from "./trusted-clock";

/** A request not answered within this time counts as a network error. **(ours)** */
export const REQUEST_TIMEOUT_MS = 30_000;

/** One classified answer. */
export type ServiceAnswer<T> =
  /** 2xx whose body matches the schema. */
  | { readonly kind: "ok"; readonly value: T }
  /** Non-2xx with a protocol error body. */
  | { readonly kind: "refused"; readonly status: number; readonly error: ErrorResponse }
  /** Anything else the service said (5xx without a body, bad JSON, schema mismatch). */
  | { readonly kind: "unexpected"; readonly status: number }
  /** The transport rejected: the service was not reached. */
  | { readonly kind: "network" };

/** The identity service, as the client sees it. */
export interface ServiceClient {
  login(request: LoginRequest): Promise<ServiceAnswer<LoginResponse>>;
  logout(sessionToken: string): Promise<ServiceAnswer<{ ok: boolean }>>;
  addIdentities(sessionToken: string, request: AddIdentitiesRequest): Promise<ServiceAnswer<AddIdentitiesResponse>>;
  sendAttributes(sessionToken: string, request: AttributeBatch): Promise<ServiceAnswer<AttributesResponse>>;
  /** `GET health`: only to hear the service's time (a clock re-check); `ok` carries the service's time. */
  health(): Promise<ServiceAnswer<{ time: number }>>;
  /**
   * The client is disposed: every request still waiting on the transport settles now as `network` (its late
   * answer is ignored) and later calls answer `network` without sending anything.
   */
  close(): void;
}

/** What the service client tells the rest of the client about every answer. */
export interface ServiceClientHooks {
  /** Hears the service's time in every answer that carries it (body `serverTime`, `x-server-time`, `date`). */
  readonly clock?: TrustedClock;
  /** The service answered (any status): the network is there. */
  readonly onReached?: () => void;
}

const HealthSchema = {
  safeParse(value: unknown): { success: true; data: { time: number } } | { success: false } {
    const time = (value as { time?: unknown } | null)?.time;
    return typeof time === "number" && Number.isFinite(time) ? { success: true, data: { time } } : { success: false };
  },
};

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * Makes the service client for one app. Bodies and bearer tokens are never logged; only method, path, status.
 * A request unanswered after {@link REQUEST_TIMEOUT_MS} is a network error, so no flow waits forever on a port.
 *
 * @example
 * const service = createServiceClient(ports.transport, "http://127.0.0.1:8787", "demo", log, timers);
 * const answer = await service.login({ identityToken: jwt, fullPrivacy: false });
 * if (answer.kind === "ok") console.log(answer.value.userId);
 */
export function createServiceClient(
  transport: Transport,
  serviceUrl: string,
  appId: string,
  log: CoreLog,
  timers: TimerSet,
  hooks: ServiceClientHooks = {},
): ServiceClient {
  const base = serviceUrl.replace(/\/+$/, "");
  // Aborts of the requests waiting on the transport: close() settles them so no flow outlives a dispose.
  const waiting = new Set<() => void>();
  let closed = false;
  async function post<T>(path: string, body: unknown, parser: Parser<T>, token?: string): Promise<ServiceAnswer<T>> {
    if (closed) return { kind: "network" };
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const request: HttpRequest =
      body === undefined
        ? { method: "GET", url: base + path, headers: { accept: "application/json" } }
        : { method: "POST", url: base + path, headers, body: JSON.stringify(body) };
    const sent = hooks.clock?.stamp();
    let response: HttpResponse;
    try {
      response = await withTimeout(transport.send(request), timers, waiting);
    } catch (error) {
      if (closed) return { kind: "network" };
      log.warn("request failed to reach the service", { path, error: String(error) });
      return { kind: "network" };
    }
    const status = response.status;
    log.debug("service answered", { path, status });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    const serverTime = serverTimeOf(lowerCase(response.headers), json);
    if (hooks.clock && sent && serverTime !== undefined) hooks.clock.observe(serverTime, sent);
    hooks.onReached?.();
    if (status >= 200 && status < 300) {
      const parsed = parser.safeParse(json);
      if (parsed.success) return { kind: "ok", value: parsed.data };
    } else {
      const parsed = ErrorResponseSchema.safeParse(json);
      if (parsed.success) {
        if (parsed.data.detail === FailureDetail.unknownApp) {
          log.error("the service has no app with this app id: check the appId passed to Init", { appId, path });
        }
        return { kind: "refused", status, error: parsed.data };
      }
    }
    log.warn("unexpected answer from the service", { path, status });
    return { kind: "unexpected", status };
  }
  return {
    login: (request) => post(ProtocolPath.login(appId), request, LoginResponseSchema),
    logout: (token) => post(ProtocolPath.logout(appId), {}, LogoutResponseSchema, token),
    addIdentities: (token, request) =>
      post(ProtocolPath.identities(appId), request, AddIdentitiesResponseSchema, token),
    sendAttributes: (token, request) => post(ProtocolPath.attributes(appId), request, AttributesResponseSchema, token),
    async health() {
      const answer = await post(ProtocolPath.health(), undefined, HealthSchema);
      if (answer.kind === "ok" && hooks.clock) {
        // The health answer names its time `time`; anchored here as the body's serverTime is elsewhere.
        hooks.clock.observe(answer.value.time, hooks.clock.stamp());
      }
      return answer;
    },
    close() {
      closed = true;
      for (const abort of [...waiting]) abort();
      waiting.clear();
    },
  };
}

/** Header names in lower case (transports may keep the service's spelling). */
function lowerCase(headers: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** Settles with the transport's answer, or rejects at the timeout or when `waiting`'s abort is called. */
function withTimeout<T>(promise: Promise<T>, timers: TimerSet, waiting: Set<() => void>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      timer.cancel();
      waiting.delete(abort);
    };
    const abort = () => {
      done();
      reject(new Error("client disposed"));
    };
    const timer = timers.after(REQUEST_TIMEOUT_MS, () => {
      waiting.delete(abort);
      reject(new Error("request timed out"));
    });
    waiting.add(abort);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

/** True when an answer says the bearer session is no longer valid (401 `sessionInvalid`). */
export function isSessionInvalid(answer: ServiceAnswer<unknown>): boolean {
  return answer.kind === "refused" && answer.error.reason === ProtocolErrorCode.sessionInvalid;
}

/** True when the same request may succeed later: transport failure, 5xx, rate limiting. */
export function isRetryable(answer: ServiceAnswer<unknown>): boolean {
  if (answer.kind === "network") return true;
  if (answer.kind === "ok") return false;
  if (answer.status >= 500) return true;
  return answer.kind === "refused" && answer.error.reason === ProtocolErrorCode.rateLimited;
}
