/**
 * The identity emulator console's page routes on the identity service: `GET /` (302 to the console), `GET /console`
 * (the page, a single page app with hash routes) and `GET /console/app.js` (its bundle, built by esbuild on the
 * first request). The page's API is registered by the service (`TypeScript/server/console`).
 *
 * @example
 * await registerConsolePageRoutes(fastify, { serviceUrl: "" }); // then open http://127.0.0.1:8787/
 */
import type { FastifyInstance } from "fastify";
import { secured } from "../tester/routes";
import { ConsolePath } from "./api-types";
import { browserBundle, browserEntry } from "./browser-bundle";
import { consolePageHtml } from "./web/page";

export interface ConsolePageOptions {
  /** The service's own base URL as the page should call it ("" for the page's origin). */
  readonly serviceUrl: string;
}

/** Set by the CLI's build (scripts/build-cli.mjs): the entry's path relative to the prebuilt CLI's files. */
declare const HELPSHIFT_TS_CONSOLE_ENTRY: string | undefined;

/** The console page's browser entry. */
export const CONSOLE_ENTRY = browserEntry(
  typeof HELPSHIFT_TS_CONSOLE_ENTRY === "string" ? HELPSHIFT_TS_CONSOLE_ENTRY : undefined,
  "./web/main.ts",
  import.meta.url,
);

/** The console's bundle: page code, the mounted login tester, the contract and the core, as one ES2020 IIFE. */
export function consoleBundle(): Promise<string> {
  return browserBundle(CONSOLE_ENTRY);
}

/** Registers `GET /`, `GET /console` and `GET /console/app.js`. */
export async function registerConsolePageRoutes(app: FastifyInstance, options: ConsolePageOptions): Promise<void> {
  const html = consolePageHtml({ serviceUrl: options.serviceUrl, scriptPath: ConsolePath.script });
  // Someone who opens the service's address in a browser lands on the console (a relative redirect, any host).
  app.get("/", async (_request, reply) => reply.header("cache-control", "no-store").redirect(ConsolePath.page, 302));
  app.get(ConsolePath.page, async (_request, reply) =>
    secured(reply, options.serviceUrl).type("text/html; charset=utf-8").send(html),
  );
  app.get(ConsolePath.script, async (_request, reply) => {
    const js = await consoleBundle();
    return secured(reply, options.serviceUrl).type("application/javascript; charset=utf-8").send(js);
  });
}
