import type { FastifyInstance } from "fastify";

/** Options the service passes to the login tester's routes. */
export interface TesterRouteOptions {
  /** The service's own base URL, as the page should call it. */
  readonly serviceUrl: string;
}

/**
 * Registers the login tester's web page on the service (`GET /tester`).
 * Placeholder: the page lands with the tester work.
 */
export async function registerTesterRoutes(_app: FastifyInstance, _options: TesterRouteOptions): Promise<void> {}
