/**
 * The standalone tester page's browser entry (bundled by esbuild, served at /tester/app.js): mounts the tester
 * (`mount.ts`) into the page's `#tester-root`. `?app=<id>` preselects the app id.
 */
import { mountTester, type TesterRootElement } from "./mount";

interface PageGlobals {
  readonly document: {
    readonly body: { readonly dataset: Record<string, string | undefined> };
    getElementById(id: string): TesterRootElement | null;
  };
  readonly location: { readonly origin: string; readonly search: string };
}

const g = globalThis as unknown as PageGlobals;
const root = g.document.getElementById("tester-root");
const appFromQuery = new URLSearchParams(g.location.search).get("app");
if (root) {
  mountTester(root, {
    serviceUrl: g.document.body.dataset.serviceUrl || g.location.origin,
    ...(appFromQuery ? { initialForm: { appId: appFromQuery } } : {}),
  });
}
