import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../TypeScript/cli/main";
import {
  ErrorValue,
  ErrorValueConstantName,
  HelpshiftEvent,
  LoginFailureReason,
  LoginFailureReasonConstantName,
} from "../../TypeScript/contract";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README stays true to the code", () => {
  it("has the exact quick start and test commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
  });

  it("lists every failure reason with its C++ constant, and nothing else", () => {
    const rows = [...readme.matchAll(/^\| `(\w+)` +\| `(Helpshift\w+)` +\|/gm)].map((m) => [m[1], m[2]]);
    const reasons = rows.filter(([name]) => (Object.values(LoginFailureReason) as string[]).includes(name as string));
    expect(Object.fromEntries(reasons)).toEqual(LoginFailureReasonConstantName);
    const values = rows.filter(([name]) => (Object.values(ErrorValue) as string[]).includes(name as string));
    expect(Object.fromEntries(values)).toEqual(ErrorValueConstantName);
    expect(rows).toHaveLength(reasons.length + values.length);
  });

  it("shows every event", () => {
    for (const event of Object.values(HelpshiftEvent)) expect(readme).toContain(event);
  });

  it("names only CLI commands that exist", () => {
    const commands = buildProgram().commands.map((c) => c.name());
    expect(commands).toEqual(expect.arrayContaining(["check", "sign", "serve", "app"]));
    for (const m of readme.matchAll(/^helpshift-ts (\w[\w-]*)/gm)) expect(commands).toContain(m[1]);
  });

  it("says what this is and is not: the contract, production, the Unreal half's state and versions", () => {
    expect(readme).toContain('implementation of the client side of Helpshift\'s **"User Hub" identity system**');
    expect(readme).toContain("reference service that plays the part of Helpshift's servers");
    expect(readme).toContain("### What it is not");
    expect(readme).toContain("**Using it in production** takes:");
    expect(readme).toContain("**The Unreal half has not yet run in an engine.** It is checked by stand-ins");
    expect(readme).toContain("Engine 5.3–5.5, with Puerts as pinned in [Plugins/README.md](Plugins/README.md)");
    const pinned = readFileSync(new URL("../../Plugins/README.md", import.meta.url), "utf8");
    const commit = /Tencent\/puerts at commit\s+`([0-9a-f]{40})`/.exec(pinned)?.[1];
    expect(commit, "Plugins/README.md pins a Puerts commit").toBeDefined();
    expect(readme).toContain(`(commit \`${commit?.slice(0, 8)}\`)`);
  });

  it("links only to docs that exist, and to all ten of them", () => {
    const links = [...readme.matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((m) => m[1] as string);
    for (const name of [
      "contract",
      "core",
      "protocol",
      "service",
      "unreal",
      "cli",
      "tester",
      "decisions",
      "architecture",
      "performance",
    ]) {
      expect(links).toContain(`docs/${name}.md`);
    }
    for (const link of links) expect(existsSync(new URL(`../../${link}`, import.meta.url))).toBe(true);
  });
});
