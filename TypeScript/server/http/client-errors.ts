/**
 * Answers to what Node's HTTP parser refuses before there is a request at all (oversized headers, malformed
 * framing, a request that took too long): written straight to the socket, as an `ErrorResponse` like every other
 * non-2xx answer, and the connection closed. Fastify's own handler would send its `{error, message}` shape.
 *
 * @example
 * Fastify({ clientErrorHandler: answerClientError });
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { errorOfFrameworkStatus } from "./errors";

/** The status of a parser error code: 431 for oversized headers, 408 for a timeout, else 400. */
export function statusOfClientError(code: string | undefined): number {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/** The raw HTTP/1.1 answer for a parser error code. */
export function clientErrorAnswer(code: string | undefined): string {
  const { status, body } = errorOfFrameworkStatus(statusOfClientError(code));
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(json)}`,
    "Connection: close",
    "",
    json,
  ].join("\r\n");
}

/** Fastify's `clientErrorHandler`: answers once and closes; a connection already gone gets nothing. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) socket.end(clientErrorAnswer(error.code));
  else socket.destroy();
}
