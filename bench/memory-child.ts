/**
 * Child process of bench 6 (run with `node --expose-gc --import tsx`): 100,000 login/logout cycles of one
 * client on a fake transport and a manual clock; prints the heap after a warm-up and after the cycles, as JSON.
 *
 * @example
 * node --expose-gc --import tsx bench/memory-child.ts 100000 120000
 */
import { createHelpshiftClient } from "../TypeScript/core";
import {
  attributesAcceptedReply,
  fakePorts,
  loginReply,
  ManualTime,
  MemoryStore,
  okReply,
  RouteTransport,
  silentLogger,
} from "./lib/fakes";
import { encodeUnsignedToken } from "./lib/fixtures";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const collect = gc;

const cycles = Number(process.argv[2] ?? 100_000);
/** Wall-time budget for the cycles: the bench reports how many fit rather than running unbounded. */
const budgetMs = Number(process.argv[3] ?? 120_000);
const warmup = Math.min(1_000, cycles);
const WINDOW = 1_000;
const START = Date.UTC(2026, 10, 24, 12, 0, 0);

// Delays are not kept: the fake must not grow over 100,000 cycles, or it would count as the client's growth.
const time = new ManualTime(START, { recordDelays: false });
let sessions = 0;
// Keeps nothing: a recording transport that does not record, answering like the service.
const transport = new RouteTransport({
  record: false,
  fallback: (request) => {
    if (request.url.endsWith("/login")) {
      return loginReply({
        userId: `usr_${sessions % 1000}`,
        // A fresh session token each login, as the service gives: anything that remembers them grows.
        sessionToken: `hss_memory_bench_${sessions++}_${"x".repeat(32)}`,
        now: time.now(),
      });
    }
    if (request.url.endsWith("/attributes")) return attributesAcceptedReply();
    return okReply();
  },
});

const client = createHelpshiftClient(fakePorts({ transport, time, store: new MemoryStore(), logger: silentLogger }));
client.Init({ serviceUrl: "http://bench.test", appId: "bench" });
const tokens = Array.from({ length: 1000 }, (_, i) =>
  encodeUnsignedToken({ identities: [{ identifier: "uid", value: `user-${i}` }], iat: START / 1000 }),
);

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
