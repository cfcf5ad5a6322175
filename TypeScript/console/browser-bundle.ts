/**
 * Builds a browser page's bundle with esbuild, once per entry and process, on first use: the service starts
 * without paying for it, and every later request gets the same text. Shared by the console (`/console/app.js`)
 * and the login tester (`/tester/app.js`).
 *
 * @example
 * const js = await browserBundle(CONSOLE_ENTRY); // "(()=>{...})();"
 */
import { fileURLToPath } from "node:url";

const cache = new Map<string, Promise<string>>();

/**
 * The path of a browser entry. `defined` is the path the CLI's build puts in (relative to the prebuilt CLI's files,
 * scripts/build-cli.mjs); otherwise `fallback`, relative to `base` (the caller's `import.meta.url`).
 */
export function browserEntry(defined: string | undefined, fallback: string, base: string): string {
  return fileURLToPath(new URL(typeof defined === "string" ? defined : fallback, base));
}

/** Bundles `entry` and everything it imports as one minified ES2020 IIFE. A failed build is not cached. */
export function browserBundle(entry: string): Promise<string> {
  let built = cache.get(entry);
  if (built) return built;
  // esbuild is loaded here, not at import: the service must start even where it is not installed.
  built = import("esbuild")
    .then(({ build }) =>
      build({
        entryPoints: [entry],
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
  cache.set(entry, built);
  // The next request tries again.
  built.catch(() => {
    if (cache.get(entry) === built) cache.delete(entry);
  });
  return built;
}
