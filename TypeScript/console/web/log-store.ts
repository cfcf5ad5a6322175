/**
 * The live log's entries in the page, pushed by the service as server-sent events on `ConsolePath.logStream`
 * (one `entry` event per {@link LogEntry}, id its `seq`). The stream runs for the page's whole life, whatever page
 * shows, so the log and the user page are current when opened. EventSource reconnects by itself and sends
 * Last-Event-ID; when it gives up (an error answer) the store opens a new one after a pause and fetches what it
 * missed. When the service wants the admin token, it goes in the stream's query (EventSource cannot send headers).
 * Entries are kept by `seq` (no duplicates), newest first, at most {@link MAX_ENTRIES}.
 */
import { ADMIN_TOKEN_QUERY, ConsolePath, type LogAnswer, type LogEntry } from "../api-types";
import type { Api } from "./api";
import { type EventSourceLike, win } from "./dom";

export const MAX_ENTRIES = 1000;

export type StreamState = "connecting" | "live" | "reconnecting";

export interface LogStore {
  /** Newest first. */
  entries(): readonly LogEntry[];
  state(): StreamState;
  /** New entries (oldest first, in arrival order) and state changes. Returns the unsubscribe. */
  subscribe(listener: (added: readonly LogEntry[], state: StreamState) => void): () => void;
  /** Forgets the entries held in the page (the service keeps its log). */
  clear(): void;
  start(): void;
}

export function createLogStore(api: Api, needsToken: () => boolean): LogStore {
  let list: LogEntry[] = [];
  const seen = new Set<number>();
  let lastSeq = 0;
  let state: StreamState = "connecting";
  const listeners = new Set<(added: readonly LogEntry[], state: StreamState) => void>();
  let source: EventSourceLike | undefined;
  let started = false;

  const emit = (added: readonly LogEntry[]) => {
    for (const listener of listeners) listener(added, state);
  };
  const setState = (next: StreamState) => {
    if (next === state) return;
    state = next;
    emit([]);
  };

  function add(entries: readonly LogEntry[]): void {
    const fresh = entries.filter((e) => typeof e.seq === "number" && !seen.has(e.seq)).sort((a, b) => a.seq - b.seq);
    if (!fresh.length) return;
    for (const entry of fresh) {
      seen.add(entry.seq);
      lastSeq = Math.max(lastSeq, entry.seq);
    }
    list = [...fresh.slice().reverse(), ...list].sort((a, b) => b.seq - a.seq);
    if (list.length > MAX_ENTRIES) {
      for (const dropped of list.slice(MAX_ENTRIES)) seen.delete(dropped.seq);
      list = list.slice(0, MAX_ENTRIES);
    }
    emit(fresh);
  }

  const onEntry = (data: string) => {
    try {
      add([JSON.parse(data) as LogEntry]);
    } catch {}
  };

  async function backfill(): Promise<void> {
    try {
      const answer = await api.get<LogAnswer>(`${ConsolePath.log}?limit=200`);
      add(answer.entries);
    } catch {}
  }

  function retryLater(): void {
    setState("reconnecting");
    win.setTimeout(connect, 2000);
  }

  function connect(): void {
    if (!win.EventSource) return;
    source?.close();
    // EventSource cannot send headers: the admin token, when the service wants it, goes in the query (this route only).
    const token = needsToken() ? api.token() : undefined;
    const query = token ? `?${ADMIN_TOKEN_QUERY}=${encodeURIComponent(token)}` : "";
    const es = new win.EventSource(api.url(ConsolePath.logStream) + query);
    source = es;
    es.onopen = () => {
      setState("live");
      // Anything logged before this stream opened (first load, or while it was down).
      void backfill();
    };
    es.addEventListener("entry", (event) => onEntry(event.data));
    es.onerror = () => {
      // CONNECTING (0): EventSource retries by itself with Last-Event-ID. CLOSED (2): it gave up.
      if (es.readyState === 2) {
        if (source === es) retryLater();
      } else setState("reconnecting");
    };
  }

  return {
    entries: () => list,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      list = [];
    },
    start() {
      if (started) return;
      started = true;
      connect();
    },
  };
}
