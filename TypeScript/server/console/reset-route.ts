/**
 * `POST /console/api/reset` with `{ confirm: "reset" }`: removes every user with their identities, sessions,
 * attributes and batch answers, and clears the live log; apps stay. Without the confirmation: 400
 * `confirmationRequired`, nothing removed.
 *
 * @example
 * registerResetRoute(fastify, consoleContext);
 */
import type { FastifyInstance } from "fastify";
import { ConsoleErrorReason, ConsolePath, type ResetAnswer } from "../../console/api-types";
import type { ConsoleContext } from "./context";
import { sendConsoleError } from "./errors";

export function registerResetRoute(fastify: FastifyInstance, console: ConsoleContext): void {
  const context = console.service;
  fastify.post(ConsolePath.reset, async (request, reply) => {
    const body = request.body as { confirm?: unknown } | undefined;
    if (body?.confirm !== "reset") {
      return sendConsoleError(reply, 400, {
        reason: ConsoleErrorReason.confirmationRequired,
        detail: 'send { "confirm": "reset" } to remove every user',
        errors: { confirm: 'must be "reset"' },
      });
    }
    const removed = context.users.deleteAll();
    context.liveLog.clear();
    context.liveLog.add({
      kind: "console",
      summary: `reset: ${removed.users} user(s) and ${removed.sessions} session(s) removed, live log cleared`,
    });
    const answer: ResetAnswer = { removed };
    return reply.send(answer);
  });
}
