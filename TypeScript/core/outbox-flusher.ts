import { Defaults, ErrorValue, HelpshiftEvent } from "../contract";
import { retryDelayMs } from "./backoff";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import { type AttributeBatch, batchPartKeys } from "./outbox-model";
import type { OutboxStore } from "./outbox-store";
import type { OutboxMonitor } from "./outbox-view";
import { isRetryable, isSessionInvalid, type ServiceClient } from "./service-client";
import type { Timer, TimerSet } from "./timers";

/** What one send achieved: `sent` (acknowledged or finally settled), `failed` (kept for later), `empty`. */
export type BatchResult = "sent" | "failed" | "empty";

/** Bound on batches sent by one flush: a runaway loop must end even if the outbox misbehaves. */
const MAX_BATCHES_PER_FLUSH = 100;

/** What an {@link OutboxFlusher} needs: one user's id and session token, and the client's parts. */
export interface OutboxFlusherDeps {
  readonly userId: string;
  /** The session's token now; undefined while the session is held for a refresh (nothing is sent). */
  readonly sessionToken: () => string | undefined;
  readonly service: ServiceClient;
  readonly outbox: OutboxStore;
  readonly timers: TimerSet;
  readonly events: EventHub;
  readonly log: CoreLog;
  readonly flushIntervalMs: number;
  readonly newBatchId: () => string;
  readonly onSessionInvalid: () => void;
  /** Hears each send, failure and answer (the outbox view). */
  readonly monitor?: OutboxMonitor;
}

/** Why an answer did not deliver a batch, in a word or two (`network`, `HTTP 503`, `rateLimited`). */
function failureWords(answer: {
  readonly kind: string;
  readonly status?: number;
  readonly error?: { reason: string };
}) {
  if (answer.kind === "network") return "network";
  if (answer.kind === "refused" && answer.error) return `${answer.error.reason} (HTTP ${answer.status})`;
  return `HTTP ${answer.status}`;
}

/** Sends one user's outbox with that user's session. */
export interface OutboxFlusher {
  /** Entries were queued: arm the interval timer, or flush at once when `Defaults.flushAtEntries` is reached. */
  kick(): void;
  /** Sends batches until the outbox is empty or a send fails (a failure schedules a retry unless stopped). */
  flushAll(): Promise<void>;
  /** No more timers or retries; a request in flight still completes. */
  stop(): void;
  /** Stops, then tries once to send what is left (logout). Resolves when done; never rejects. */
  drain(): Promise<void>;
}

/**
 * One request in flight at a time; each batch keeps its `batchId` across retries (exponential backoff from
 * `Defaults.retryBaseMs` to `retryMaxMs`) so the service applies it once. Refused keys become
 * `*AttributesSyncFailed` events; a 401 `sessionInvalid` ends the session and keeps the batch for the user.
 *
 * @example
 * const flusher = createOutboxFlusher({ userId, sessionToken: () => token, service, outbox, timers, events, log,
 *   flushIntervalMs: 30_000, newBatchId, onSessionInvalid });
 * outbox.queue(userId, "master", { first_name: "Ana" }); flusher.kick();
 */
export function createOutboxFlusher(d: OutboxFlusherDeps): OutboxFlusher {
  let inflight: Promise<BatchResult> | undefined;
  let intervalTimer: Timer | undefined;
  let retryTimer: Timer | undefined;
  let attempt = 0;
  let stopped = false;

  const cancelTimers = () => {
    intervalTimer?.cancel();
    retryTimer?.cancel();
    intervalTimer = undefined;
    retryTimer = undefined;
  };

  const reportRefused = (event: HelpshiftEvent, refused: Readonly<Record<string, string>>) => {
    if (Object.keys(refused).length > 0) d.events.emit(event, refused);
  };

  const reportDropped = (batch: AttributeBatch) => {
    const all = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, ErrorValue.invalidData]));
    reportRefused(HelpshiftEvent.masterAttributesSyncFailed, all(batchPartKeys(batch.master)));
    reportRefused(HelpshiftEvent.appAttributesSyncFailed, all(batchPartKeys(batch.app)));
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    const delay = retryDelayMs(attempt++);
    d.log.info("attribute batch will be retried", { delayMs: delay, attempt });
    retryTimer = d.timers.after(delay, () => {
      retryTimer = undefined;
      void flushAll();
    });
  };

  const send = async (batch: AttributeBatch, token: string): Promise<BatchResult> => {
    d.monitor?.sending(d.userId, batch);
    const answer = await d.service.sendAttributes(token, batch);
    if (answer.kind === "ok") {
      d.monitor?.answered(d.userId, batch, { master: answer.value.master.refused, app: answer.value.app.refused });
      d.outbox.complete(d.userId, batch.batchId);
      attempt = 0;
      reportRefused(HelpshiftEvent.masterAttributesSyncFailed, answer.value.master.refused);
      reportRefused(HelpshiftEvent.appAttributesSyncFailed, answer.value.app.refused);
      return "sent";
    }
    if (isSessionInvalid(answer) || isRetryable(answer)) {
      d.monitor?.failed(d.userId, batch, failureWords(answer));
    }
    if (isSessionInvalid(answer)) {
      // Sent with a token the session has since renewed (or is renewing): the batch goes again with the new one.
      if (token !== d.sessionToken()) scheduleRetry();
      else d.onSessionInvalid();
      return "failed";
    }
    if (isRetryable(answer)) {
      scheduleRetry();
      return "failed";
    }
    if (answer.kind === "unexpected" && answer.status >= 200 && answer.status < 300) {
      d.monitor?.answered(d.userId, batch, { master: {}, app: {} });
    } else {
      d.monitor?.dropped(d.userId, batch, ErrorValue.invalidData, `the whole batch: ${failureWords(answer)}`);
    }
    d.outbox.complete(d.userId, batch.batchId);
    if (answer.kind === "unexpected" && answer.status >= 200 && answer.status < 300) {
      // The service took the batch but answered in a shape we do not know: resending could apply it twice.
      d.log.warn("attribute batch acknowledged with an unexpected body", { batchId: batch.batchId });
      return "sent";
    }
    const status = answer.kind === "network" ? undefined : answer.status;
    d.log.error("attribute batch refused by the service", { batchId: batch.batchId, status });
    reportDropped(batch);
    return "sent";
  };

  const sendOne = (): Promise<BatchResult> => {
    intervalTimer?.cancel();
    intervalTimer = undefined;
    const token = d.sessionToken();
    if (token === undefined) return Promise.resolve("failed");
    const batch = d.outbox.nextBatch(d.userId, d.newBatchId);
    if (!batch) return Promise.resolve("empty");
    retryTimer?.cancel();
    retryTimer = undefined;
    const running = send(batch, token).catch((error: unknown) => {
      d.monitor?.failed(d.userId, batch, "error");
      d.log.error("attribute flush failed", { error: String(error) });
      return "failed" as const;
    });
    inflight = running.then((result) => {
      inflight = undefined;
      return result;
    });
    return inflight;
  };

  async function flushAll(): Promise<void> {
    try {
      for (let i = 0; i < MAX_BATCHES_PER_FLUSH; i++) {
        const result = await (inflight ?? sendOne());
        if (result !== "sent") return;
        if (!d.outbox.hasUnsynced(d.userId)) return;
      }
    } catch (error) {
      // A port failed (randomness for the batch id, say): the entries stay stored for the next flush.
      d.log.error("attribute flush failed", { error: String(error) });
    }
  }

  return {
    kick() {
      if (stopped) return;
      if (d.outbox.pendingCount(d.userId) >= Defaults.flushAtEntries) {
        void flushAll();
        return;
      }
      if (!intervalTimer && !retryTimer && !inflight) {
        intervalTimer = d.timers.after(d.flushIntervalMs, () => {
          intervalTimer = undefined;
          void flushAll();
        });
      }
    },
    flushAll,
    stop() {
      stopped = true;
      cancelTimers();
    },
    async drain() {
      stopped = true;
      cancelTimers();
      await flushAll();
    },
  };
}
