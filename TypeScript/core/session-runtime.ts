import { type AttributeValue, base64UrlEncode, HelpshiftEvent } from "../contract";
import type { EventHub } from "./events";
import { createIdentitySender } from "./identity-sender";
import type { CoreLog } from "./log";
import { createOutboxFlusher } from "./outbox-flusher";
import type { AttributeKindName } from "./outbox-model";
import type { OutboxStore, QueueResult } from "./outbox-store";
import type { OutboxMonitor } from "./outbox-view";
import type { SessionRecord } from "./persisted";
import type { Random } from "./ports";
import { isSessionInvalid, type ServiceClient } from "./service-client";
import { serviceExpiresAt } from "./session-record";
import { createSessionTimers } from "./session-timers";
import type { TimerSet } from "./timers";
import type { TrustedClock } from "./trusted-clock";

/** What a session needs from the client around it. */
export interface SessionDeps {
  readonly service: ServiceClient;
  readonly outbox: OutboxStore;
  /** The service's clock as estimated (expiry and refresh are decided on it). */
  readonly clock: TrustedClock;
  readonly random: Random;
  readonly events: EventHub;
  readonly log: CoreLog;
  readonly flushIntervalMs: number;
  /** A fresh set of timers, owned (and closed) by the session. */
  readonly newTimers: () => TimerSet;
  /** The session record changed (refresh sent): persist it. */
  readonly persist: (record: SessionRecord) => void;
  /** The session is over on the service's or the clock's word. */
  readonly onExpired: (session: SessionRuntime) => void;
  /** The refresh point was reached (`refreshUserCredentials` was just emitted). */
  readonly onRefreshDue?: (session: SessionRuntime) => void;
  /** Hears the outbox's sends and answers (the outbox view). */
  readonly monitor?: OutboxMonitor;
}

/** One logged-in session: its timers, its outbox sending and its identity calls, all with its own token. */
export interface SessionRuntime {
  readonly record: SessionRecord;
  /** Arms timers and sends what the user left unsynced. */
  start(): void;
  queue(kind: AttributeKindName, accepted: Readonly<Record<string, AttributeValue>>): QueueResult;
  addIdentities(identitiesJwt: string): Promise<void>;
  flush(): Promise<void>;
  /** Re-checks refresh and expiry against the trusted clock and re-arms the timers. */
  foreground(): void;
  /**
   * The session expired but a refresh may save it: timers stop, nothing is sent (identities wait, attributes stay
   * queued) until {@link renew} or {@link stop}.
   */
  hold(): void;
  /** True while held for a refresh. */
  readonly held: boolean;
  /** The same user's new session (refresh or a login naming the same user): same outbox, same pending work. */
  renew(next: SessionRecord): void;
  /** Stops everything without a request (expiry, dispose). */
  stop(): void;
  /**
   * Logout: stops, sends what is pending once, then revokes the session (best effort). Never rejects. Resolves
   * `true` when the service has the last word on the session (revoked, or already unknown/expired/revoked), `false`
   * when the revoke may still be needed (not reached, 5xx, closed by dispose).
   */
  end(): Promise<boolean>;
}

/**
 * Runs one session. The outbox flusher and the identity sender get this session's token and user id only,
 * so nothing is ever sent under another user's session.
 *
 * @example
 * const session = createSessionRuntime(deps, record);
 * session.start();
 * session.queue("master", { first_name: "Ana" });
 */
export function createSessionRuntime(deps: SessionDeps, initial: SessionRecord): SessionRuntime {
  let record = initial;
  const timers = deps.newTimers();
  let over = false;
  let held = false;
  const expired = () => {
    if (over || held) return;
    deps.onExpired(runtime);
  };
  const token = () => (held ? undefined : record.sessionToken);
  const flusher = createOutboxFlusher({
    userId: record.userId,
    sessionToken: token,
    service: deps.service,
    outbox: deps.outbox,
    timers,
    events: deps.events,
    log: deps.log,
    flushIntervalMs: deps.flushIntervalMs,
    newBatchId: () => base64UrlEncode(deps.random.bytes(16)),
    onSessionInvalid: expired,
    ...(deps.monitor ? { monitor: deps.monitor } : {}),
  });
  const identities = createIdentitySender({
    sessionToken: token,
    service: deps.service,
    timers,
    events: deps.events,
    log: deps.log,
    onSessionInvalid: expired,
  });
  const sessionTimers = createSessionTimers(timers, () => record, {
    refresh() {
      if (over || record.refreshSent) return;
      record = { ...record, refreshSent: true };
      deps.persist(record);
      deps.events.emit(HelpshiftEvent.refreshUserCredentials);
      deps.onRefreshDue?.(runtime);
    },
    expire: expired,
  });
  const stop = () => {
    over = true;
    sessionTimers.stop();
    flusher.stop();
    identities.stop();
    timers.close();
  };
  const runtime: SessionRuntime = {
    get record() {
      return record;
    },
    start() {
      sessionTimers.arm();
      if (deps.outbox.hasUnsynced(record.userId)) void flusher.flushAll();
    },
    queue(kind, accepted) {
      const result = deps.outbox.queue(record.userId, kind, accepted);
      if (result === "queued") flusher.kick();
      return result;
    },
    addIdentities: (jwt) => identities.send(jwt),
    flush: () => flusher.flushAll(),
    foreground() {
      if (over || held) return;
      if (deps.clock.now() >= serviceExpiresAt(record)) {
        expired();
        return;
      }
      sessionTimers.arm();
    },
    hold() {
      if (over) return;
      held = true;
      sessionTimers.stop();
    },
    get held() {
      return held;
    },
    renew(next) {
      if (over) return;
      record = next;
      held = false;
      deps.persist(record);
      sessionTimers.arm();
      identities.resume();
      if (deps.outbox.hasUnsynced(record.userId)) void flusher.flushAll();
    },
    stop,
    async end() {
      over = true;
      sessionTimers.stop();
      identities.stop();
      if (!held) await flusher.drain();
      timers.close();
      const answer = await deps.service.logout(record.sessionToken);
      if (answer.kind === "ok" || isSessionInvalid(answer)) return true;
      deps.log.warn("logout not confirmed by the service", { answer: answer.kind });
      return false;
    },
  };
  return runtime;
}
