/**
 * Builds a test program from test/cpp/run and real Source files with g++ against test/cpp/engine, runs it with
 * a scratch folder, and reads its `name=value` lines: the one way the runnable C++ tests observe the helpers.
 *
 * @example
 * const seen = buildAndRun("lifecycle", ["test/cpp/run/lifecycle-main.cpp", "Source/HelpshiftTS/Private/X.cpp"]);
 * expect(seen.get("early.left")).toBe("1");
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const INCLUDES = ["test/cpp/engine", "test/cpp/run", "Source/HelpshiftTS/Public", "Source/HelpshiftTS/Private"];

/** Compiles `sources` (paths from the repository root) into one program, runs it, returns what it printed. */
export function buildAndRun(name: string, sources: readonly string[]): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), `hsts-${name}-`));
  const binary = join(work, name);
  const build = spawnSync(
    "g++",
    [
      "-std=c++20",
      "-Wall",
      "-Wno-unused",
      ...INCLUDES.flatMap((d) => ["-I", join(ROOT, d)]),
      "-o",
      binary,
      ...sources.map((f) => join(ROOT, f)),
    ],
    { encoding: "utf8" },
  );
  expect(build.error).toBeUndefined();
  expect(`${build.stdout}${build.stderr}`).toBe("");
  expect(build.status).toBe(0);
  const run = spawnSync(binary, [mkdtempSync(join(work, "scratch-"))], { encoding: "utf8", timeout: 20_000 });
  expect(run.status).toBe(0);
  const seen = new Map<string, string>();
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const at = line.indexOf("=");
    seen.set(line.slice(0, at), line.slice(at + 1));
  }
  return seen;
}
