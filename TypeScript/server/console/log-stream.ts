/**
 * The live log as Server-Sent Events: one `entry` event per entry (`id:` its `seq`), filtered by user and kinds;
 * a reconnecting client's `Last-Event-ID` replays what it missed from the buffer; a comment every 15 s keeps
 * proxies from closing an idle stream; a client that stops reading is cut off once `MAX_UNSENT_BYTES` wait for
 * it (it reconnects and replays). The reply is hijacked, so the headers Fastify's hooks would add
 * (`X-Server-Time`, no-store) are written here. `closeAll()` ends every open stream: the service's `close()`
 * calls it first, or an open stream would keep the server from closing.
 *
 * @example
 * const streams = new LogStreams(liveLog, clock);
 * streams.open(reply, { kinds: new Set(["login"]) }, lastEventId);
 * streams.closeAll();
 */
import type { FastifyReply } from "fastify";
import type { LogEntry } from "../../console/api-types";
import { SERVER_TIME_HEADER } from "../http/server-time";
import { type LiveLog, type LogFilter, matches } from "./live-log";

/** Milliseconds between heartbeat comments. */
export const HEARTBEAT_MS = 15_000;
/**
 * Bytes a stream may hold unsent (a client that stopped reading) before it is ended: memory stays bounded, and
 * `EventSource` reconnects with `Last-Event-ID` and gets what it missed from the buffer.
 */
export const MAX_UNSENT_BYTES = 1024 * 1024;

/** One SSE event for an entry. JSON has no raw newline, so `data:` is one line. */
export function eventOf(entry: LogEntry): string {
  return `id: ${entry.seq}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`;
}

export class LogStreams {
  private readonly open_ = new Set<(stalled?: boolean) => void>();

  constructor(
    private readonly log: LiveLog,
    private readonly clock: { now(): number },
    private readonly heartbeatMs = HEARTBEAT_MS,
    private readonly maxUnsentBytes = MAX_UNSENT_BYTES,
  ) {}

  /** How many streams are open. */
  get size(): number {
    return this.open_.size;
  }

  /** Takes over the reply and streams entries passing `filter`, first those after `lastEventId`. */
  open(reply: FastifyReply, filter: LogFilter, lastEventId: number | undefined): void {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-content-type-options": "nosniff",
      [SERVER_TIME_HEADER]: String(Math.round(this.clock.now())),
    });
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let unsubscribe: (() => void) | undefined;
    // A client that stopped reading is cut off (`destroy` frees what waits unsent); any other close ends cleanly.
    const close = (stalled = false): void => {
      if (!this.open_.delete(close)) return;
      clearInterval(heartbeat);
      unsubscribe?.();
      if (stalled) res.destroy();
      else if (!res.writableEnded) res.end();
    };
    const send = (text: string): void => {
      if (res.writableEnded) return;
      res.write(text);
      if (res.writableLength > this.maxUnsentBytes) close(true);
    };
    this.open_.add(close);
    // The response's close, not the request's: the request's fires once its (empty) body has been read.
    res.once("close", () => close());
    // The first bytes flush the headers, so the client sees the stream open before any entry.
    send(`retry: 2000\n: live log of the identity service\n\n`);
    if (lastEventId !== undefined) for (const entry of this.log.after(lastEventId, filter)) send(eventOf(entry));
    if (!this.open_.has(close)) return;
    unsubscribe = this.log.subscribe((entry) => {
      if (matches(entry, filter)) send(eventOf(entry));
    });
    heartbeat = setInterval(() => send(": heartbeat\n\n"), this.heartbeatMs);
    heartbeat.unref();
  }

  /** Ends every open stream. */
  closeAll(): void {
    for (const close of [...this.open_]) close();
  }
}
