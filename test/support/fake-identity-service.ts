/**
 * A small in-memory stand-in for the identity service, mounted on a {@link RouteTransport}: logins issue
 * distinctive session tokens, bearer calls check them (401 `sessionInvalid` when unknown or revoked), attribute
 * batches are recorded once per `batchId`. Tests override any route to stage failures.
 *
 * @example
 * const transport = new RouteTransport();
 * const service = new FakeIdentityService(transport, time.clock, { appId: "demo" });
 * await client.loginWithIdentity(uidToken("42"));
 * expect(service.appliedBatches).toHaveLength(0);
 */
import { ProtocolPath } from "../../TypeScript/contract";
import type { Clock } from "../../TypeScript/core/ports";
import type { RecordedRequest, Reply, RouteTransport } from "./route-transport";
import { jwtPayload } from "./tokens";

/** How the fake service answers logins. */
export interface FakeServiceOptions {
  readonly appId?: string;
  /** Session lifetime, ms (default 7 days). */
  readonly lifetimeMs?: number;
  /** The server's clock minus the client's, ms (positive: the server is ahead). */
  readonly skewMs?: number;
  /** `refreshLeadSeconds` sent in login answers, if any. */
  readonly refreshLeadSeconds?: number;
  /** Send the service's time in an `x-server-time` header on every answer (as the reference service does). */
  readonly timeHeader?: boolean;
}

/** A session the fake service issued; set `revoked` to make the next bearer call answer 401. */
export interface IssuedSession {
  readonly token: string;
  readonly userId: string;
  readonly anonymous: boolean;
  revoked: boolean;
  /** Service-clock expiry. */
  readonly expiresAt?: number;
}

/** See the module example. Routes are mounted on the transport at construction. */
export class FakeIdentityService {
  readonly appId: string;
  readonly sessions: IssuedSession[] = [];
  /** Attribute batches applied (a retried `batchId` is applied once), with the user they were applied to. */
  readonly appliedBatches: Array<{ userId: string; batch: Record<string, unknown> }> = [];
  /** Identity tokens accepted per user. */
  readonly addedIdentities: Array<{ userId: string; identityToken: string }> = [];
  options: FakeServiceOptions;

  constructor(
    readonly transport: RouteTransport,
    readonly clock: Clock,
    options: FakeServiceOptions = {},
  ) {
    this.options = options;
    this.appId = options.appId ?? "demo";
    transport.route("POST", this.path("login"), (r) => this.login(r));
    transport.route("POST", this.path("logout"), (r) => this.withSession(r, (s) => this.logout(s)));
    transport.route("POST", this.path("identities"), (r) => this.withSession(r, (s) => this.identities(s, r)));
    transport.route("POST", this.path("attributes"), (r) => this.withSession(r, (s) => this.attributes(s, r)));
    transport.route("GET", ProtocolPath.health(), () =>
      this.stamped({ status: 200, json: { ok: true, time: this.now() } }),
    );
  }

  /** The service's clock: the client's plus `skewMs`. */
  now(): number {
    return this.clock.now() + (this.options.skewMs ?? 0);
  }

  /** Adds the `x-server-time` header when `timeHeader` is on. */
  private stamped(reply: Reply): Reply {
    if (reply === "network" || !this.options.timeHeader) return reply;
    return { ...reply, headers: { ...reply.headers, "x-server-time": String(this.now()) } };
  }

  /** The path of one of the service's calls for this app. */
  path(call: "login" | "logout" | "identities" | "attributes"): string {
    return ProtocolPath[call](this.appId);
  }

  /**
   * Answers a request as the mounted routes would: lets a test wrap the service (delay, fail, count) and still
   * get its real answer.
   *
   * @example
   * transport.route("POST", service.path("attributes"), async (r) => (await later(), service.answer(r)));
   */
  answer(request: RecordedRequest): Reply {
    if (request.path === this.path("login")) return this.login(request);
    if (request.path === this.path("logout")) return this.withSession(request, (s) => this.logout(s));
    if (request.path === this.path("identities")) return this.withSession(request, (s) => this.identities(s, request));
    if (request.path === this.path("attributes")) return this.withSession(request, (s) => this.attributes(s, request));
    return { status: 404, json: { reason: "notFound" } };
  }

  /** The last session issued. */
  lastSession(): IssuedSession | undefined {
    return this.sessions[this.sessions.length - 1];
  }

  /** A distinctive session token: long enough for the redactor, easy to search for in logs. */
  private newToken(): string {
    return `SESSIONTOKEN-${this.sessions.length + 1}-c2VjcmV0LXNlc3Npb24`;
  }

  login(request: RecordedRequest): Reply {
    const body = request.json as { identityToken: string; fullPrivacy: boolean; anonymousId?: string };
    const payload = body.identityToken === "" ? undefined : jwtPayload(body.identityToken);
    const identities = (payload?.identities ?? []) as Array<{ identifier: string; value: string }>;
    const uid = identities.find((i) => i.identifier === "uid")?.value;
    const email = identities.find((i) => i.identifier === "email")?.value;
    const anonymous = uid === undefined && (body.fullPrivacy || email === undefined);
    const userId = anonymous ? (body.anonymousId ?? "anon") : uid !== undefined ? `uid:${uid}` : `email:${email}`;
    const serverNow = this.now();
    const expiresAt = serverNow + (this.options.lifetimeMs ?? 7 * 24 * 3600 * 1000);
    const session: IssuedSession = { token: this.newToken(), userId, anonymous, revoked: false, expiresAt };
    this.sessions.push(session);
    const json: Record<string, unknown> = {
      userId,
      anonymous,
      sessionToken: session.token,
      expiresAt,
      serverTime: serverNow,
    };
    if (this.options.refreshLeadSeconds !== undefined) json.refreshLeadSeconds = this.options.refreshLeadSeconds;
    return this.stamped({ status: 200, json });
  }

  private withSession(request: RecordedRequest, handle: (session: IssuedSession) => Reply): Reply {
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    const session = this.sessions.find((s) => s.token === token && !s.revoked);
    if (!session) return this.stamped({ status: 401, json: { reason: "sessionInvalid", detail: "sessionRevoked" } });
    if (session.expiresAt !== undefined && this.now() >= session.expiresAt) {
      return this.stamped({ status: 401, json: { reason: "sessionInvalid", detail: "sessionExpired" } });
    }
    return this.stamped(handle(session));
  }

  private logout(session: IssuedSession): Reply {
    session.revoked = true;
    return { status: 200, json: { ok: true } };
  }

  private identities(session: IssuedSession, request: RecordedRequest): Reply {
    const { identityToken } = request.json as { identityToken: string };
    this.addedIdentities.push({ userId: session.userId, identityToken });
    return { status: 200, json: { added: ["email"], refused: {} } };
  }

  private attributes(session: IssuedSession, request: RecordedRequest): Reply {
    const batch = request.json as { batchId: string };
    const duplicate = this.appliedBatches.some((b) => b.batch.batchId === batch.batchId);
    if (!duplicate) this.appliedBatches.push({ userId: session.userId, batch: batch as Record<string, unknown> });
    return { status: 200, json: { master: { refused: {} }, app: { refused: {} }, duplicate } };
  }
}
