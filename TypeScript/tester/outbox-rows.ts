/**
 * The tester's Outbox panel as rows: each attribute key of the client's outbox view (`getOutbox()`) with its fate
 * — waiting in the queue, being sent, waiting to retry after a failure, sent (accepted), or refused and why.
 * Pure: shared by the page and the editor tab's state.
 *
 * @example
 * const rows = outboxRows(client.getOutbox());
 * // [{ scope: "master", key: "first_name", fate: "retrying", attempts: 2, lastFailure: "network", ... }]
 */
import type { AttributeScope, OutboxView } from "../core/api";

/** One key's fate: `queued`, `sending`, `retrying` (the last send failed), `sent` (accepted) or `refused`. */
export type OutboxFate = "queued" | "sending" | "retrying" | "sent" | "refused";

export interface OutboxRow {
  readonly scope: AttributeScope;
  readonly key: string;
  readonly fate: OutboxFate;
  /** Sends tried so far (pending) or that it took (answered). */
  readonly attempts: number;
  readonly batchId?: string;
  /** With `refused`: the service's reason (`invalidData`), and more words when it refused the whole batch. */
  readonly reason?: string;
  readonly detail?: string;
  /** With `retrying`: why the last send did not deliver it (`network`, `HTTP 503`). */
  readonly lastFailure?: string;
  /** Queued (pending rows) or answered (settled rows), local epoch ms. */
  readonly atMs?: number;
}

/** The tester's outbox: the user it belongs to, and the rows, pending first then the answered ones (newest first). */
export interface TesterOutbox {
  readonly userId?: string;
  readonly rows: readonly OutboxRow[];
  /** How many keys wait (queued, sending or retrying). */
  readonly pendingCount: number;
}

const PENDING_FATE = { queued: "queued", sending: "sending", waitingToRetry: "retrying" } as const;

/**
 * The rows of an outbox view: the pending keys, then the keys the service answered for (of the logged-in user).
 *
 * @example
 * outboxRows({ pending: [], settled: [] }) // { rows: [], pendingCount: 0 }
 */
export function outboxRows(view: OutboxView): TesterOutbox {
  const rows: OutboxRow[] = [];
  for (const part of view.pending) {
    for (const key of part.keys) {
      rows.push({
        scope: part.scope,
        key,
        fate: PENDING_FATE[part.state],
        attempts: part.attempts,
        ...(part.batchId !== undefined ? { batchId: part.batchId } : {}),
        ...(part.lastFailure !== undefined ? { lastFailure: part.lastFailure } : {}),
        ...(part.queuedAt !== undefined ? { atMs: part.queuedAt } : {}),
      });
    }
  }
  const pendingCount = rows.length;
  // The logged-in user's answered keys (after a logout: the last ones answered, whoever's).
  for (const fate of view.settled) {
    if (view.userId !== undefined && fate.userId !== view.userId) continue;
    rows.push({
      scope: fate.scope,
      key: fate.key,
      fate: fate.fate,
      attempts: fate.attempts,
      batchId: fate.batchId,
      ...(fate.reason !== undefined ? { reason: fate.reason } : {}),
      ...(fate.detail !== undefined ? { detail: fate.detail } : {}),
      atMs: fate.atMs,
    });
  }
  return { ...(view.userId !== undefined ? { userId: view.userId } : {}), rows, pendingCount };
}

/** A row's fate in words: `waiting to retry (attempt 2 failed: network)`, `refused: invalidData`. */
export function fateWords(row: OutboxRow): string {
  switch (row.fate) {
    case "queued":
      return "queued";
    case "sending":
      return `sending (attempt ${row.attempts})`;
    case "retrying":
      return `waiting to retry (attempt ${row.attempts} failed${row.lastFailure ? `: ${row.lastFailure}` : ""})`;
    case "sent":
      return "sent";
    case "refused":
      return `refused: ${row.reason ?? "invalidData"}${row.detail ? ` (${row.detail})` : ""}`;
  }
}
