/**
 * Bundles the Puerts side into the plugin's Content/JavaScript/HelpshiftTS/ (gitignored build output):
 * `main.js` (the entry the subsystem starts), `helpshift.js` (the gameplay facade) and `editor-tester.js` (the
 * editor's login tester, on its own JsEnv). CommonJS, ES2020,
 * minified, `ue`/`puerts` left to Puerts' `require`. The output must load with only ECMAScript, `console` and
 * timers; test/sandbox proves it.
 *
 * @example
 * npm run build
 * // or, from a test: const result = await build({ outDir: tmp });
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the engine looks: `<Plugin>/Content/JavaScript/` + module name `HelpshiftTS/main`. */
export const DEFAULT_OUT_DIR = join(ROOT, "Content", "JavaScript", "HelpshiftTS");

/** Bundle name → TypeScript entry. */
export const BUNDLES = {
  main: "TypeScript/ue/main.ts",
  helpshift: "TypeScript/ue/helpshift.ts",
  /** The editor's login tester, started on the editor-owned JsEnv by Source/HelpshiftTSEditor. */
  "editor-tester": "TypeScript/ue/editor/tester-entry.ts",
  /** Tools → HelpshiftTS → Create Login Tester Widget: run once on a one-shot editor JsEnv. */
  "editor-create-widget": "TypeScript/ue/editor/create-widget-entry.ts",
} as const;

export interface BuildOptions {
  /** Output folder (default: the plugin's Content/JavaScript/HelpshiftTS). */
  readonly outDir?: string;
  /** Minify (default true: size matters on mobile). */
  readonly minify?: boolean;
  /** Build only these bundles (default: all); tests build just what they load. */
  readonly only?: readonly (keyof typeof BUNDLES)[];
}

export interface BuiltBundle {
  readonly name: keyof typeof BUNDLES;
  readonly file: string;
  readonly bytes: number;
}

/**
 * The esbuild settings every Puerts bundle is built with (benches build other entries, such as the contract
 * alone, with exactly these).
 *
 * @example
 * await esbuild.build({ ...PUERTS_BUNDLE_SETTINGS, entryPoints: [entry], outfile, minify: true });
 */
export const PUERTS_BUNDLE_SETTINGS = {
  bundle: true,
  format: "cjs",
  target: "es2020",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["import", "default"],
  external: ["ue", "puerts"],
  legalComments: "none",
  logLevel: "silent",
} as const satisfies esbuild.BuildOptions;

/** Builds every bundle; rejects with esbuild's errors when a bundle does not build. */
export async function build(options: BuildOptions = {}): Promise<BuiltBundle[]> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  mkdirSync(outDir, { recursive: true });
  const built: BuiltBundle[] = [];
  for (const [name, entry] of Object.entries(BUNDLES) as [keyof typeof BUNDLES, string][]) {
    if (options.only && !options.only.includes(name)) continue;
    const file = join(outDir, `${name}.js`);
    const result = await esbuild.build({
      ...PUERTS_BUNDLE_SETTINGS,
      mainFields: [...PUERTS_BUNDLE_SETTINGS.mainFields],
      conditions: [...PUERTS_BUNDLE_SETTINGS.conditions],
      external: [...PUERTS_BUNDLE_SETTINGS.external],
      entryPoints: [join(ROOT, entry)],
      outfile: file,
      minify: options.minify ?? true,
      metafile: true,
    });
    const output = Object.values(result.metafile.outputs)[0];
    built.push({ name, file, bytes: output?.bytes ?? 0 });
  }
  return built;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  build().then(
    (bundles) => {
      for (const b of bundles) console.log(`${relative(ROOT, b.file)}  ${(b.bytes / 1024).toFixed(1)} KB`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
