/**
 * Bench 8: how long `helpshift-ts check` takes from the shell, as a ratio to `node -e 0` in the same run
 * (interleaved rounds, median of each). It runs the bin as users do after the README's set-up (`npm ci` builds
 * the prebuilt CLI; the bench builds it from the current sources first, as `npm ci`'s `prepare` would). Also
 * reported, for scale: the full program (`--help`), `sign`, and `check` through the TypeScript sources (the
 * bin's fallback when nothing was built: tsx's loader in the same process).
 *
 * @example
 * const item = await benchCliStart({ rounds: 15 });
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// @ts-expect-error: a plain .mjs script without declarations.
import { buildCli } from "../scripts/build-cli.mjs";
import { median, sig } from "./lib/measure";
import { type BenchItem, type Figure, measured } from "./lib/report";
import { signUidToken } from "./lib/sign";

const GOAL = 2;
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = "bin/helpshift-ts.mjs";

/** Wall time of one process from spawn to exit, ms; throws when it fails. */
function timed(args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Runs bench 8.
 *
 * @example
 * const item = await benchCliStart({ rounds: 15 });
 */
export async function benchCliStart(options: { rounds: number }): Promise<BenchItem> {
  await (buildCli as () => Promise<unknown>)();
  const token = await signUidToken("bench-cli-secret", "42", Date.now());
  const subjects: Record<string, () => number> = {
    nodeBare: () => timed(["-e", "0"]),
    check: () => timed([bin, "check", token]),
    sign: () => timed([bin, "sign", "--secret", "bench-cli-secret", "--uid", "42"]),
    help: () => timed([bin, "--help"]),
    checkFromSource: () => timed([bin, "check", token], { HELPSHIFT_TS_CLI_FROM_SOURCE: "1" }),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  // One round of each first, not counted: the file cache warm for every subject.
  for (const run of Object.values(subjects)) run();
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, run] of Object.entries(subjects)) {
      // The source path costs ~0.5 s a run: a third of the rounds are enough for a figure given for scale.
      if (name === "checkFromSource" && round % 3 !== 0) continue;
      samples[name]?.push(run());
    }
  }
  const ms = (name: string) => median(samples[name] ?? []);
  const ratio = ms("check") / ms("nodeBare");
  const figures: Record<string, Figure> = {
    nodeBareMs: sig(ms("nodeBare")),
    checkMs: sig(ms("check")),
    checkRatio: sig(ratio),
    signMs: sig(ms("sign")),
    signRatio: sig(ms("sign") / ms("nodeBare")),
    fullProgramHelpMs: sig(ms("help")),
    fullProgramHelpRatio: sig(ms("help") / ms("nodeBare")),
    checkFromSourceMs: sig(ms("checkFromSource")),
    checkFromSourceRatio: sig(ms("checkFromSource") / ms("nodeBare")),
    rounds: options.rounds,
  };
  return measured("cliStart", "8. CLI start: helpshift-ts check vs node -e 0", figures, {
    goal: `check ≤ ${GOAL}× node -e 0 (bin with the prebuilt CLI, as after npm ci)`,
    met: ratio <= GOAL,
    notes:
      "Wall time of the whole process (spawn to exit), median of interleaved rounds; the token passes the check. " +
      "checkFromSource: the bin's fallback without a build (tsx in the same process), for scale.",
  });
}
