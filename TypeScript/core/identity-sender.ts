import { HelpshiftEvent, LoginFailureReason } from "../contract";
import { retryDelayMs } from "./backoff";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import { isRetryable, isSessionInvalid, type ServiceClient } from "./service-client";
import type { Timer, TimerSet } from "./timers";

/** What an {@link IdentitySender} needs: one session's token and the client's service, timers, events, log. */
export interface IdentitySenderDeps {
  readonly sessionToken: string;
  readonly service: ServiceClient;
  readonly timers: TimerSet;
  readonly events: EventHub;
  readonly log: CoreLog;
  readonly onSessionInvalid: () => void;
}

/** Sends `AddUserIdentities` tokens for one session. */
export interface IdentitySender {
  /** Sends a token that passed the client checks; resolves when the service answered or the session ended. */
  send(identitiesJwt: string): Promise<void>;
  /** Session over: pending retries are abandoned, with a warning (never silently). */
  stop(): void;
}

/** Identity failure reasons that have an event of the same meaning (the event table of docs/contract.md). */
const IDENTITY_FAILURE_EVENTS: Readonly<Record<string, HelpshiftEvent>> = {
  [LoginFailureReason.identityFeatureNotEnabled]: HelpshiftEvent.userIdentityNotEnabled,
  [LoginFailureReason.identityTokenInvalid]: HelpshiftEvent.identityTokenInvalid,
  [LoginFailureReason.iatIsMandatory]: HelpshiftEvent.iatIsMandatory,
  [LoginFailureReason.identitiesSizeLimitExceeded]: HelpshiftEvent.identitiesSizeLimitExceeded,
  [LoginFailureReason.identitiesDataInvalid]: HelpshiftEvent.identitiesDataInvalid,
};

/**
 * Emits the event for an `AddUserIdentities` failure (client check or service refusal). Returns false when the
 * reason has no event (the caller logs it).
 *
 * @example
 * emitIdentityFailure(events, "identitiesDataInvalid", { email: "emptyData" });
 */
export function emitIdentityFailure(
  events: EventHub,
  reason: string,
  errors?: Readonly<Record<string, string>>,
): boolean {
  if (!Object.prototype.hasOwnProperty.call(IDENTITY_FAILURE_EVENTS, reason)) return false;
  const event = IDENTITY_FAILURE_EVENTS[reason] as HelpshiftEvent;
  if (event === HelpshiftEvent.identitiesDataInvalid) events.emit(event, errors ?? {});
  else events.emit(event);
  return true;
}

interface Job {
  readonly jwt: string;
  attempt: number;
  timer?: Timer;
  done: () => void;
}

/**
 * POSTs identities with the session's bearer token. Network errors, 5xx and rate limiting are retried with
 * exponential backoff while the session lasts; refusals become the events of that table.
 *
 * @example
 * const sender = createIdentitySender({ sessionToken, service, timers, events, log, onSessionInvalid });
 * await sender.send(identitiesJwt);
 */
export function createIdentitySender(d: IdentitySenderDeps): IdentitySender {
  const jobs = new Set<Job>();
  let stopped = false;

  const finish = (job: Job) => {
    jobs.delete(job);
    job.done();
  };

  const abandon = (job: Job) => {
    d.log.warn("identities were not sent: the session ended before the service could be reached");
    finish(job);
  };

  const run = async (job: Job): Promise<void> => {
    job.timer = undefined;
    if (stopped) return abandon(job);
    const answer = await d.service.addIdentities(d.sessionToken, { identityToken: job.jwt });
    if (answer.kind === "ok") {
      if (Object.keys(answer.value.refused).length > 0) {
        d.events.emit(HelpshiftEvent.identityDataSyncFailed, answer.value.refused);
      }
      return finish(job);
    }
    if (isSessionInvalid(answer)) {
      d.onSessionInvalid();
      return abandon(job);
    }
    if (isRetryable(answer)) {
      if (stopped) return abandon(job);
      const delay = retryDelayMs(job.attempt++);
      d.log.info("identities will be retried", { delayMs: delay, attempt: job.attempt });
      job.timer = d.timers.after(delay, () => void run(job));
      return;
    }
    if (answer.kind === "refused") {
      if (!emitIdentityFailure(d.events, answer.error.reason, answer.error.errors)) {
        d.log.error("identities refused by the service", { reason: answer.error.reason, status: answer.status });
      }
    } else if (answer.kind === "unexpected") {
      d.log.error("unexpected answer to identities", { status: answer.status });
    }
    finish(job);
  };

  return {
    send(identitiesJwt) {
      return new Promise<void>((resolve) => {
        const job: Job = { jwt: identitiesJwt, attempt: 0, done: resolve };
        jobs.add(job);
        run(job).catch((error: unknown) => {
          d.log.error("identities send failed", { error: String(error) });
          finish(job);
        });
      });
    },
    stop() {
      stopped = true;
      for (const job of [...jobs]) {
        if (job.timer) {
          job.timer.cancel();
          abandon(job);
        }
      }
    },
  };
}
