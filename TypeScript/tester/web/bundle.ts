/**
 * Builds the tester page's browser bundle with esbuild, once per process, on first use (the shared
 * `console/browser-bundle.ts`): the service starts without paying for it, and every later request gets the same
 * text.
 *
 * @example
 * const js = await testerBundle(); // "(()=>{...})();"
 */
import { browserBundle, browserEntry } from "../../console/browser-bundle";

/** Set by the CLI's build (scripts/build-cli.mjs): the entry's path relative to the prebuilt CLI's files. */
declare const HELPSHIFT_TS_TESTER_ENTRY: string | undefined;

/** The browser entry of the tester page. */
export const TESTER_ENTRY = browserEntry(
  typeof HELPSHIFT_TS_TESTER_ENTRY === "string" ? HELPSHIFT_TS_TESTER_ENTRY : undefined,
  "./main.ts",
  import.meta.url,
);

/** Bundles `main.ts` (view-model, contract, core, browser ports) as one ES2020 IIFE. */
export function testerBundle(): Promise<string> {
  return browserBundle(TESTER_ENTRY);
}
