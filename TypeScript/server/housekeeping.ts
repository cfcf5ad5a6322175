/**
 * Housekeeping: deletes rows nobody needs any more, so the database does not grow forever. Dead sessions
 * (expired or revoked more than a grace period ago) and stored attribute-batch answers older than their
 * retention go; everything else stays. Runs on an unref'd timer and on demand.
 *
 * @example
 * const housekeeping = startHousekeeping(db, clock, { onError: (e) => log.log("error", "purge failed", { e }) });
 * housekeeping.purgeNow(); // { sessions: 3, batches: 120 }
 * housekeeping.stop();
 */
import { Defaults } from "../contract";
import type { Db } from "./db/database";
import { statement } from "./db/statements";

/** How long dead rows are kept and how often they are purged. */
export interface HousekeepingPolicy {
  /** A session expired or revoked longer ago than this is deleted. */
  readonly sessionGraceMs: number;
  /** A stored batch answer applied longer ago than this is deleted (a retry after that is applied again). */
  readonly batchRetentionMs: number;
  /** Time between purges on the timer. */
  readonly intervalMs: number;
}

/**
 * Defaults. **(ours)**
 * - Sessions: 24 h. Until then a dead token still gets its precise 401 detail (`sessionExpired`,
 *   `sessionRevoked`), e.g. for a device that slept through the expiry; later it is an unknown token, which is
 *   the same `sessionInvalid` to the client.
 * - Batch answers: the default session lifetime (7 days), about 2,000 times `Defaults.retryMaxMs`: a client
 *   retries a batch within its session, and re-sends an in-flight batch after that user's next login, so the
 *   answer must outlive a session; a batch older than that is applied again (the same values, last write wins).
 * - Interval: 1 hour; a purge scans `sessions` and `attribute_batches` once each (no index on their times: a
 *   new migration only for this was not worth it), cheap at that rate.
 *
 * @example
 * startHousekeeping(db, clock, { ...DEFAULT_HOUSEKEEPING, intervalMs: 60_000 });
 */
export const DEFAULT_HOUSEKEEPING: HousekeepingPolicy = {
  sessionGraceMs: 24 * 60 * 60 * 1000,
  batchRetentionMs: Defaults.sessionLifetimeSeconds * 1000,
  intervalMs: 60 * 60 * 1000,
};

/** Rows deleted by one purge. */
export interface PurgeCounts {
  readonly sessions: number;
  readonly batches: number;
}

/** The times at or before which rows are dead: rows stamped strictly before a cutoff go. */
export interface PurgeCutoffs {
  readonly sessionsBefore: number;
  readonly batchesBefore: number;
}

/**
 * Cutoffs for a purge at `now` (pure). A row exactly `sessionGraceMs` / `batchRetentionMs` old stays.
 *
 * @example
 * purgeCutoffs(1_000_000, { sessionGraceMs: 10, batchRetentionMs: 100, intervalMs: 1 });
 * // { sessionsBefore: 999_990, batchesBefore: 999_900 }
 */
export function purgeCutoffs(now: number, policy: Omit<HousekeepingPolicy, "intervalMs">): PurgeCutoffs {
  return { sessionsBefore: now - policy.sessionGraceMs, batchesBefore: now - policy.batchRetentionMs };
}

/** Rows deleted per statement: each DELETE holds SQLite's write lock briefly, so the CLI and requests interleave. */
const CHUNK = 1000;

function deleteInChunks(db: Db, sql: string, ...params: number[]): number {
  const run = statement(db, sql);
  let total = 0;
  for (;;) {
    const { changes } = run.run(...params, CHUNK);
    total += changes;
    if (changes < CHUNK) return total;
  }
}

/**
 * Deletes dead sessions and old batch answers. Live sessions, sessions dead for less than the grace and recent
 * batch answers stay.
 *
 * @example
 * purgeDeadRows(db, purgeCutoffs(clock.now(), DEFAULT_HOUSEKEEPING)); // { sessions: 2, batches: 40 }
 */
export function purgeDeadRows(db: Db, cutoffs: PurgeCutoffs): PurgeCounts {
  const sessions = deleteInChunks(
    db,
    `DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions
       WHERE expires_at < ? OR (revoked_at IS NOT NULL AND revoked_at < ?) LIMIT ?)`,
    cutoffs.sessionsBefore,
    cutoffs.sessionsBefore,
  );
  const batches = deleteInChunks(
    db,
    "DELETE FROM attribute_batches WHERE rowid IN (SELECT rowid FROM attribute_batches WHERE applied_at < ? LIMIT ?)",
    cutoffs.batchesBefore,
  );
  return { sessions, batches };
}

/** A running housekeeper. */
export interface Housekeeping {
  /** Purges now (tests, operators); returns what was deleted. Throws what SQLite throws. */
  purgeNow(): PurgeCounts;
  /** Stops the timer. */
  stop(): void;
}

/** Options of {@link startHousekeeping}: any policy value, plus where timer purges report. */
export interface HousekeepingOptions extends Partial<HousekeepingPolicy> {
  /** A timer purge deleted rows. */
  readonly onPurged?: (counts: PurgeCounts) => void;
  /** A timer purge failed (e.g. the database is busy or closed): reported, never thrown, tried again next time. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Purges every `intervalMs` on a timer that never keeps the process alive, against the injected clock.
 *
 * @example
 * const housekeeping = startHousekeeping(db, { now: () => Date.now() }, { intervalMs: 3_600_000 });
 * process.on("SIGTERM", () => housekeeping.stop());
 */
export function startHousekeeping(db: Db, clock: { now(): number }, options: HousekeepingOptions = {}): Housekeeping {
  const policy: HousekeepingPolicy = {
    sessionGraceMs: options.sessionGraceMs ?? DEFAULT_HOUSEKEEPING.sessionGraceMs,
    batchRetentionMs: options.batchRetentionMs ?? DEFAULT_HOUSEKEEPING.batchRetentionMs,
    intervalMs: options.intervalMs ?? DEFAULT_HOUSEKEEPING.intervalMs,
  };
  const purgeNow = () => purgeDeadRows(db, purgeCutoffs(clock.now(), policy));
  const timer = setInterval(() => {
    if (!db.open) return;
    try {
      const counts = purgeNow();
      if (counts.sessions + counts.batches > 0) options.onPurged?.(counts);
    } catch (error) {
      options.onError?.(error);
    }
  }, policy.intervalMs);
  timer.unref();
  return { purgeNow, stop: () => clearInterval(timer) };
}
