/**
 * PLACEHOLDER (to be replaced by the console page work): registers the console's page routes — `GET /` (leads
 * to the console), `GET /console` (the page) and `GET /console/app.js` (its bundle).
 */
import type { FastifyInstance } from "fastify";

export interface ConsolePageOptions {
  /** The service's own base URL as the page should call it ("" for the page's origin). */
  readonly serviceUrl: string;
}

export async function registerConsolePageRoutes(_app: FastifyInstance, _options: ConsolePageOptions): Promise<void> {}
