/**
 * Session refresh with a token provider: one refresh at a time per session (every trigger joins it), bound to the
 * session's epoch (a logout or another login cancels it and its late answer is dropped), retried with jittered
 * exponential backoff within a budget, never retrying an answer that cannot change.
 */
import {
  checkLogin,
  FailureDetail,
  LoginFailureReason,
  type LoginRequest,
  type LoginResponse,
  ProtocolErrorCode,
} from "../contract";
import type { RefreshReason } from "./api";
import type { CoreLog } from "./log";
import { anonymousIdOfKey, isEmptyTokenKey, loginKeyOf } from "./login-key";
import type { SessionRecord } from "./persisted";
import type { Random } from "./ports";
import type { ServiceAnswer, ServiceClient } from "./service-client";
import type { LoginIdentity } from "./session-record";
import type { TimerSet } from "./timers";
import type { TokenSource } from "./token-source";

/** Retry policy of a refresh. **(ours)** */
export interface RefreshPolicy {
  /** First retry delay, ms (doubled each retry, capped at `maxMs`, then jittered to 50-100 %). */
  readonly baseMs: number;
  readonly maxMs: number;
  /**
   * Failed attempts before the refresh gives up. A network error while the session is still valid on the trusted
   * clock does not count: offline is not logged out, the refresh keeps trying (at most every `maxMs`, and at once
   * when the network is back) until the service answers or the session expires.
   */
  readonly budget: number;
}

/** The default {@link RefreshPolicy}: 2 s, 4 s, 8 s … up to 5 min; 5 failed attempts. */
export const DEFAULT_REFRESH_POLICY: RefreshPolicy = { baseMs: 2_000, maxMs: 300_000, budget: 5 };

/** How far a token's `iat` may be ahead of the service's clock before the service refuses it (its rule). */
export const IAT_FUTURE_TOLERANCE_MS = 60_000;

/** How one attempt ended. `network`: the service was not reached. */
export type AttemptOutcome =
  | { readonly kind: "renewed" }
  | { readonly kind: "cancelled" }
  | { readonly kind: "retry"; readonly why: string; readonly network: boolean }
  | { readonly kind: "terminal"; readonly why: string };

/** How a refresh ended. */
export type RefreshResult = "renewed" | "failed" | "cancelled";

/** Delay before retry `step` (0-based): exponential, capped, with jitter from the Random port (50-100 %). */
export function refreshRetryDelayMs(step: number, random: Random, policy: RefreshPolicy = DEFAULT_REFRESH_POLICY) {
  const full = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(0, step), 30));
  const bytes = random.bytes(2);
  const fraction = (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) / 65_536;
  return Math.round(full / 2 + (full / 2) * fraction);
}

/** What {@link createRefresher} needs from the client. */
export interface RefresherDeps {
  readonly timers: TimerSet;
  readonly random: Random;
  readonly log: CoreLog;
  readonly policy?: RefreshPolicy;
  /** The current session epoch: changes at every login start, logout, expiry end and dispose. */
  epoch(): number;
  /** True while the session is valid on the trusted clock. */
  sessionLive(): boolean;
  /** One attempt for the session of `epoch`. */
  attempt(reason: RefreshReason, epoch: number): Promise<AttemptOutcome>;
  /** A refresh started or ended (state changes). */
  changed(): void;
}

/** Runs refreshes. */
export interface Refresher {
  /** Starts the refresh of the current session, or joins the one running (an `expired` reason wins). */
  run(reason: RefreshReason): Promise<RefreshResult>;
  /** The reason of the refresh running, if one is. */
  readonly running: RefreshReason | undefined;
  /**
   * The network is back (the service answered something) or the app came to the foreground: a refresh waiting out
   * a backoff after a network error tries now (other failures keep their backoff).
   */
  nudge(): void;
  /** The session changed: the running refresh resolves `cancelled` now; its late answer is dropped. */
  cancel(): void;
}

interface Flight {
  readonly epoch: number;
  reason: RefreshReason;
  readonly promise: Promise<RefreshResult>;
  readonly finish: (result: RefreshResult) => void;
  wake?: () => void;
  /** The last attempt did not reach the service: a nudge (network back) retries at once. */
  lastNetwork: boolean;
}

/**
 * Makes the refresher. Each flight loops: attempt → renewed / terminal / retry after a jittered backoff.
 *
 * @example
 * const refresher = createRefresher({ timers, random, log, epoch: () => epoch, sessionLive, attempt, changed });
 * await refresher.run("refresh"); // "renewed" | "failed" | "cancelled"
 */
export function createRefresher(deps: RefresherDeps): Refresher {
  const policy = deps.policy ?? DEFAULT_REFRESH_POLICY;
  let flight: Flight | undefined;

  const wait = (current: Flight, delayMs: number) =>
    new Promise<void>((resolve) => {
      const timer = deps.timers.after(delayMs, () => {
        current.wake = undefined;
        resolve();
      });
      current.wake = () => {
        current.wake = undefined;
        timer.cancel();
        resolve();
      };
    });

  const loop = async (current: Flight): Promise<RefreshResult> => {
    let failures = 0;
    for (let step = 0; ; step++) {
      if (flight !== current || deps.epoch() !== current.epoch) return "cancelled";
      let outcome: AttemptOutcome;
      try {
        outcome = await deps.attempt(current.reason, current.epoch);
      } catch (error) {
        outcome = { kind: "retry", why: `refresh attempt threw: ${String(error)}`, network: false };
      }
      if (flight !== current || deps.epoch() !== current.epoch || outcome.kind === "cancelled") return "cancelled";
      if (outcome.kind === "renewed") return "renewed";
      if (outcome.kind === "terminal") {
        deps.log.error("session refresh failed", { why: outcome.why, reason: current.reason });
        return "failed";
      }
      current.lastNetwork = outcome.network;
      if (!(outcome.network && deps.sessionLive())) failures++;
      if (failures >= policy.budget) {
        deps.log.error("session refresh gave up", { why: outcome.why, attempts: step + 1, reason: current.reason });
        return "failed";
      }
      const delayMs = refreshRetryDelayMs(step, deps.random, policy);
      deps.log.warn("session refresh will be retried", { why: outcome.why, delayMs, attempt: step + 1 });
      await wait(current, delayMs);
    }
  };

  const refresher: Refresher = {
    run(reason) {
      const epoch = deps.epoch();
      if (flight && flight.epoch === epoch) {
        if (reason === "expired") flight.reason = "expired";
        return flight.promise;
      }
      flight?.finish("cancelled");
      let finish!: (result: RefreshResult) => void;
      const promise = new Promise<RefreshResult>((resolve) => {
        finish = resolve;
      });
      const current: Flight = { epoch, reason, promise, finish, lastNetwork: false };
      flight = current;
      deps.log.info("session refresh started", { reason });
      deps.changed();
      void loop(current).then((result) => {
        if (flight === current) flight = undefined;
        current.finish(result);
        deps.changed();
      });
      return promise;
    },
    get running() {
      return flight?.reason;
    },
    nudge() {
      if (flight?.lastNetwork) flight.wake?.();
    },
    cancel() {
      const current = flight;
      if (!current) return;
      flight = undefined;
      current.wake?.();
      current.finish("cancelled");
      deps.log.info("session refresh cancelled");
      deps.changed();
    },
  };
  return refresher;
}

/** What one refresh attempt needs. */
export interface AttemptContext {
  readonly service: ServiceClient;
  readonly tokens: TokenSource;
  readonly log: CoreLog;
  /** The service's time now (trusted clock), for the `iat` warning. */
  serviceNow(): number;
  /** The session being refreshed, while its epoch is current. */
  session(epoch: number): SessionRecord | undefined;
  /** Makes the answer the session, in place (same user). */
  renew(epoch: number, response: LoginResponse, identity: LoginIdentity): void;
}

/** Service refusals a fresh token may cure later (`iat` outside the service's window). */
const retryableDetails: ReadonlySet<string> = new Set([FailureDetail.iatTooOld, FailureDetail.iatInFuture]);

/**
 * One refresh attempt: a fresh token (none for an empty-JWT session: the same anonymous id), the client checks
 * with the session's login config, the same-user check, `POST login` with the session's anonymous id where the
 * user is anonymous, then the in-place renewal. A token or an answer naming another user is refused.
 *
 * @example
 * const outcome = await refreshAttempt(context, "refresh", epoch);
 */
export async function refreshAttempt(
  ctx: AttemptContext,
  reason: RefreshReason,
  epoch: number,
): Promise<AttemptOutcome> {
  const record = ctx.session(epoch);
  if (!record?.loginKey) return { kind: "terminal", why: "the session was not made by a login this client knows" };
  const config = record.loginConfig ?? {};
  let jwt = "";
  if (!isEmptyTokenKey(record.loginKey)) {
    try {
      jwt = await ctx.tokens.get(reason);
    } catch (error) {
      return { kind: "retry", why: String(error instanceof Error ? error.message : error), network: false };
    }
    if (!ctx.session(epoch)) return { kind: "cancelled" };
    if (typeof jwt !== "string" || jwt === "") return { kind: "terminal", why: "the provider returned no token" };
  }
  const plan = checkLogin(jwt, config);
  if (!plan.ok) return { kind: "terminal", why: `the provider's token fails the client checks: ${plan.reason}` };
  const anonymousId = anonymousIdOfKey(record.loginKey);
  const key = loginKeyOf(plan, plan.mode === "anonymous" || plan.mode === "privateAnonymous" ? anonymousId : undefined);
  if (key !== record.loginKey) {
    ctx.log.error("the identity token provider returned a token for another user: refused, the session is kept", {
      userId: record.userId,
    });
    return { kind: "terminal", why: "the provider's token names another user" };
  }
  if ("iat" in plan && typeof plan.iat === "number" && plan.iat * 1000 > ctx.serviceNow() + IAT_FUTURE_TOLERANCE_MS) {
    ctx.log.warn("the token's iat is ahead of the service's clock: the service may refuse it", {
      aheadSeconds: Math.round(plan.iat - ctx.serviceNow() / 1000),
    });
  }
  const request: LoginRequest = { identityToken: jwt, fullPrivacy: plan.fullPrivacy };
  if (anonymousId !== undefined) request.anonymousId = anonymousId;
  const answer = await ctx.service.login(request);
  if (!ctx.session(epoch)) {
    if (answer.kind === "ok") revokeLate(ctx, answer.value.sessionToken);
    return { kind: "cancelled" };
  }
  if (answer.kind === "ok") {
    if (answer.value.userId !== record.userId) {
      ctx.log.error("the service answered the refresh with another user: refused, the session is kept", {
        userId: record.userId,
      });
      revokeLate(ctx, answer.value.sessionToken);
      return { kind: "terminal", why: "the service named another user" };
    }
    ctx.renew(epoch, answer.value, { loginKey: record.loginKey, loginConfig: config });
    return { kind: "renewed" };
  }
  return classify(answer);
}

function classify(answer: ServiceAnswer<LoginResponse>): AttemptOutcome {
  if (answer.kind === "network") return { kind: "retry", why: "network", network: true };
  if (answer.kind === "unexpected") {
    return answer.status >= 500
      ? { kind: "retry", why: `service status ${answer.status}`, network: false }
      : { kind: "terminal", why: `unexpected answer ${answer.status}` };
  }
  if (answer.kind !== "refused") return { kind: "terminal", why: "unexpected answer" };
  const { reason, detail } = answer.error;
  if (reason === ProtocolErrorCode.rateLimited || answer.status >= 500) {
    return { kind: "retry", why: reason, network: false };
  }
  if (reason === LoginFailureReason.identityTokenInvalid && detail !== undefined && retryableDetails.has(detail)) {
    return { kind: "retry", why: `${reason}/${detail}`, network: false };
  }
  return { kind: "terminal", why: detail ? `${reason}/${detail}` : reason };
}

function revokeLate(ctx: AttemptContext, token: string): void {
  ctx.log.remember(token);
  void ctx.service.logout(token).finally(() => ctx.log.forget(token));
}
