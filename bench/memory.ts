/**
 * Bench 6: the client's heap after 100,000 login/logout cycles stays within a stated bound. Runs in a child
 * process with `--expose-gc` so that the figures are after full collections and unaffected by the bench runner.
 *
 * @example
 * const item = await benchMemory(100_000);
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sig } from "./lib/measure";
import { type BenchItem, measured } from "./lib/report";

/**
 * The stated bound: growth of the live heap over the cycles, after a warm-up.
 *
 * @example
 * const met = growth <= HEAP_GROWTH_BOUND_BYTES;
 */
export const HEAP_GROWTH_BOUND_BYTES = 2 * 1024 * 1024;

const child = fileURLToPath(new URL("./memory-child.ts", import.meta.url));

/**
 * Runs bench 6.
 *
 * @example
 * const item = await benchMemory(100_000, 90_000);
 */
export async function benchMemory(cycles = 100_000, budgetMs = 90_000): Promise<BenchItem> {
  const timeoutMs = budgetMs + 60_000;
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, ["--expose-gc", "--import", "tsx", child, String(cycles), String(budgetMs)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    proc.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    proc.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`memory child exited ${code}: ${err.split("\n").slice(-5).join(" ")}`));
    });
  });
  const r = JSON.parse(output.trim().split("\n").pop() ?? "{}") as {
    cycles: number;
    asked: number;
    before: number;
    after: number;
    seconds: number;
    firstWindowMs: number;
    lastWindowMs: number;
  };
  const growth = r.after - r.before;
  const projected = (growth / r.cycles) * r.asked;
  const complete = r.cycles >= r.asked;
  return measured(
    "memory",
    "6. client heap after 100,000 login/logout cycles",
    {
      cyclesAsked: r.asked,
      cyclesDone: r.cycles,
      heapBeforeMiB: sig(r.before / 1048576),
      heapAfterMiB: sig(r.after / 1048576),
      heapGrowthKiB: sig(growth / 1024),
      heapRatio: sig(r.after / r.before),
      bytesPerCycle: sig(growth / r.cycles),
      projectedGrowthAtAskedKiB: sig(projected / 1024),
      cyclesPerSec: sig(r.cycles / r.seconds),
      lastVsFirstThousandCycleTime: sig(r.lastWindowMs / r.firstWindowMs),
    },
    {
      goal: `heap growth ≤ ${HEAP_GROWTH_BOUND_BYTES / 1048576} MiB over ${r.asked} cycles (after gc, after a warm-up); cycle cost flat`,
      met: complete && growth <= HEAP_GROWTH_BOUND_BYTES,
      notes: complete
        ? "All cycles ran."
        : `Only ${r.cycles} cycles fitted in the ${budgetMs / 1000} s budget; growth projected linearly to ${r.asked}. ` +
          "lastVsFirstThousandCycleTime > 1 means each cycle costs more than the one before.",
    },
  );
}
