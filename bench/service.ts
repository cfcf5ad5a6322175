/**
 * Bench 4: the service's logins against a minimal peer (`bench/peer-child.ts`: node:http, a node:crypto HMAC check,
 * one SQLite transaction), at 1, 16 and 64 concurrent keep-alive connections on 127.0.0.1: logins per second,
 * p50/p99 latency, and CPU time per login of each server process. The service runs with the logger `serve` uses,
 * its lines going to a file (as `serve 2> log`). Each server is a child process, so neither shares an event loop
 * with the load generator. Phases alternate (service, peer, service, peer) and the figure per level is the median
 * phase. Bounded in time.
 *
 * @example
 * const item = await benchService({ phaseMs: 2_000, phases: 2 });
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ProtocolPath } from "../TypeScript/contract";
import { keepAliveAgent, postJson } from "./lib/http";
import { median, quantile, sig } from "./lib/measure";
import { type BenchItem, type Figure, measured } from "./lib/report";
import { signUidToken } from "./lib/sign";

const LEVELS = [1, 16, 64] as const;
/** Goals (issue 12): service logins/s ≥ 0.9× the peer's at every level; CPU per login ≤ 1.15× the peer's. */
const THROUGHPUT_GOAL = 0.9;
const CPU_GOAL = 1.15;
const serviceChild = fileURLToPath(new URL("./service-child.ts", import.meta.url));
const peerChild = fileURLToPath(new URL("./peer-child.ts", import.meta.url));

interface Phase {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  count: number;
  cpuUsPerLogin: number;
}
/** `concurrency` workers each sending one request after another for `ms`; every latency is kept. */
async function phase(
  concurrency: number,
  ms: number,
  send: (worker: number, n: number) => Promise<number>,
): Promise<Omit<Phase, "cpuUsPerLogin">> {
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
    count: latencies.length,
  };
}

/** A server child: its URL and secret, its CPU time on request, and how to stop it. */
interface Server {
  readonly url: string;
  readonly secret: string;
  readonly appId: string;
  cpuUs(): Promise<number>;
  stop(): Promise<void>;
}

async function startChild(script: string, dbPath: string, stderrFile: string): Promise<Server> {
  const stderr = openSync(stderrFile, "a");
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", script, dbPath], {
    stdio: ["pipe", "pipe", stderr],
  });
  closeSync(stderr);
  const lines: Interface = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const waiting: ((line: string) => void)[] = [];
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  lines.on("line", (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const first = await Promise.race([
    nextLine(),
    exited.then(() => {
      throw new Error(`${script} exited before listening`);
    }),
  ]);
  const { url, secret, appId } = JSON.parse(first) as { url: string; secret: string; appId: string };
  return {
    url,
    secret,
    appId,
    async cpuUs() {
      const answer = nextLine();
      proc.stdin?.write("cpu\n");
      return (JSON.parse(await answer) as { cpuUs: number }).cpuUs;
    },
    async stop() {
      proc.stdin?.end();
      await exited;
    },
  };
}

/** One phase of logins against `server`, with the server's CPU time per login over the phase. */
async function loginPhase(server: Server, tokens: readonly string[], level: number, ms: number): Promise<Phase> {
  const agent = keepAliveAgent(level);
  const url = `${server.url}${ProtocolPath.login(server.appId)}`;
  const send = (w: number, n: number) =>
    postJson(url, { identityToken: tokens[(w * 31 + n) % tokens.length], fullPrivacy: false }, { agent }).then(
      (r) => r.status,
    );
  // Connections opened before the clock starts.
  await Promise.all(Array.from({ length: level }, (_, w) => send(w, 0).catch(() => 0)));
  const cpu0 = await server.cpuUs();
  const result = await phase(level, ms, send);
  const cpu1 = await server.cpuUs();
  agent.destroy();
  return { ...result, cpuUsPerLogin: (cpu1 - cpu0) / Math.max(1, result.count) };
}

/**
 * Runs bench 4.
 *
 * @example
 * const item = await benchService({ phaseMs: 2_000, phases: 2 });
 */
export async function benchService(options: { phaseMs: number; phases: number }): Promise<BenchItem> {
  const dir = mkdtempSync(join(tmpdir(), "hs-bench-"));
  const logFile = join(dir, "serve.log");
  const service = await startChild(serviceChild, join(dir, "service.sqlite"), logFile);
  const peer = await startChild(peerChild, join(dir, "peer.sqlite"), join(dir, "peer.log"));
  const figures: Record<string, Figure> = {};
  let worstRatio = Number.POSITIVE_INFINITY;
  let worstCpuRatio = 0;
  let errors = 0;
  try {
    // Tokens for 256 users per server, minted before the clock starts: the bench measures the servers, not jose.
    const mint = (secret: string) =>
      Promise.all(Array.from({ length: 256 }, (_, i) => signUidToken(secret, `bench-user-${i}`, Date.now())));
    const serviceTokens = await mint(service.secret);
    const peerTokens = await mint(peer.secret);
    for (const level of LEVELS) {
      // Warm-up: every user created and the code hot on both sides.
      await loginPhase(service, serviceTokens, level, options.phaseMs / 4);
      await loginPhase(peer, peerTokens, level, options.phaseMs / 4);
      const s: Phase[] = [];
      const p: Phase[] = [];
      for (let i = 0; i < options.phases; i++) {
        s.push(await loginPhase(service, serviceTokens, level, options.phaseMs));
        p.push(await loginPhase(peer, peerTokens, level, options.phaseMs));
      }
      const m = (list: Phase[], key: keyof Phase) => median(list.map((x) => x[key]));
      const ratio = m(s, "perSec") / m(p, "perSec");
      const cpuRatio = m(s, "cpuUsPerLogin") / m(p, "cpuUsPerLogin");
      worstRatio = Math.min(worstRatio, ratio);
      worstCpuRatio = Math.max(worstCpuRatio, cpuRatio);
      figures[`c${level}LoginsPerSec`] = sig(m(s, "perSec"));
      figures[`c${level}PeerLoginsPerSec`] = sig(m(p, "perSec"));
      figures[`c${level}Ratio`] = sig(ratio);
      figures[`c${level}LoginP50Ms`] = sig(m(s, "p50Ms"));
      figures[`c${level}LoginP99Ms`] = sig(m(s, "p99Ms"));
      figures[`c${level}PeerP50Ms`] = sig(m(p, "p50Ms"));
      figures[`c${level}PeerP99Ms`] = sig(m(p, "p99Ms"));
      figures[`c${level}CpuUsPerLogin`] = sig(m(s, "cpuUsPerLogin"));
      figures[`c${level}PeerCpuUsPerLogin`] = sig(m(p, "cpuUsPerLogin"));
      figures[`c${level}CpuRatio`] = sig(cpuRatio);
      const levelErrors = [...s, ...p].reduce((n, x) => n + x.errors, 0);
      figures[`c${level}Errors`] = levelErrors;
      errors += levelErrors;
    }
  } finally {
    await Promise.all([service.stop(), peer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
  figures.worstRatio = sig(worstRatio);
  figures.worstCpuRatio = sig(worstCpuRatio);
  return measured("service", "4. service logins vs a minimal peer on 127.0.0.1", figures, {
    goal: `logins/s ≥ ${THROUGHPUT_GOAL}× the peer's at 1, 16 and 64 connections; CPU per login ≤ ${CPU_GOAL}× the peer's`,
    met: worstRatio >= THROUGHPUT_GOAL && worstCpuRatio <= CPU_GOAL && errors === 0,
    notes:
      "Service and peer (bench/peer-child.ts: node:http, node:crypto HMAC, one SQLite transaction) each in a child " +
      "process on a fresh SQLite file (WAL, synchronous=NORMAL); the service with serve's logger writing to a file; " +
      "keep-alive connections, one per concurrent client; 256 users, tokens signed beforehand; phases alternate.",
  });
}
