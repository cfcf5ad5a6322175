/**
 * WAL checkpoints off the request path. By default SQLite checkpoints inside whichever commit pushes the log
 * past 1000 pages, so one login in a few hundred paid for copying the log into the database and its fsyncs
 * (about a quarter of the database time of a login, docs/performance.md). The service instead checkpoints on a
 * timer and keeps the automatic checkpoint only as a cap on the log's size.
 *
 * @example
 * const stop = startWalCheckpoints(db); // every second
 * // ... on close:
 * stop();
 */
import type { Db } from "./database";

export interface WalCheckpointOptions {
  /** How often to checkpoint (default 1000 ms). */
  readonly intervalMs?: number;
  /** The automatic checkpoint still runs past this many log pages (default 10 000, about 40 MiB). */
  readonly maxPages?: number;
}

/**
 * Starts timed PASSIVE checkpoints on a WAL database (nothing for other journal modes, e.g. `:memory:`).
 * Returns the function that stops them; the timer never keeps the process alive.
 *
 * @example
 * const stop = startWalCheckpoints(db, { intervalMs: 500 });
 */
export function startWalCheckpoints(db: Db, options: WalCheckpointOptions = {}): () => void {
  if (db.pragma("journal_mode", { simple: true }) !== "wal") return () => {};
  db.pragma(`wal_autocheckpoint = ${options.maxPages ?? 10_000}`);
  const timer = setInterval(() => {
    // PASSIVE never waits for readers or writers (the CLI may hold the file): it copies what it can.
    if (db.open) db.pragma("wal_checkpoint(PASSIVE)");
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
