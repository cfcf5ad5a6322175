/**
 * The core's `Transport` over Node's `fetch`: any HTTP status resolves (4xx/5xx included), a network failure or
 * a timeout rejects, which the core reports as `networkError`.
 *
 * @example
 * const transport = createFetchTransport({ timeoutMs: 10_000 });
 * const { status, body } = await transport.send({ method: "GET", url: "http://127.0.0.1:8787/v1/health", headers: {} });
 */
import type { HttpRequest, HttpResponse, Transport } from "../core/ports";

export interface FetchTransportOptions {
  /** Abort a request that has not answered in this time (default 15 000 ms). */
  readonly timeoutMs?: number;
  /** The fetch to use (default the global one); tests may pass their own. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Why a request did not get an answer; never carries the request's headers or body. */
export class TransportError extends Error {
  constructor(
    readonly code: "timeout" | "network",
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

/** Makes the fetch transport. */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
        if (request.body !== undefined) init.body = request.body;
        const response = await doFetch(request.url, init);
        // The body is read under the same timeout: a service that stalls mid-answer is a network failure too.
        const body = await response.text();
        // Only the headers the core reads (the service's time): a smaller answer object to carry around.
        const headers: Record<string, string> = {};
        for (const name of ["x-server-time", "date"]) {
          const value = response.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return { status: response.status, body, headers };
      } catch (error) {
        if (controller.signal.aborted) throw new TransportError("timeout", `no answer within ${timeoutMs} ms`);
        // The URL has no secret in it (tokens travel in headers and bodies), so naming the host helps debugging.
        throw new TransportError("network", `cannot reach ${new URL(request.url).origin}: ${describe(error)}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * The cause's code and, when the OS gave one, the system call that failed: `ECONNRESET (read)` (the service
 * closed a connection the request was sent on) and `ECONNRESET (connect)` are different faults to chase.
 */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; syscall?: string } })?.cause;
  if (!cause?.code) return error instanceof Error ? error.name : "error";
  return cause.syscall ? `${cause.code} (${cause.syscall})` : cause.code;
}
