/**
 * `POST /v1/apps/:appId/login`: verifies the identity token (or takes the device's anonymous id for an empty
 * one), resolves the user, stores identities, opens a session.
 *
 * @example
 * registerLoginRoute(fastify, context);
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type LoginPlan as ContentPlan,
  checkLogin,
  findIdentity,
  type IdentityEntry,
  LoginConfigKey,
  LoginFailureReason,
  type LoginRequest,
  LoginRequestSchema,
  type LoginResponse,
} from "../../contract";
import { isAnonymousId } from "../anonymous-id";
import type { App } from "../apps";
import { loginEntry, loginFailedEntry } from "../console/live-entries";
import { failedOnPurpose } from "../console/network-faults";
import { appOf, requireApp } from "../http/bearer";
import type { ServiceContext } from "../http/context";
import {
  BAD_REQUEST,
  errorOfCheckFailure,
  errorOfFrameworkStatus,
  errorSentFor,
  sendError,
  statusOfCheckFailure,
} from "../http/errors";
import type { User } from "../users";
import { verifyCheckedToken } from "../verify-token";

export function registerLoginRoute(fastify: FastifyInstance, context: ServiceContext): void {
  // Every write of the login in one transaction: one commit instead of three, and no user left without its
  // identities or session if the process dies in between. Built once (a transaction wrapper is not free).
  const commitLogin = context.db.transaction((app: App, plan: LoginPlan) => {
    const user = resolveUser(app, plan, context);
    context.users.touch(user.id);
    return { user, session: context.sessions.open(app, user.id) };
  });
  // Counted before the body is read, so every request counts, whatever its body or content type.
  const limitLogins = (app: App, request: { ip: string }) => {
    const key = `${app.id}|${request.ip}`;
    return context.loginLimiter.take(key) ? undefined : context.loginLimiter.retryAfterMs(key);
  };
  // One live-log entry per refused login, whoever refused it (the app check, the rate limit, the body, the token).
  const logRefusal = async (request: FastifyRequest, reply: FastifyReply) => {
    if (reply.statusCode < 400 || failedOnPurpose(request)) return;
    const body = errorSentFor(request) ?? errorOfFrameworkStatus(reply.statusCode).body;
    const { appId } = (request.params ?? {}) as { appId?: string };
    context.liveLog.add(loginFailedEntry(appId, reply.statusCode, body));
  };
  const options = { onRequest: requireApp(context, limitLogins), onResponse: logRefusal };
  fastify.post("/v1/apps/:appId/login", options, async (request, reply) => {
    // The answer may carry a session token: no cache may keep it.
    reply.header("cache-control", "no-store");
    const app = appOf(request);
    const parsed = LoginRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, BAD_REQUEST);
    const content = checkContent(parsed.data);
    if ("failure" in content) return sendError(reply, content.status, content.failure);
    if (!app.identityEnabled) return sendError(reply, 403, { reason: LoginFailureReason.identityFeatureNotEnabled });
    const plan = planLogin(app, parsed.data, content.checked, context);
    if ("failure" in plan) return sendError(reply, plan.status, plan.failure);
    const { user, session } = commitLogin(app, plan);
    const answer: LoginResponse = {
      userId: user.id,
      anonymous: user.anonymous,
      sessionToken: session.token,
      expiresAt: session.expiresAt,
      serverTime: context.clock.now(),
      refreshLeadSeconds: app.refreshLeadSeconds,
    };
    context.log.log("info", "login", { appId: app.id, userId: user.id, anonymous: user.anonymous });
    const identifier = plan.kind === "identified" ? plan.key.identifier : undefined;
    context.liveLog.add(loginEntry(app.id, user, identifier, session.expiresAt));
    return reply.code(200).send(answer);
  });
}

type Failed = { failure: ReturnType<typeof errorOfCheckFailure>; status: number };

/** Who is logging in, decided before anything is written: the verified key and identities, or the device id. */
type LoginPlan =
  | { readonly kind: "anonymous"; readonly anonymousId: string }
  | { readonly kind: "identified"; readonly key: IdentityEntry; readonly kept: readonly IdentityEntry[] };

/**
 * What the client should have refused itself: checked before the feature flag, signature and `iat` age. The
 * token's content rules run here once (the contract's `checkLogin`, as the client runs it); what they found is
 * handed to the signature and `iat` checks.
 */
function checkContent(request: LoginRequest): Failed | { readonly checked?: ContentPlan } {
  const badRequest = { failure: BAD_REQUEST, status: 400 };
  if (request.identityToken === "") return isAnonymousId(request.anonymousId) ? {} : badRequest;
  const checked = checkLogin(request.identityToken, { [LoginConfigKey.fullPrivacyEnabled]: request.fullPrivacy });
  if (!checked.ok) return { failure: errorOfCheckFailure(checked), status: statusOfCheckFailure(checked) };
  // Full privacy without a uid logs in the device's anonymous user: its id is content too.
  if (checked.mode === "privateAnonymous" && !isAnonymousId(request.anonymousId)) return badRequest;
  return { checked };
}

function anonymousPlan(anonymousId: string | undefined): LoginPlan | Failed {
  if (!isAnonymousId(anonymousId)) return { failure: BAD_REQUEST, status: 400 };
  return { kind: "anonymous", anonymousId };
}

/** uid is authoritative; email identifies only without uid and without full privacy; else the device's id. */
function planLogin(
  app: App,
  request: LoginRequest,
  checked: ContentPlan | undefined,
  context: ServiceContext,
): LoginPlan | Failed {
  if (request.identityToken === "") return anonymousPlan(request.anonymousId);
  if (checked === undefined) return { failure: BAD_REQUEST, status: 400 };
  const verified = verifyCheckedToken(request.identityToken, checked, app.secret, context.clock.now());
  if (!verified.ok) return { failure: errorOfCheckFailure(verified), status: statusOfCheckFailure(verified) };
  if (verified.mode === "privateAnonymous") return anonymousPlan(request.anonymousId);
  const key =
    verified.mode === "uid" ? findIdentity(verified.identities, "uid") : findIdentity(verified.identities, "email");
  if (!key) return { failure: { reason: LoginFailureReason.uidOrEmailIsMandatory }, status: 400 };
  // Full privacy keeps nothing about the person but the uid that identifies them.
  return { kind: "identified", key, kept: request.fullPrivacy ? [key] : verified.identities };
}

/** Finds or creates the plan's user and stores its identities. Synchronous: runs inside the login transaction. */
function resolveUser(app: App, plan: LoginPlan, context: ServiceContext): User {
  if (plan.kind === "anonymous") {
    return (
      context.users.findByAnonymousId(app.id, plan.anonymousId) ??
      context.users.create(app.id, { anonymousId: plan.anonymousId })
    );
  }
  // The key's identifier may repeat (two emails): any of its values finds the user, the first one owned wins.
  const keys = plan.kept.filter((identity) => identity.identifier === plan.key.identifier);
  const user = context.users.findByAnyIdentity(app.id, keys) ?? context.users.create(app.id, {});
  context.users.attachIdentities(user, plan.kept);
  return user;
}
