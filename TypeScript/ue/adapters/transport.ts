/**
 * The core's `Transport` over the bridge: each request gets an id, goes to C++ as
 * `SendHttpRequest(id, method, url, headersJson, body)` (FHttpModule), and settles when C++ answers with the
 * `httpResponse` command carrying the same id.
 *
 * @example
 * const http = createBridgeTransport(bridge);
 * const core = createHelpshiftClient({ transport: http.transport, ... });
 * // on OnCommand(id, "httpResponse", json): http.deliver(id, json)
 */
import type { HttpRequest, HttpResponse, Transport } from "../../core/ports";
import { HttpResponsePayloadSchema, parseJson } from "../messages";

/** The bridge UFUNCTION this adapter needs. */
export interface HttpBridge {
  SendHttpRequest(RequestId: number, Method: string, Url: string, HeadersJson: string, Body: string): void;
}

/** Stable codes of transport failures (the core maps any rejection to `networkError`). */
export const TransportErrorCode = {
  network: "network",
  malformedAnswer: "malformedAnswer",
  disposed: "disposed",
} as const;

/** A transport failure as data. */
export class BridgeTransportError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`bridge transport: ${code}`);
    this.code = code;
  }
}

export interface BridgeTransport {
  readonly transport: Transport;
  /** Settles the request `requestId` with C++'s answer (JSON text); unknown ids are ignored. */
  deliver(requestId: number, payloadJson: string): void;
  /** Rejects everything pending; later requests reject at once. */
  dispose(): void;
  /** How many requests wait for an answer. */
  pendingCount(): number;
}

interface Pending {
  resolve(response: HttpResponse): void;
  reject(error: Error): void;
}

/** Ids start at 1: C++ uses 0 for "no request". */
export function createBridgeTransport(bridge: HttpBridge): BridgeTransport {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let disposed = false;
  return {
    transport: {
      send(request: HttpRequest): Promise<HttpResponse> {
        if (disposed) return Promise.reject(new BridgeTransportError(TransportErrorCode.disposed));
        const id = nextId++;
        return new Promise<HttpResponse>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          bridge.SendHttpRequest(id, request.method, request.url, JSON.stringify(request.headers), request.body ?? "");
        });
      },
    },
    deliver(requestId, payloadJson) {
      const waiter = pending.get(requestId);
      if (!waiter) return;
      pending.delete(requestId);
      const json = parseJson(payloadJson);
      const parsed = json.ok ? HttpResponsePayloadSchema.safeParse(json.value) : undefined;
      if (!parsed?.success) {
        waiter.reject(new BridgeTransportError(TransportErrorCode.malformedAnswer));
        return;
      }
      const answer = parsed.data;
      if ("error" in answer) waiter.reject(new BridgeTransportError(TransportErrorCode.network));
      else {
        // Clock headers (x-server-time, date) let the core estimate the service's clock on every answer.
        const headers = answer.headers ?? {};
        waiter.resolve(
          Object.keys(headers).length > 0
            ? { status: answer.status, body: answer.body, headers }
            : { status: answer.status, body: answer.body },
        );
      }
    },
    dispose() {
      disposed = true;
      const waiting = [...pending.values()];
      pending.clear();
      for (const waiter of waiting) waiter.reject(new BridgeTransportError(TransportErrorCode.disposed));
    },
    pendingCount: () => pending.size,
  };
}
