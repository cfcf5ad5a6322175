#!/usr/bin/env node
/**
 * Builds the prebuilt CLI that bin/helpshift-ts.mjs runs in one Node process: `dist/cli/helpshift-ts.mjs` (the
 * entry, TypeScript/cli/entry.ts) and its chunks, ES modules bundled by esbuild with code splitting, so `check`
 * loads only its own code and the service (Fastify, SQLite) is loaded by `serve` and `app` alone. Fastify,
 * better-sqlite3 (native) and esbuild stay packages in node_modules. Plain JavaScript so that `npm ci` can run it
 * (package.json `prepare`) before anything else works; `npm run build` and the test setup run it too.
 *
 * Files are written only when their text changed (so concurrent builds of the same sources are no-ops), each
 * through a temporary file and a rename, the entry last; chunks no build wrote for a minute are removed.
 *
 * @example
 * node scripts/build-cli.mjs            # → dist/cli/
 * const { outDir } = await buildCli();  // from a test or a script
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI_OUT_DIR = join(ROOT, "dist", "cli");
export const CLI_ENTRY_NAME = "helpshift-ts.mjs";
/** Loaded from node_modules at run time, never bundled. */
export const CLI_EXTERNAL = ["better-sqlite3", "fastify", "esbuild"];
const STALE_MS = 60_000;

/** A browser entry under TypeScript/, relative to `outDir` with forward slashes. */
function browserEntryFrom(outDir, ...path) {
  return relative(outDir, join(ROOT, "TypeScript", ...path))
    .split("\\")
    .join("/");
}

/**
 * Builds the CLI into `outDir` (default dist/cli). Returns the entry's path and esbuild's metafile.
 *
 * @param {{ outDir?: string }} [options]
 * @returns {Promise<{ entry: string, outDir: string, metafile: import("esbuild").Metafile, written: number }>}
 */
export async function buildCli(options = {}) {
  const outDir = options.outDir ?? CLI_OUT_DIR;
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  const result = await esbuild.build({
    entryPoints: { "helpshift-ts": join(ROOT, "TypeScript", "cli", "entry.ts") },
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: CLI_EXTERNAL,
    // Bundled CommonJS packages (commander) call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __helpshiftCreateRequire } from "node:module"; const require = __helpshiftCreateRequire(import.meta.url);',
    },
    define: {
      HELPSHIFT_TS_VERSION: JSON.stringify(version),
      // The browser bundles of the tester page and the console are built from their sources when first asked for
      // (console/browser-bundle.ts): the prebuilt CLI's files name the entries relative to themselves.
      HELPSHIFT_TS_TESTER_ENTRY: JSON.stringify(browserEntryFrom(outDir, "tester", "web", "main.ts")),
      HELPSHIFT_TS_CONSOLE_ENTRY: JSON.stringify(browserEntryFrom(outDir, "console", "web", "main.ts")),
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
    write: false,
  });
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, CLI_ENTRY_NAME);
  const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
  let written = 0;
  for (const file of files) {
    let same = false;
    try {
      same = readFileSync(file.path, "utf8") === file.text;
    } catch {}
    if (same) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.text);
    renameSync(temporary, file.path);
    written++;
  }
  const current = new Set(files.map((f) => basename(f.path)));
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (!current.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  return { entry, outDir, metafile: result.metafile, written };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const { entry, written } = await buildCli();
  console.log(
    `built ${relative(ROOT, entry)} (${written} file(s) changed) in ${Math.round(performance.now() - started)} ms`,
  );
}
