import { type AttributeValue, Limits } from "../contract";
import {
  type AttributeBatch,
  type AttributeKindName,
  countBatchPart,
  countPending,
  EMPTY_USER_OUTBOX,
  isPendingEmpty,
  mergePending,
  takeBatchPart,
  type UserOutbox,
} from "./outbox-model";
import type { OutboxRecord, PersistedState } from "./persisted";

/** Outcome of queueing validated entries. */
export type QueueResult = "queued" | "limitExceeded" | "nothing";

/** Every user's outbox, persisted on every change. */
export interface OutboxStore {
  /** Coalesces entries into the user's pending changes unless that would exceed the unsynced limit. */
  queue(userId: string, kind: AttributeKindName, accepted: Readonly<Record<string, AttributeValue>>): QueueResult;
  /** Net pending entries (not counting the batch in flight). */
  pendingCount(userId: string): number;
  /** The batch to send: the stored in-flight one (a retry keeps its id) or a new one cut from pending. */
  nextBatch(userId: string, newBatchId: () => string): AttributeBatch | undefined;
  /** The service acknowledged (or finally refused) this batch. */
  complete(userId: string, batchId: string): void;
  hasUnsynced(userId: string): boolean;
  get(userId: string): UserOutbox;
}

/**
 * Keeps {@link UserOutbox}es by user id in the persisted state. Entries of one user are never mixed with
 * another's; a restart reads them back.
 *
 * `onChange` hears every change of a user's outbox (after it was persisted): the outbox view watches it.
 *
 * @example
 * const outbox = createOutboxStore(state);
 * outbox.queue("user-1", "master", { first_name: "Ana" });
 */
export function createOutboxStore(
  state: PersistedState,
  onChange?: (userId: string, before: UserOutbox, after: UserOutbox) => void,
): OutboxStore {
  let record: OutboxRecord = state.readOutbox();
  const get = (userId: string): UserOutbox =>
    Object.prototype.hasOwnProperty.call(record, userId) ? (record[userId] as UserOutbox) : EMPTY_USER_OUTBOX;
  const put = (userId: string, outbox: UserOutbox) => {
    const before = get(userId);
    const next: OutboxRecord = { ...record };
    if (isPendingEmpty(outbox.master) && isPendingEmpty(outbox.app) && !outbox.inflight) delete next[userId];
    else next[userId] = outbox;
    record = next;
    state.writeOutbox(record);
    onChange?.(userId, before, get(userId));
  };
  return {
    queue(userId, kind, accepted) {
      if (Object.keys(accepted).length === 0) return "nothing";
      const current = get(userId);
      const merged = mergePending(current[kind], accepted);
      const unsynced = countPending(merged) + countBatchPart(current.inflight?.[kind]);
      if (unsynced > Limits.unsyncedAttributeEntries) return "limitExceeded";
      put(userId, { ...current, [kind]: merged });
      return "queued";
    },
    pendingCount: (userId) => countPending(get(userId).master) + countPending(get(userId).app),
    nextBatch(userId, newBatchId) {
      const current = get(userId);
      if (current.inflight) return current.inflight;
      const master = takeBatchPart(current.master);
      const app = takeBatchPart(current.app);
      if (!master.part && !app.part) return undefined;
      const batch: { batchId: string; master?: Record<string, AttributeValue>; app?: Record<string, AttributeValue> } =
        {
          batchId: newBatchId(),
        };
      if (master.part) batch.master = master.part;
      if (app.part) batch.app = app.part;
      // Persist the cut before sending: after a crash the same batchId is re-sent and applied once.
      put(userId, { master: master.rest, app: app.rest, inflight: batch });
      return batch;
    },
    complete(userId, batchId) {
      const current = get(userId);
      if (current.inflight?.batchId !== batchId) return;
      put(userId, { master: current.master, app: current.app });
    },
    hasUnsynced: (userId) => {
      const current = get(userId);
      return !!current.inflight || !isPendingEmpty(current.master) || !isPendingEmpty(current.app);
    },
    get,
  };
}
