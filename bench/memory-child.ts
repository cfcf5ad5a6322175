/**
 * Child process of bench 6 (run with `node --expose-gc --import tsx`): 100,000 login/logout cycles of one
 * client on a fake transport and a manual clock; prints the heap after a warm-up and after the cycles, as JSON.
 *
 * @example
 * node --expose-gc --import tsx bench/memory-child.ts 100000 120000
 */
import { cyclingServiceClient } from "./lib/fakes";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const collect = gc;

const cycles = Number(process.argv[2] ?? 100_000);
/** Wall-time budget for the cycles: the bench reports how many fit rather than running unbounded. */
const budgetMs = Number(process.argv[3] ?? 120_000);
const warmup = Math.min(1_000, cycles);
const WINDOW = 1_000;
const START = Date.UTC(2026, 10, 24, 12, 0, 0);

// Keeps nothing: delays and requests are not recorded, or the fakes would grow over 100,000 cycles and count as
// the client's growth. A fresh session token each login, as the service gives: anything that remembers them grows.
const { client, uidToken } = cyclingServiceClient({
  appId: "bench",
  start: START,
  record: false,
  recordDelays: false,
  userId: (login) => `usr_${login % 1000}`,
  sessionToken: (login) => `hss_memory_bench_${login}_${"x".repeat(32)}`,
});
const tokens = Array.from({ length: 1000 }, (_, i) => uidToken(`user-${i}`));

async function cycle(i: number): Promise<void> {
  await client.loginWithIdentity(tokens[i % tokens.length] as string, {});
  if (i % 10 === 0) client.UpdateMasterAttributes({ first_name: `n${i}` });
  await client.logout();
}

function heap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

for (let i = 0; i < warmup; i++) await cycle(i);
const before = heap();
const t0 = performance.now();
// Time per cycle in the first and the last window of 1,000 cycles: equal if a cycle's cost does not grow.
let firstWindowMs = 0;
let lastWindowMs = 0;
let windowStart = t0;
let done = 0;
while (done < cycles && performance.now() - t0 < budgetMs) {
  await cycle(warmup + done);
  done++;
  if (done % WINDOW === 0) {
    const now = performance.now();
    if (done === WINDOW) firstWindowMs = now - windowStart;
    lastWindowMs = now - windowStart;
    windowStart = now;
  }
}
const seconds = (performance.now() - t0) / 1000;
const after = heap();
client.dispose();
process.stdout.write(
  `${JSON.stringify({ cycles: done, asked: cycles, before, after, seconds, firstWindowMs, lastWindowMs })}\n`,
);
