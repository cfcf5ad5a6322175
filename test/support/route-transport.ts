/**
 * The recording route {@link Transport}: answers per method and path (or from one fallback handler), records
 * every request and the bytes sent, and can delay, fail or hold answers so races can be staged.
 *
 * @example
 * const transport = new RouteTransport();
 * transport.route("POST", "/v1/apps/demo/login", () => ({ status: 200, json: loginAnswer }));
 * transport.route("POST", "/v1/apps/demo/logout", () => "network"); // the transport rejects
 * const gate = deferred<Reply>();
 * transport.route("POST", "/v1/apps/demo/attributes", () => gate.promise); // answer when the test says
 * // A bench: one handler for every request, nothing kept but the byte count.
 * const quiet = new RouteTransport({ fallback: () => ({ status: 200, body: "{}" }), record: false });
 */
import type { HttpRequest, HttpResponse, Transport } from "../../TypeScript/core/ports";

/** An answer: a status with a JSON value or raw body text, or `"network"` to reject like a failed connection. */
export type Reply =
  | { status: number; json?: unknown; body?: string; headers?: Readonly<Record<string, string>> }
  | "network";

/** A request as the transport saw it, with its path and parsed JSON body. */
export interface RecordedRequest extends HttpRequest {
  /** Path part of the URL (no origin, no query). */
  readonly path: string;
  /** The body parsed as JSON (undefined when absent or not JSON). */
  readonly json: unknown;
}

/** Answers one route. */
export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A promise with its resolve function exposed. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Options of {@link RouteTransport}. */
export interface RouteTransportOptions {
  /** Answers requests no route matches (default: 404 `notFound`). A handler that throws fails the request. */
  readonly fallback?: Handler;
  /** Keep requests in {@link RouteTransport.requests} (default true); long runs turn it off to stay flat. */
  readonly record?: boolean;
}

/** See the module example. */
export class RouteTransport implements Transport {
  readonly requests: RecordedRequest[] = [];
  /** Characters of every request body sent (ASCII JSON, so bytes). */
  bytesSent = 0;
  private readonly routes = new Map<string, Handler>();
  private readonly fallback: Handler;
  private readonly record: boolean;

  constructor(options: RouteTransportOptions = {}) {
    this.fallback = options.fallback ?? (() => ({ status: 404, json: { reason: "notFound" } }));
    this.record = options.record ?? true;
  }

  /** Sets (or replaces) the handler of `method path`. */
  route(method: HttpRequest["method"], path: string, handler: Handler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  /** Requests whose path ends with `suffix`, in order. */
  requestsTo(suffix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith(suffix));
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = new URL(request.url).pathname;
    let json: unknown;
    try {
      json = request.body === undefined ? undefined : JSON.parse(request.body);
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = { ...request, headers: { ...request.headers }, path, json };
    if (this.record) this.requests.push(recorded);
    this.bytesSent += request.body?.length ?? 0;
    const handler = this.routes.get(`${request.method} ${path}`) ?? this.fallback;
    const reply: Reply = await handler(recorded);
    if (reply === "network") throw new Error(`connect ECONNREFUSED ${request.url}`);
    const body = reply.body ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    return reply.headers ? { status: reply.status, body, headers: reply.headers } : { status: reply.status, body };
  }
}
