/**
 * Timing helpers for the benchmarks. Machines are noisy, so a figure is always a ratio against a baseline
 * measured in the same run, in interleaved rounds (subject, baseline, subject, ...), taking the median round.
 *
 * @example
 * const r = compareRates(() => checkLogin(jwt, {}), () => JSON.parse(text), { rounds: 7, roundMs: 150 });
 * console.log(r.ratio); // subject ops/s ÷ baseline ops/s
 */

/**
 * Throughput of one function over several rounds.
 *
 * @example
 * const { opsPerSec, worstCallMs }: Rate = compareRates(f, g, opts).subject;
 */
export interface Rate {
  /** Median over rounds of calls per second. */
  readonly opsPerSec: number;
  /** The slowest single call seen in any round, milliseconds. */
  readonly worstCallMs: number;
  /** Calls made in all rounds. */
  readonly calls: number;
}

/**
 * A subject against its baseline.
 *
 * @example
 * const c: Comparison = compareRates(f, g, { rounds: 7, roundMs: 200 }); c.ratio;
 */
export interface Comparison {
  readonly subject: Rate;
  readonly baseline: Rate;
  /** subject ops/s ÷ baseline ops/s. */
  readonly ratio: number;
}

let sink = 0;

/**
 * Keeps a result alive so the optimiser cannot drop the call that made it.
 *
 * @example
 * consume(JSON.parse(text)); // the parse cannot be optimised away
 */
export function consume(value: unknown): void {
  sink = (sink + (value === undefined ? 1 : typeof value === "object" ? 2 : 3)) | 0;
}

/**
 * Reads the sink, so that it is observably used.
 *
 * @example
 * console.log(sinkValue()); // makes the sink observable
 */
export function sinkValue(): number {
  return sink;
}

/**
 * The value at quantile `q` (0..1) of an ascending array, nearest-rank.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.99); // 4
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * The median of unsorted numbers.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

interface Round {
  opsPerSec: number;
  worstCallMs: number;
  calls: number;
}

/** Calls `fn` for at least `roundMs`, timing every call. */
function runRound(fn: () => unknown, roundMs: number): Round {
  let calls = 0;
  let worst = 0;
  const start = performance.now();
  let now = start;
  while (now - start < roundMs) {
    const before = now;
    consume(fn());
    now = performance.now();
    if (now - before > worst) worst = now - before;
    calls++;
  }
  return { opsPerSec: (calls * 1000) / (now - start), worstCallMs: worst, calls };
}

function summarise(rounds: readonly Round[]): Rate {
  return {
    opsPerSec: median(rounds.map((r) => r.opsPerSec)),
    worstCallMs: Math.max(...rounds.map((r) => r.worstCallMs)),
    calls: rounds.reduce((n, r) => n + r.calls, 0),
  };
}

/**
 * Measures `subject` against `baseline` in interleaved rounds after a warm-up of each.
 * Every call is timed on its own, so `worstCallMs` is a real single call (timer overhead included).
 *
 * @example
 * compareRates(() => checkLogin(jwt, {}), () => JSON.parse(text), { rounds: 7, roundMs: 200 }).ratio;
 */
export function compareRates(
  subject: () => unknown,
  baseline: () => unknown,
  options: { rounds: number; roundMs: number; warmupMs?: number },
): Comparison {
  const warmup = options.warmupMs ?? options.roundMs;
  runRound(subject, warmup);
  runRound(baseline, warmup);
  const s: Round[] = [];
  const b: Round[] = [];
  for (let i = 0; i < options.rounds; i++) {
    s.push(runRound(subject, options.roundMs));
    b.push(runRound(baseline, options.roundMs));
  }
  const subjectRate = summarise(s);
  const baselineRate = summarise(b);
  return { subject: subjectRate, baseline: baselineRate, ratio: subjectRate.opsPerSec / baselineRate.opsPerSec };
}

/**
 * Rounds to `digits` significant digits, for readable results.
 *
 * @example
 * sig(1234.567); // 1230
 */
export function sig(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
