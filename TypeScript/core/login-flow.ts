import {
  type ErrorMap,
  type FailureDetail,
  HelpshiftEvent,
  type LoginConfig,
  LoginFailureReason,
  type LoginMode,
  type LoginRequest,
  type LoginResponse,
} from "../contract";
import { type AnonymousIds, newAnonymousId } from "./anonymous-id";
import type { LoginFailureData } from "./api";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import { loginKeyOf } from "./login-key";
import { loginOutcome } from "./login-outcome";
import type { Random } from "./ports";
import type { ServiceClient } from "./service-client";
import type { LoginIdentity } from "./session-record";

/** One `LoginWithIdentity` call: settled exactly once (success, failure, cancel or dispose). */
export interface LoginAttempt {
  settled: boolean;
  readonly onSuccess: () => void;
  readonly onFailure: (reason: LoginFailureReason, errors: ErrorMap, detail?: FailureDetail) => void;
}

/** The client checks' plan, as the login flow reads it. */
export interface LoginFlowPlan {
  readonly mode: LoginMode;
  readonly fullPrivacy: boolean;
  readonly config: LoginConfig;
  readonly identities: ReadonlyArray<{ readonly identifier: string; readonly value: string }>;
}

/** What the login flow needs from the client's state machine. */
export interface LoginFlowContext {
  readonly service: ServiceClient;
  readonly anonymousIds: AnonymousIds;
  readonly random: Random;
  readonly log: CoreLog;
  readonly events: EventHub;
  /** Ends the current session, if any, and resolves when the previous logout is done (or waited long enough). */
  logOutPrevious(): Promise<void>;
  /** True when the current session is the user named by `loginKey` (the login renews it in place). */
  isCurrentUser(loginKey: string | undefined): boolean;
  /**
   * Makes the answer the current session. `withToken`: the login had a non-empty JWT; `renewing`: the login named
   * the user already logged in (no logout was done; the session is renewed in place).
   */
  establish(response: LoginResponse, withToken: boolean, identity: LoginIdentity, renewing: boolean): void;
  /** Settles the attempt (success without `failure`); a settled attempt ignores later calls. */
  settle(attempt: LoginAttempt, failure?: LoginFailureData): void;
}

/**
 * The login after the client checks passed: log the previous user out (unless the login names the user already
 * logged in: then the session is renewed in place), send `POST login` (with the persisted anonymous id for an
 * empty JWT, a fresh one for full privacy without uid), then settle. An attempt settled meanwhile (Logout,
 * dispose) drops the answer, revoking a late session.
 *
 * @example
 * await runLogin(context, attempt, plan, jwt); // plan: checkLogin(jwt, config) when ok
 */
export async function runLogin(
  ctx: LoginFlowContext,
  attempt: LoginAttempt,
  plan: LoginFlowPlan,
  jwt: string,
): Promise<void> {
  let anonymousId: string | undefined;
  if (plan.mode === "anonymous") anonymousId = ctx.anonymousIds.current();
  else if (plan.mode === "privateAnonymous") anonymousId = newAnonymousId(ctx.random);
  const loginKey = loginKeyOf(plan, anonymousId);
  const renewing = ctx.isCurrentUser(loginKey);
  if (renewing) ctx.log.info("the login names the user already logged in: renewing the session in place");
  else await ctx.logOutPrevious();
  if (attempt.settled) return;
  const request: LoginRequest = { identityToken: jwt, fullPrivacy: plan.fullPrivacy };
  if (anonymousId !== undefined) request.anonymousId = anonymousId;
  const outcome = loginOutcome(await ctx.service.login(request));
  if (attempt.settled) {
    if (outcome.ok) {
      // Cancelled by Logout while the service said yes: that session must not live on in the service. (After
      // dispose the answer never gets here: the service client settled the request as a network error.)
      const lateToken = outcome.response.sessionToken;
      ctx.log.remember(lateToken);
      ctx.log.info("dropping a late login answer");
      void ctx.service.logout(lateToken).finally(() => ctx.log.forget(lateToken));
    }
    return;
  }
  if (!outcome.ok) {
    if (outcome.failure.reason === LoginFailureReason.identityFeatureNotEnabled) {
      ctx.events.emit(HelpshiftEvent.userIdentityNotEnabled);
    }
    ctx.settle(attempt, outcome.failure);
    return;
  }
  const identity: LoginIdentity = { loginKey: loginKey ?? "", loginConfig: plan.config };
  ctx.establish(outcome.response, jwt !== "", identity, renewing);
  ctx.log.info("logged in", { userId: outcome.response.userId, anonymous: outcome.response.anonymous });
  ctx.settle(attempt);
}
