import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const coreDir = new URL("../../TypeScript/core/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Strips comments so a doc example may mention what the code must not do. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const FORBIDDEN_IMPORTS =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](node:[^"']*|fs|path|crypto|http|https|ue|puerts)["']/;
const FORBIDDEN_GLOBALS =
  /\b(Date\.now|setTimeout|setInterval|fetch|TextEncoder|TextDecoder|atob|btoa|Buffer|process)\b/;

describe("TypeScript/core stays platform-free", () => {
  const files = sources(coreDir);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports no Node, Web, ue or puerts module", () => {
    const offenders = files.filter((f) => FORBIDDEN_IMPORTS.test(code(readFileSync(f, "utf8"))));
    expect(offenders).toEqual([]);
  });

  it("uses no platform global directly (only through ports)", () => {
    const offenders = files.flatMap((f) => {
      // No exceptions: the Scheduler port's methods are named schedule/cancel, so even a method call spelled
      // like a platform timer is a finding.
      const match = code(readFileSync(f, "utf8")).match(FORBIDDEN_GLOBALS);
      return match ? [`${f}: ${match[0]}`] : [];
    });
    expect(offenders).toEqual([]);
  });

  it("the scanner catches what it must", () => {
    expect(FORBIDDEN_IMPORTS.test('import { readFileSync } from "node:fs";')).toBe(true);
    expect(FORBIDDEN_IMPORTS.test('import { argv } from "puerts";')).toBe(true);
    expect(FORBIDDEN_IMPORTS.test('import * as UE from "ue";')).toBe(true);
    expect(FORBIDDEN_GLOBALS.test("const t = Date.now();")).toBe(true);
    expect(FORBIDDEN_GLOBALS.test("new TextEncoder()")).toBe(true);
    expect(FORBIDDEN_GLOBALS.test("setTimeout(f, 1)")).toBe(true);
    expect(FORBIDDEN_GLOBALS.test("scheduler.setTimeout(f, 1)")).toBe(true);
    expect(FORBIDDEN_GLOBALS.test("scheduler.schedule(f, 1)")).toBe(false);
    expect(FORBIDDEN_IMPORTS.test('import { z } from "zod/mini";')).toBe(false);
  });

  it("imports zod only as zod/mini (the Puerts bundle's size)", () => {
    const offenders = files.filter((f) => /from\s+["']zod["']/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("TypeScript/core type-checks for the Puerts target", () => {
  it("compiles against ES2020 with no platform library or @types", () => {
    const result = spawnSync("npx", ["tsc", "--noEmit", "-p", "TypeScript/core/tsconfig.json"], {
      cwd: new URL("../..", import.meta.url).pathname,
      encoding: "utf8",
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output.split("\n").filter((l) => l.includes("error TS"))).toEqual([]);
    expect(result.status).toBe(0);
  }, 120_000);
});
