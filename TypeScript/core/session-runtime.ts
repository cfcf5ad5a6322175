import { type AttributeValue, base64UrlEncode, HelpshiftEvent } from "../contract";
import type { EventHub } from "./events";
import { createIdentitySender } from "./identity-sender";
import type { CoreLog } from "./log";
import { createOutboxFlusher } from "./outbox-flusher";
import type { AttributeKindName } from "./outbox-model";
import type { OutboxStore, QueueResult } from "./outbox-store";
import type { SessionRecord } from "./persisted";
import type { Clock, Random } from "./ports";
import { isSessionInvalid, type ServiceClient } from "./service-client";
import { createSessionTimers } from "./session-timers";
import type { TimerSet } from "./timers";

/** What a session needs from the client around it. */
export interface SessionDeps {
  readonly service: ServiceClient;
  readonly outbox: OutboxStore;
  readonly clock: Clock;
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
}

/** One logged-in session: its timers, its outbox sending and its identity calls, all with its own token. */
export interface SessionRuntime {
  readonly record: SessionRecord;
  /** Arms timers and sends what the user left unsynced. */
  start(): void;
  queue(kind: AttributeKindName, accepted: Readonly<Record<string, AttributeValue>>): QueueResult;
  addIdentities(identitiesJwt: string): Promise<void>;
  flush(): Promise<void>;
  /** Re-checks refresh and expiry against the wall clock and re-arms the timers. */
  foreground(): void;
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
  const expired = () => {
    if (over) return;
    deps.onExpired(runtime);
  };
  const flusher = createOutboxFlusher({
    userId: record.userId,
    sessionToken: record.sessionToken,
    service: deps.service,
    outbox: deps.outbox,
    timers,
    events: deps.events,
    log: deps.log,
    flushIntervalMs: deps.flushIntervalMs,
    newBatchId: () => base64UrlEncode(deps.random.bytes(16)),
    onSessionInvalid: expired,
  });
  const identities = createIdentitySender({
    sessionToken: record.sessionToken,
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
      if (over) return;
      if (deps.clock.now() >= record.expiresAt) {
        expired();
        return;
      }
      sessionTimers.arm();
    },
    stop,
    async end() {
      over = true;
      sessionTimers.stop();
      identities.stop();
      await flusher.drain();
      timers.close();
      const answer = await deps.service.logout(record.sessionToken);
      if (answer.kind === "ok" || isSessionInvalid(answer)) return true;
      deps.log.warn("logout not confirmed by the service", { answer: answer.kind });
      return false;
    },
  };
  return runtime;
}
