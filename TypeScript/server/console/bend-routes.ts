/**
 * Bending the service: `GET bend`, `PUT`/`DELETE bend/clock` (shift the service clock), `PUT`/`DELETE
 * bend/network` (fail or hold the next `/v1/` requests), and `GET status`. Every change answers `BendAnswer`
 * (what changed, in words, and each active change with how to undo it) and writes a `bend` live-log entry.
 *
 * @example
 * registerBendRoutes(fastify, consoleContext);
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { type BendAnswer, ConsolePath, type StatusAnswer } from "../../console/api-types";
import { BendClockRequestSchema, BendNetworkRequestSchema } from "./bend";
import type { ConsoleContext } from "./context";
import { fieldErrorsOf, sendInvalid } from "./errors";

export function registerBendRoutes(fastify: FastifyInstance, console: ConsoleContext): void {
  const { bend } = console;
  const { liveLog } = console.service;
  const answer = (reply: FastifyReply, said: string, changed: boolean) => {
    if (changed) liveLog.add({ kind: "bend", summary: said });
    const body: BendAnswer = { bend: bend.state(), said };
    return reply.header("cache-control", "no-store").send(body);
  };

  fastify.get(ConsolePath.bend, async (_request, reply) => {
    const changes = bend.state().changes;
    return answer(reply, changes.length === 0 ? "Nothing is bent." : `Bent: ${changes.join("; ")}.`, false);
  });

  fastify.put(ConsolePath.bendClock, async (request, reply) => {
    const parsed = BendClockRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    return answer(reply, bend.setClock(parsed.data), true);
  });

  fastify.delete(ConsolePath.bendClock, async (_request, reply) => answer(reply, bend.setClock({ offsetMs: 0 }), true));

  fastify.put(ConsolePath.bendNetwork, async (request, reply) => {
    const parsed = BendNetworkRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    return answer(reply, bend.setNetwork(parsed.data), true);
  });

  fastify.delete(ConsolePath.bendNetwork, async (_request, reply) => answer(reply, bend.clearNetwork(), true));

  fastify.get(ConsolePath.status, async (_request, reply) => {
    const context = console.service;
    const status: StatusAnswer = {
      serviceTime: context.clock.now(),
      bend: bend.state(),
      apps: context.apps.list().length,
      users: context.users.count(),
      adminTokenRequired: console.access.tokenRequired(),
    };
    return reply.header("cache-control", "no-store").send(status);
  });
}
