import {
  type ErrorMap,
  type FailureDetail,
  HelpshiftEvent,
  LoginFailureReason,
  type LoginMode,
  type LoginRequest,
  type LoginResponse,
} from "../contract";
import { type AnonymousIds, newAnonymousId } from "./anonymous-id";
import type { LoginFailureData } from "./api";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import { loginOutcome } from "./login-outcome";
import type { Random } from "./ports";
import type { ServiceClient } from "./service-client";

/** One `LoginWithIdentity` call: settled exactly once (success, failure, cancel or dispose). */
export interface LoginAttempt {
  settled: boolean;
  readonly onSuccess: () => void;
  readonly onFailure: (reason: LoginFailureReason, errors: ErrorMap, detail?: FailureDetail) => void;
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
  /** Makes the answer the current session. `withToken`: the login had a non-empty JWT. */
  establish(response: LoginResponse, withToken: boolean): void;
  /** Settles the attempt (success without `failure`); a settled attempt ignores later calls. */
  settle(attempt: LoginAttempt, failure?: LoginFailureData): void;
}

/**
 * The login after the client checks passed: log the previous user out, send `POST login` (with the persisted
 * anonymous id for an empty JWT, a fresh one for full privacy without uid), then settle. An attempt settled
 * meanwhile (Logout, dispose) drops the answer, revoking a late session.
 *
 * @example
 * await runLogin(context, attempt, { mode: "uid", fullPrivacy: false }, jwt);
 */
export async function runLogin(
  ctx: LoginFlowContext,
  attempt: LoginAttempt,
  plan: { readonly mode: LoginMode; readonly fullPrivacy: boolean },
  jwt: string,
): Promise<void> {
  await ctx.logOutPrevious();
  if (attempt.settled) return;
  const request: LoginRequest = { identityToken: jwt, fullPrivacy: plan.fullPrivacy };
  if (plan.mode === "anonymous") request.anonymousId = ctx.anonymousIds.current();
  else if (plan.mode === "privateAnonymous") request.anonymousId = newAnonymousId(ctx.random);
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
  ctx.establish(outcome.response, jwt !== "");
  ctx.log.info("logged in", { userId: outcome.response.userId, anonymous: outcome.response.anonymous });
  ctx.settle(attempt);
}
