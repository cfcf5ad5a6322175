/**
 * The console API's refusals: an `ErrorResponse`-shaped body whose `reason` is a `ConsoleErrorReason` and whose
 * `errors` names each offending field with what is wrong with it (words, not error constants: the console is
 * read by people).
 *
 * @example
 * return sendConsoleError(reply, 400, { reason: "invalidRequest", errors: { limit: "1-200" } });
 */
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { ConsoleErrorReason } from "../../console/api-types";

export interface ConsoleError {
  readonly reason: ConsoleErrorReason;
  readonly detail?: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/** Sends a console refusal. */
export function sendConsoleError(reply: FastifyReply, status: number, body: ConsoleError): FastifyReply {
  return reply.code(status).type("application/json").header("cache-control", "no-store").send(body);
}

/** 400 `invalidRequest` naming each field. */
export function sendInvalid(reply: FastifyReply, errors: Readonly<Record<string, string>>): FastifyReply {
  return sendConsoleError(reply, 400, { reason: ConsoleErrorReason.invalidRequest, errors });
}

/** What the framework refused before a console route ran (unparsable JSON, too large, not JSON): `invalidRequest`. */
export function sendConsoleBodyRefusal(reply: FastifyReply, status: number): FastifyReply {
  const problem = status === 413 ? "too large" : status === 415 ? "not JSON (application/json)" : "not valid JSON";
  return sendConsoleError(reply, status, { reason: ConsoleErrorReason.invalidRequest, errors: { body: problem } });
}

/**
 * 415 `invalidRequest` naming the `content-type` header: a request without a body (a GET) that says its body is
 * not JSON. Mutations with such a body are refused by the parser, as `body` ({@link sendConsoleBodyRefusal}).
 */
export function sendConsoleContentTypeRefusal(reply: FastifyReply): FastifyReply {
  return sendConsoleError(reply, 415, {
    reason: ConsoleErrorReason.invalidRequest,
    errors: { "content-type": "not JSON (application/json, or no content type)" },
  });
}

/**
 * What the framework refused before routing on a console path (bad percent-encoding, a path parameter too long):
 * `invalidRequest` naming the `url`, with the status the protocol would answer.
 */
export function sendConsoleUrlRefusal(reply: FastifyReply, status: number): FastifyReply {
  const problem = status === 414 ? "too long" : "not a valid path (percent-encoding)";
  return sendConsoleError(reply, status, { reason: ConsoleErrorReason.invalidRequest, errors: { url: problem } });
}

/** 404 `notFound`, saying what was not found (e.g. `app nope`). */
export function sendNotFound(reply: FastifyReply, what: string): FastifyReply {
  return sendConsoleError(reply, 404, { reason: ConsoleErrorReason.notFound, detail: `no ${what}` });
}

/**
 * A zod error as field → message: the path joined with dots (array items as `[i]`), an unknown field by its own
 * name, `body` when the whole value is wrong (not an object at all).
 *
 * @example
 * fieldErrorsOf(schema.safeParse(body).error) // { limit: "Too big: expected number to be <=200" }
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.reduce<string>(
      (path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)),
      "",
    );
    // An unknown field is named itself (a strict object's issue sits on the object holding it).
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => (field ? `${field}.${k}` : k)) : [];
    for (const key of keys) errors[key] = "unknown field";
    const key = field || "body";
    if (keys.length === 0 && !(key in errors)) errors[key] = issue.message;
  }
  return errors;
}
