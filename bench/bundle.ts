/**
 * Bench 5: the Puerts bundle. Builds it with the project's own build (into bench/.tmp), then measures its size and
 * the time to load it into a bare `vm` context (ECMAScript + console + timers, as in a bare Puerts engine)
 * against loading an empty script into an identical context, in interleaved rounds.
 *
 * @example
 * const item = await benchBundle({ loads: 30 });
 */
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadBundle } from "../test/support/bare-context";
import { median, sig } from "./lib/measure";
import { type BenchItem, type Figure, measured } from "./lib/report";

const OUT_DIR = fileURLToPath(new URL("./.tmp/bundle/", import.meta.url));

/** Anything the bundle may call on the bridge or Puerts answers with a callable that returns an empty string. */
function inert(): unknown {
  const fn = () => "";
  return new Proxy(fn, { get: (_t, key) => (key === Symbol.toPrimitive ? () => "" : inert()), apply: () => "" });
}

const silentConsole = { log() {}, warn() {}, error() {}, info() {} };

/** Loads CommonJS `code` into a fresh bare context the way Puerts' loader wraps a module; returns elapsed ms. */
function loadOnce(code: string): number {
  const t0 = performance.now();
  const puerts = { argv: { getByName: () => inert() }, $ref: (v: unknown) => [v], $unref: (r: unknown[]) => r[0] };
  loadBundle(code, (name) => (name === "puerts" ? puerts : inert()), { console: silentConsole });
  return performance.now() - t0;
}

/**
 * Runs bench 5.
 *
 * @example
 * const item = await benchBundle({ loads: 30 });
 */
export async function benchBundle(options: { loads: number }): Promise<BenchItem> {
  let build: (o: { outDir: string }) => Promise<Array<{ name: string; file: string; bytes: number }>>;
  try {
    ({ build } = await import("../scripts/build"));
  } catch (error) {
    throw new Error(`scripts/build.ts missing or broken: ${String(error)}`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const bundles = await build({ outDir: OUT_DIR });
  const figures: Record<string, Figure> = {};
  let loadFailures = 0;
  for (const bundle of bundles) {
    const code = readFileSync(bundle.file, "utf8");
    figures[`${bundle.name}KB`] = sig(code.length / 1024);
    figures[`${bundle.name}GzipKB`] = sig(gzipSync(code).length / 1024);
    const subject: number[] = [];
    const empty: number[] = [];
    try {
      loadOnce(code);
      for (let i = 0; i < options.loads; i++) {
        subject.push(loadOnce(code));
        empty.push(loadOnce(""));
      }
      figures[`${bundle.name}LoadMs`] = sig(median(subject));
      figures[`${bundle.name}EmptyLoadMs`] = sig(median(empty));
      figures[`${bundle.name}LoadRatioVsEmpty`] = sig(median(subject) / median(empty));
    } catch (error) {
      loadFailures++;
      figures[`${bundle.name}Load`] = `failed in a bare context: ${String(error).slice(0, 120)}`;
    }
  }
  return measured("bundle", "5. Puerts bundle: size and load time in a bare vm context", figures, {
    goal: "loads in a bare context (ECMAScript + console + timers)",
    met: loadFailures === 0,
    notes:
      "Built by scripts/build.ts (minified CommonJS, ES2020) into bench/.tmp. Load = new context + compile + run the " +
      "module body with stub `ue`/`puerts`; baseline = the same for an empty script. Median of interleaved loads.",
  });
}
