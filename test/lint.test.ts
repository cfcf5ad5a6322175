import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("repository hygiene", () => {
  it("passes biome (format and lint)", () => {
    const result = run("npx", ["biome", "check", "."]);
    expect(result.output).not.toMatch(/Found \d+ error/);
    expect(result.status).toBe(0);
  }, 120_000);

  it("type-checks in strict mode", () => {
    const result = run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
    expect(result.output.split("\n").filter((l) => l.includes("error TS"))).toEqual([]);
    expect(result.status).toBe(0);
  }, 300_000);

  it("type-checks the contract against ES2020 with no platform library", () => {
    const result = run("npx", ["tsc", "--noEmit", "-p", "TypeScript/contract/tsconfig.json"]);
    expect(result.output.split("\n").filter((l) => l.includes("error TS"))).toEqual([]);
    expect(result.status).toBe(0);
  }, 300_000);
});
