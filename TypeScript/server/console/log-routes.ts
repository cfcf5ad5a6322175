/**
 * `GET /console/api/log?user=&kind=&limit=` (newest first) and `GET /console/api/log/stream` (Server-Sent
 * Events, same filters, `Last-Event-ID` or `lastEventId` replays the missed entries).
 *
 * @example
 * registerLogRoutes(fastify, consoleContext);
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ADMIN_TOKEN_QUERY, ConsolePath, LOG_KINDS, type LogAnswer, type LogKind } from "../../console/api-types";
import type { ConsoleContext } from "./context";
import { fieldErrorsOf, sendInvalid } from "./errors";
import { LIVE_LOG_CAPACITY, type LogFilter } from "./live-log";

/** Entries per answer: 100 unless asked, at most the whole buffer. */
export const LogPage = { defaultLimit: 100, maxLimit: LIVE_LOG_CAPACITY } as const;

const kindList = z
  .string()
  .transform((text) => text.split(",").map((k) => k.trim()))
  .pipe(z.array(z.enum(LOG_KINDS, { message: `one of ${LOG_KINDS.join(", ")}` })));

const seq = z
  .string()
  .regex(/^\d{1,15}$/, "a sequence number")
  .transform(Number);

const LogQuerySchema = z.object({
  user: z.string().min(1).optional(),
  kind: kindList.optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/, `a whole number 1-${LogPage.maxLimit}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(LogPage.maxLimit))
    .optional(),
});

const StreamQuerySchema = LogQuerySchema.omit({ limit: true }).extend({
  lastEventId: seq.optional(),
  [ADMIN_TOKEN_QUERY]: z.string().optional(),
});

function filterOf(query: { user?: string | undefined; kind?: LogKind[] | undefined }): LogFilter {
  return {
    ...(query.user === undefined ? {} : { userId: query.user }),
    ...(query.kind === undefined ? {} : { kinds: new Set(query.kind) }),
  };
}

export function registerLogRoutes(fastify: FastifyInstance, console: ConsoleContext): void {
  const { liveLog } = console.service;

  fastify.get(ConsolePath.log, async (request, reply) => {
    const parsed = LogQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const answer: LogAnswer = {
      entries: liveLog.list(filterOf(parsed.data), parsed.data.limit ?? LogPage.defaultLimit),
    };
    return reply.header("cache-control", "no-store").send(answer);
  });

  fastify.get(ConsolePath.logStream, async (request, reply) => {
    const parsed = StreamQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const header = request.headers["last-event-id"];
    const fromHeader = typeof header === "string" ? seq.safeParse(header.trim()) : undefined;
    if (fromHeader && !fromHeader.success) return sendInvalid(reply, { "Last-Event-ID": "a sequence number" });
    const lastEventId = fromHeader?.data ?? parsed.data.lastEventId;
    console.streams.open(reply, filterOf(parsed.data), lastEventId);
    return reply;
  });
}
