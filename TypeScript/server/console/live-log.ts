/**
 * The live log: what happened on the service, as the console shows it (logins, refusals, attribute batches,
 * console changes), kept in memory in a ring buffer and pushed to listeners (the SSE stream). Entries are
 * scrubbed before they are kept: no token, JWT or secret can reach it even by mistake, and attribute values are
 * never put in it (keys only).
 *
 * @example
 * const log = new LiveLog(clock);
 * log.add({ kind: "logout", appId: "demo", userId: "usr_1", summary: "logout" });
 * log.list({ kinds: new Set(["logout"]), limit: 10 }); // newest first
 */
import type { LogEntry, LogKind } from "../../console/api-types";

/** An entry before the log numbers and dates it. */
export type NewLogEntry = Omit<LogEntry, "seq" | "at">;

/** Which entries: one user's, of some kinds, after a sequence number. */
export interface LogFilter {
  readonly userId?: string;
  readonly kinds?: ReadonlySet<LogKind>;
}

/** Entries kept in memory (older ones are dropped). */
export const LIVE_LOG_CAPACITY = 1000;

export type LogListener = (entry: LogEntry) => void;

/** True when `entry` passes `filter`. */
export function matches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.userId !== undefined && entry.userId !== filter.userId) return false;
  return filter.kinds === undefined || filter.kinds.has(entry.kind);
}

export class LiveLog {
  private entries: LogEntry[] = [];
  private seq = 0;
  private readonly listeners = new Set<LogListener>();

  constructor(
    private readonly clock: { now(): number },
    /** Returns the entry with anything secret-shaped removed. */
    private readonly scrub: (entry: LogEntry) => LogEntry = (entry) => entry,
    private readonly capacity = LIVE_LOG_CAPACITY,
  ) {}

  /** Numbers, dates, scrubs and keeps an entry, then tells every listener. */
  add(entry: NewLogEntry): LogEntry {
    this.seq += 1;
    const kept = this.scrub({ seq: this.seq, at: this.clock.now(), ...entry });
    this.entries.push(kept);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    for (const listener of this.listeners) listener(kept);
    return kept;
  }

  /** Up to `limit` entries passing `filter`, newest first. */
  list(filter: LogFilter, limit: number): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const entry = this.entries[i] as LogEntry;
      if (matches(entry, filter)) out.push(entry);
    }
    return out;
  }

  /** Entries after `seq` still in the buffer, oldest first (what a reconnecting stream missed). */
  after(seq: number, filter: LogFilter): LogEntry[] {
    return this.entries.filter((entry) => entry.seq > seq && matches(entry, filter));
  }

  /** Calls `listener` with every new entry; returns the function that stops it. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many listeners there are (streams open). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Drops every entry (numbering goes on: a sequence number is never reused). */
  clear(): void {
    this.entries = [];
  }
}

/**
 * The scrub the service gives its live log: every string in the entry, map keys included (a refused attribute
 * key is whatever the client sent), passed through `text` (the service's redaction).
 *
 * @example
 * new LiveLog(clock, scrubberOf((s) => redactor.text(s)));
 */
export function scrubberOf(text: (value: string) => string): (entry: LogEntry) => LogEntry {
  const deep = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), deep(inner)]));
    }
    return value;
  };
  return (entry) => deep(entry) as LogEntry;
}
