/**
 * Bench 4: service logins per second and p50/p99 latency at 1, 16 and 64 concurrent connections on 127.0.0.1,
 * against the trivial endpoint of the same server (`GET /v1/health`) in the same run. The service runs in a child
 * process, so the load generator and the service do not share an event loop. Phases alternate
 * (health, login, health, login) and the figure per level is the median phase. Bounded in time.
 *
 * @example
 * const item = await benchService({ phaseMs: 2_000, phases: 2 });
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ProtocolPath } from "../TypeScript/contract";
import { keepAliveAgent, postJson, rawRequest } from "./lib/http";
import { median, quantile, sig } from "./lib/measure";
import { type BenchItem, type Figure, measured } from "./lib/report";
import { signUidToken } from "./lib/sign";

const LEVELS = [1, 16, 64] as const;
const GOAL = 0.5;
const child = fileURLToPath(new URL("./service-child.ts", import.meta.url));

interface Phase {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** `concurrency` workers each sending one request after another for `ms`; every latency is kept. */
async function phase(
  concurrency: number,
  ms: number,
  send: (worker: number, n: number) => Promise<number>,
): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let n = 0; performance.now() - start < ms; n++) {
        const t0 = performance.now();
        const status = await send(worker, n).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    perSec: (latencies.length * 1000) / elapsed,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    errors,
  };
}

async function startService(dbPath: string): Promise<{ url: string; secret: string; stop: () => void }> {
  const proc = spawn(process.execPath, ["--import", "tsx", child, dbPath], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: proc.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`service child exited ${code}`)));
  });
  const { url, secret } = JSON.parse(first) as { url: string; secret: string };
  return { url, secret, stop: () => proc.stdin.end() };
}

/**
 * Runs bench 4.
 *
 * @example
 * const item = await benchService({ phaseMs: 2_000, phases: 2 });
 */
export async function benchService(options: { phaseMs: number; phases: number }): Promise<BenchItem> {
  const dir = mkdtempSync(join(tmpdir(), "hs-bench-"));
  const service = await startService(join(dir, "bench.sqlite"));
  const figures: Record<string, Figure> = {};
  let worstRatio = Number.POSITIVE_INFINITY;
  try {
    // Tokens for 256 users, minted before the clock starts: the bench measures the service, not jose.
    const tokens = await Promise.all(
      Array.from({ length: 256 }, (_, i) => signUidToken(service.secret, `bench-user-${i}`, Date.now())),
    );
    const loginUrl = `${service.url}${ProtocolPath.login("bench")}`;
    const healthUrl = `${service.url}${ProtocolPath.health()}`;
    for (const level of LEVELS) {
      const agent = keepAliveAgent(level);
      const health = (_w: number) => rawRequest(healthUrl, { method: "GET", agent }).then((r) => r.status);
      const login = (w: number, n: number) =>
        postJson(loginUrl, { identityToken: tokens[(w * 31 + n) % tokens.length], fullPrivacy: false }, { agent }).then(
          (r) => r.status,
        );
      await phase(level, options.phaseMs / 4, health);
      await phase(level, options.phaseMs / 4, login);
      const h: Phase[] = [];
      const l: Phase[] = [];
      for (let p = 0; p < options.phases; p++) {
        h.push(await phase(level, options.phaseMs, health));
        l.push(await phase(level, options.phaseMs, login));
      }
      agent.destroy();
      const ratio = median(l.map((x) => x.perSec)) / median(h.map((x) => x.perSec));
      worstRatio = Math.min(worstRatio, ratio);
      figures[`c${level}LoginsPerSec`] = sig(median(l.map((x) => x.perSec)));
      figures[`c${level}LoginP50Ms`] = sig(median(l.map((x) => x.p50Ms)));
      figures[`c${level}LoginP99Ms`] = sig(median(l.map((x) => x.p99Ms)));
      figures[`c${level}HealthPerSec`] = sig(median(h.map((x) => x.perSec)));
      figures[`c${level}HealthP50Ms`] = sig(median(h.map((x) => x.p50Ms)));
      figures[`c${level}HealthP99Ms`] = sig(median(h.map((x) => x.p99Ms)));
      figures[`c${level}Ratio`] = sig(ratio);
      figures[`c${level}Errors`] = [...h, ...l].reduce((n, x) => n + x.errors, 0);
    }
  } finally {
    service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return measured("service", "4. service logins vs GET /v1/health on 127.0.0.1", figures, {
    goal: `logins/s ≥ ${GOAL}× health/s at every concurrency`,
    met: worstRatio >= GOAL && Object.entries(figures).every(([k, v]) => !k.endsWith("Errors") || v === 0),
    notes:
      "Service in a child process on a fresh SQLite file; keep-alive connections, one per concurrent client; " +
      "256 users, tokens signed beforehand; each login verifies HS256, resolves the user and opens a session.",
  });
}
