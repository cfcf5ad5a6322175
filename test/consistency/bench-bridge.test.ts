/**
 * The QuickJS bench (bench/quickjs.ts) drives main.js with a hand-written stand-in of UHelpshiftTSBridge. A
 * UFUNCTION the bundle calls that the stand-in lacks makes bench 7 fail with "not a function" (it did when
 * MonotonicSeconds arrived), so every UFUNCTION of the bridge must be defined there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReflectedClasses } from "./cpp-reflection";

const ROOT = new URL("../..", import.meta.url).pathname;

describe("the QuickJS bench's stand-in bridge", () => {
  it("defines every UFUNCTION of UHelpshiftTSBridge", () => {
    const bridge = readReflectedClasses([join(ROOT, "Source/HelpshiftTS/Public")]).get("UHelpshiftTSBridge");
    expect(bridge).toBeDefined();
    const bench = readFileSync(join(ROOT, "bench/quickjs.ts"), "utf8");
    const standIn = bench.slice(bench.indexOf("globalThis.__bridge = {"), bench.indexOf("globalThis.__modules = {"));
    const names = [...bridge!.functions.keys()];
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(standIn, name).toMatch(new RegExp(`\\b${name}: function`));
  });
});
