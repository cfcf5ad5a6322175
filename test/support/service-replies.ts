/**
 * The identity service's success answers, typed by the protocol schemas, for fakes that answer by hand (benches,
 * load and property tests) rather than through {@link FakeIdentityService}.
 *
 * @example
 * const transport = new RouteTransport({
 *   fallback: (request) =>
 *     request.path.endsWith("/login")
 *       ? loginReply({ userId: "usr_1", sessionToken: `hss_${n++}`, now: time.now() })
 *       : okReply(),
 * });
 */
import type { AttributesResponse, LoginResponse } from "../../TypeScript/contract";
import type { HttpResponse } from "../../TypeScript/core/ports";

/** Session lifetime of {@link loginReply} unless told: one day. */
export const DEFAULT_SESSION_LIFETIME_MS = 86_400_000;

/**
 * A 200 login answer: a non-anonymous user whose session lasts `lifetimeMs` from `now` (the service's clock).
 *
 * @example
 * loginReply({ userId: "usr_bench", sessionToken: "hss_bench_session_0", now: time.now() });
 */
export function loginReply(answer: {
  userId: string;
  sessionToken: string;
  now: number;
  lifetimeMs?: number;
}): HttpResponse {
  const body: LoginResponse = {
    userId: answer.userId,
    anonymous: false,
    sessionToken: answer.sessionToken,
    expiresAt: answer.now + (answer.lifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS),
    serverTime: answer.now,
  };
  return { status: 200, body: JSON.stringify(body) };
}

/**
 * A 200 attributes answer: the whole batch applied, nothing refused.
 *
 * @example
 * if (request.path.endsWith("/attributes")) return attributesAcceptedReply();
 */
export function attributesAcceptedReply(): HttpResponse {
  const body: AttributesResponse = { master: { refused: {} }, app: { refused: {} } };
  return { status: 200, body: JSON.stringify(body) };
}

/**
 * A 200 `{ ok: true }` answer (logout and the other bearer calls that only acknowledge).
 *
 * @example
 * return okReply();
 */
export function okReply(): HttpResponse {
  return { status: 200, body: JSON.stringify({ ok: true }) };
}
