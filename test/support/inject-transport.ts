/**
 * The real identity service in-process, without sockets: a {@link Transport} over Fastify's `inject`.
 *
 * @example
 * const transport = injectTransport(() => service.fastify);
 */
import type { Transport } from "../../TypeScript/core/ports";

/**
 * Something with Fastify's `inject` (the identity service's `fastify`).
 *
 * @example
 * const target: Injectable = service.fastify;
 */
export interface Injectable {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }): Promise<{ statusCode: number; body: string }>;
}

/**
 * A transport answered by `target().inject(...)`. `target` is read on every call so a test can swap the service
 * (a restart) under a live client.
 *
 * @example
 * const transport = injectTransport(() => world.service().fastify);
 */
export function injectTransport(target: () => Injectable): Transport {
  return {
    async send(request) {
      const url = new URL(request.url);
      const answer = await target().inject({
        method: request.method,
        url: url.pathname + url.search,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { payload: request.body } : {}),
      });
      return { status: answer.statusCode, body: answer.body };
    },
  };
}
