/**
 * The login tester's web page on the identity service: `GET /tester` (HTML), `GET /tester/app.js`
 * (the view-model bundled for browsers). The service's `GET /` belongs to the console's page routes. Dev tool: the
 * dev secret stays in the page's memory.
 *
 * @example
 * await registerTesterRoutes(fastify, { serviceUrl: "" }); // then open http://127.0.0.1:8787/tester
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { testerBundle } from "./web/bundle";
import { testerPageHtml } from "./web/page";

/** Options the service passes to the login tester's routes. */
export interface TesterRouteOptions {
  /** The service's own base URL, as the page should call it ("" for the page's origin). */
  readonly serviceUrl: string;
}

/** Paths of the tester. */
export const TesterPath = { page: "/tester", script: "/tester/app.js" } as const;

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The page may only run its own script and talk to its own origin (and the service, when elsewhere). */
export function contentSecurityPolicy(serviceUrl: string): string {
  const service = originOf(serviceUrl);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    `connect-src 'self'${service ? ` ${service}` : ""}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers of every page and script of the tester and the console: this CSP, no sniffing, no referrer, no cache. */
export function secured(reply: FastifyReply, serviceUrl: string): FastifyReply {
  return reply
    .header("content-security-policy", contentSecurityPolicy(serviceUrl))
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer")
    .header("cache-control", "no-store");
}

/**
 * Registers the tester's routes. The bundle is built on the first request for it (esbuild), then cached.
 *
 * @example
 * const service = await createIdentityService(); // calls this with its public URL
 */
export async function registerTesterRoutes(app: FastifyInstance, options: TesterRouteOptions): Promise<void> {
  const html = testerPageHtml({ serviceUrl: options.serviceUrl, scriptPath: TesterPath.script });
  app.get(TesterPath.page, async (_request, reply) =>
    secured(reply, options.serviceUrl).type("text/html; charset=utf-8").send(html),
  );
  app.get(TesterPath.script, async (_request, reply) => {
    const js = await testerBundle();
    return secured(reply, options.serviceUrl).type("application/javascript; charset=utf-8").send(js);
  });
}
