/**
 * A bare HTTP/1.1 client on node:http: lower overhead than fetch for load generation, and it sends whatever
 * method, headers and bytes it is given (fuzzing needs malformed requests fetch would refuse to build).
 *
 * @example
 * const agent = keepAliveAgent(16);
 * const r = await rawRequest(`${url}/v1/health`, { method: "GET", agent });
 * r.status; // 200
 */
import { Agent, request } from "node:http";

/**
 * An answer: status, body as text, headers.
 *
 * @example
 * const { status, body }: RawResponse = await rawRequest(url, { method: "GET" });
 */
export interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * What to send: any method, headers and body bytes (framed with an explicit length).
 *
 * @example
 * const request: RawRequest = { method: "DELETE", headers: { accept: "application/json" }, body: "x" };
 */
export interface RawRequest {
  readonly method: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly agent?: Agent;
}

/**
 * A keep-alive agent with at most `sockets` connections (one per concurrent client).
 *
 * @example
 * const agent = keepAliveAgent(64); await rawRequest(url, { method: "GET", agent }); agent.destroy();
 */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * Sends one request; resolves with any status, rejects only when the connection fails.
 *
 * @example
 * await rawRequest(`${url}/v1/health`, { method: "GET" }); // { status: 200, ... }
 */
export function rawRequest(url: string, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    // An explicit length keeps every body well framed (Node would send DELETE/OPTIONS bodies chunked).
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    const req = request(url, { method: options.method, headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/**
 * POSTs JSON with an optional bearer session.
 *
 * @example
 * await postJson(`${url}/v1/apps/demo/logout`, {}, { bearer: sessionToken });
 */
export function postJson(
  url: string,
  body: unknown,
  options: { bearer?: string; agent?: Agent } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  return rawRequest(url, { method: "POST", headers, body: JSON.stringify(body), agent: options.agent });
}
