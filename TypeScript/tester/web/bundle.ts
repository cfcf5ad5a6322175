/**
 * Builds the tester page's browser bundle with esbuild, once per process, on first use: the service starts
 * without paying for it, and every later request gets the same text.
 *
 * @example
 * const js = await testerBundle(); // "(()=>{...})();"
 */
import { fileURLToPath } from "node:url";

/** Set by the CLI's build (scripts/build-cli.mjs): the entry's path relative to the prebuilt CLI's files. */
declare const HELPSHIFT_TS_TESTER_ENTRY: string | undefined;

/** The browser entry of the tester page. */
export const TESTER_ENTRY = fileURLToPath(
  new URL(typeof HELPSHIFT_TS_TESTER_ENTRY === "string" ? HELPSHIFT_TS_TESTER_ENTRY : "./main.ts", import.meta.url),
);

let cached: Promise<string> | undefined;

/** Bundles `main.ts` (view-model, contract, core, browser ports) as one ES2020 IIFE. */
export function testerBundle(): Promise<string> {
  // esbuild is loaded here, not at import: the service must start even where it is not installed.
  cached ??= import("esbuild")
    .then(({ build }) =>
      build({
        entryPoints: [TESTER_ENTRY],
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: "es2020",
        minify: true,
        legalComments: "none",
        logLevel: "silent",
      }),
    )
    .then((result) => result.outputFiles[0]?.text ?? "");
  // A failed build is not cached: the next request tries again.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
