/**
 * `npm run bench`: every benchmark, each a ratio against a baseline measured in the same run.
 * Writes bench/results.json and the results block of docs/performance.md. Not part of `npm test`.
 *
 * @example
 * npm run bench            # all, about 2–4 minutes on 2 cores
 * BENCH_QUICK=1 npm run bench   # shorter rounds, for checking the harness (bench/.tmp/results-quick.json)
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchBundle } from "./bundle";
import { benchCliStart } from "./cli-start";
import { type BenchItem, environment, notMeasured, updatePerformanceDoc, writeResults } from "./lib/report";
import { benchMemory } from "./memory";
import { benchOutbox } from "./outbox";
import { benchQuickjs } from "./quickjs";
import { benchService } from "./service";
import { benchTokenCheck } from "./token-check";
import { benchValidation } from "./validation";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.env.BENCH_QUICK === "1";
const rounds = { rounds: quick ? 3 : 7, roundMs: quick ? 50 : 200 };

type Bench = { id: string; title: string; run: () => BenchItem | Promise<BenchItem> };

const benches: Bench[] = [
  { id: "tokenCheck", title: "1. client token check", run: () => benchTokenCheck(rounds) },
  { id: "validation", title: "2. config and attribute validation", run: () => benchValidation(rounds) },
  { id: "outbox", title: "3. attribute outbox burst", run: () => benchOutbox(quick ? 2 : 5) },
  {
    id: "service",
    title: "4. service logins vs a minimal peer",
    run: () => benchService(quick ? { phaseMs: 500, phases: 1 } : { phaseMs: 2_000, phases: 3 }),
  },
  { id: "bundle", title: "5. Puerts bundle", run: () => benchBundle({ loads: quick ? 5 : 30 }) },
  {
    id: "memory",
    title: "6. client heap after login/logout cycles",
    run: () => benchMemory(100_000, quick ? 10_000 : 90_000),
  },
  {
    id: "quickjs",
    title: "7. built bundles in a bare QuickJS engine",
    run: () => benchQuickjs({ samples: quick ? 3 : 9 }),
  },
  { id: "cliStart", title: "8. CLI start", run: () => benchCliStart({ rounds: quick ? 3 : 15 }) },
];
/** `BENCH_ONLY=service,cliStart` runs only those (short iterations); the full run writes the results. */
const only = process.env.BENCH_ONLY?.split(",");

async function main(): Promise<void> {
  const started = performance.now();
  const items: BenchItem[] = [];
  for (const bench of benches) {
    if (only && !only.includes(bench.id)) continue;
    const t0 = performance.now();
    try {
      items.push(await bench.run());
    } catch (error) {
      // A bench that breaks is reported as such, never replaced by a number.
      items.push(
        notMeasured(bench.id, bench.title, `failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    console.log(`${bench.title}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(items[items.length - 1], null, 2));
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (only && !quick) {
    // A partial full-length run replaces its own items in bench/results.json and the table, keeping the others.
    const previous = existsSync(`${root}bench/results.json`)
      ? (JSON.parse(readFileSync(`${root}bench/results.json`, "utf8")) as { items: BenchItem[] }).items
      : [];
    const merged = benches
      .map((b) => items.find((i) => i.id === b.id) ?? previous.find((i) => i.id === b.id))
      .filter((i): i is BenchItem => i !== undefined);
    writeResults(merged, `${root}bench/results.json`, seconds);
    const env = environment();
    const header = `Last run: ${new Date().toISOString()} (${only.join(", ")}; the others from the previous run) · node ${env.node} · ${env.cpus} × ${env.cpuModel}`;
    updatePerformanceDoc(merged, `${root}docs/performance.md`, header);
  } else if (quick) {
    // Short rounds check the harness; their figures must not replace a real run's.
    mkdirSync(`${root}bench/.tmp`, { recursive: true });
    writeResults(items, `${root}bench/.tmp/results-quick.json`, seconds);
  } else {
    writeResults(items, `${root}bench/results.json`, seconds);
    const env = environment();
    const header = `Last run: ${new Date().toISOString()} · node ${env.node} · ${env.cpus} × ${env.cpuModel} · ${seconds} s`;
    updatePerformanceDoc(items, `${root}docs/performance.md`, header);
  }
  const missed = items.filter((i) => "met" in i && i.met === false).map((i) => i.id);
  console.log(`bench done in ${seconds} s${missed.length ? `; goals missed: ${missed.join(", ")}` : ""}`);
}

await main();
