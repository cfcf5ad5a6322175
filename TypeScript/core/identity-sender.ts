import { HelpshiftEvent, LoginFailureReason } from "../contract";
import { retryDelayMs } from "./backoff";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import { isRetryable, isSessionInvalid, type ServiceClient } from "./service-client";
import type { Timer, TimerSet } from "./timers";

/** What an {@link IdentitySender} needs: one session's token and the client's service, timers, events, log. */
export interface IdentitySenderDeps {
  /** The session's token now; undefined while the session is held for a refresh (jobs wait for `resume`). */
  readonly sessionToken: () => string | undefined;
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
  /** The session was renewed: jobs that waited for it are sent with the new token. */
  resume(): void;
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
 * const sender = createIdentitySender({ sessionToken: () => token, service, timers, events, log, onSessionInvalid });
 * await sender.send(identitiesJwt);
 */
export function createIdentitySender(d: IdentitySenderDeps): IdentitySender {
  const jobs = new Set<Job>();
  const parked = new Set<Job>();
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
    const token = d.sessionToken();
    if (token === undefined) {
      parked.add(job);
      return;
    }
    const answer = await d.service.addIdentities(token, { identityToken: job.jwt });
    if (answer.kind === "ok") {
      if (Object.keys(answer.value.refused).length > 0) {
        d.events.emit(HelpshiftEvent.identityDataSyncFailed, answer.value.refused);
      }
      return finish(job);
    }
    if (isSessionInvalid(answer)) {
      // A token renewed meanwhile: send again with the new one. Else the session is over (abandon) or held for a
      // refresh (the job waits for `resume`).
      if (token === d.sessionToken()) d.onSessionInvalid();
      if (token === d.sessionToken()) return abandon(job);
      return run(job);
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
        if (job.timer || parked.has(job)) {
          job.timer?.cancel();
          parked.delete(job);
          abandon(job);
        }
      }
    },
    resume() {
      if (stopped) return;
      for (const job of [...parked]) {
        parked.delete(job);
        void run(job).catch((error: unknown) => {
          d.log.error("identities send failed", { error: String(error) });
          finish(job);
        });
      }
    },
  };
}
