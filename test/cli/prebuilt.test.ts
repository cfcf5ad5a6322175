/**
 * The prebuilt CLI (scripts/build-cli.mjs → dist/cli) that bin/helpshift-ts.mjs runs: `check` loads none of the
 * service, and the bin answers the same through the prebuilt CLI and through the TypeScript sources
 * (HELPSHIFT_TS_CLI_FROM_SOURCE=1, tsx in the same process). The other tests in test/cli spawn the bin, i.e. the
 * prebuilt CLI, which the global setup builds from the current sources.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without declarations.
import { buildCli } from "../../scripts/build-cli.mjs";
import { runSign } from "../../TypeScript/cli/commands/sign";

interface Metafile {
  outputs: Record<
    string,
    {
      imports: { path: string; kind: string; external?: boolean }[];
      inputs: Record<string, unknown>;
      entryPoint?: string;
    }
  >;
}

const root = new URL("../..", import.meta.url).pathname;
// Inside the repository, so the packages kept outside the bundle resolve from node_modules as in dist/cli.
const outDir = mkdtempSync(join(root, "dist", "cli-test-"));
let built: { entry: string; metafile: Metafile };

beforeAll(async () => {
  built = await (buildCli as (o: { outDir: string }) => Promise<{ entry: string; metafile: Metafile }>)({ outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Everything `start` loads before it runs: its static imports, and theirs, plus the chunks `dynamic` names. */
function loadedBy(metafile: Metafile, start: string, dynamicOf: (path: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const output = metafile.outputs[path];
    if (!output) return;
    for (const i of output.imports) {
      if (
        i.kind === "import-statement" ||
        i.kind === "require-call" ||
        (i.kind === "dynamic-import" && dynamicOf(i.path))
      )
        visit(i.path);
    }
  };
  visit(start);
  return seen;
}

describe("the prebuilt CLI", () => {
  it("check loads neither the service, SQLite, Fastify, jose nor zod", () => {
    const { metafile } = built;
    const entry = Object.keys(metafile.outputs).find((p) => metafile.outputs[p]?.entryPoint?.endsWith("cli/entry.ts"));
    expect(entry).toBeDefined();
    const checkChunk = (path: string) =>
      Object.keys(metafile.outputs[path]?.inputs ?? {}).some((input) => input.endsWith("cli/commands/check.ts")) ||
      metafile.outputs[path]?.entryPoint?.endsWith("cli/commands/check.ts") === true;
    const loaded = loadedBy(metafile, entry as string, checkChunk);
    const inputs = [...loaded].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {}));
    expect(inputs.some((input) => input.endsWith("cli/commands/check.ts"))).toBe(true);
    for (const heavy of ["TypeScript/server/", "node_modules/zod/", "node_modules/jose/", "cli/main.ts"]) {
      expect(inputs.filter((input) => input.includes(heavy))).toEqual([]);
    }
    expect([...loaded].filter((path) => ["better-sqlite3", "fastify", "esbuild"].includes(path))).toEqual([]);
  });

  it("names the tester's and the console's browser entries relative to its own files (built on first request)", () => {
    const text = readdirSync(outDir)
      .filter((name) => name.endsWith(".mjs"))
      .map((name) => readFileSync(join(outDir, name), "utf8"))
      .join("\n");
    for (const entry of ["TypeScript/tester/web/main.ts", "TypeScript/console/web/main.ts"]) {
      const named = new RegExp(`"((?:\\.\\./)+${entry.replace(/[./]/g, "\\$&")})"`).exec(text)?.[1];
      expect(named, entry).toBeDefined();
      expect(resolve(outDir, named as string)).toBe(join(root, entry));
      expect(existsSync(join(root, entry))).toBe(true);
    }
  });

  it("npm ci's prepare, npm run build and the test setup build it where the bin looks", () => {
    expect(existsSync(join(root, "dist", "cli", "helpshift-ts.mjs"))).toBe(true);
    expect(relative(root, built.entry)).toMatch(/^dist\/cli-test-\w+\/helpshift-ts\.mjs$/);
  });

  it("the bin answers alike through the prebuilt CLI and through the sources", async () => {
    const signed = await runSign({ secret: "prebuilt-secret", uid: "42", nowSeconds: Math.floor(Date.now() / 1000) });
    const token = signed.stdout[0] as string;
    const dataDir = mkdtempSync(join(outDir, "data-"));
    const cases: { args: string[]; input?: string }[] = [
      { args: ["check", "-", "--json"], input: token },
      { args: ["check", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"] },
      { args: ["check"] },
      { args: ["check", "x", "--bogus", "--json"] },
      { args: ["--version"] },
      { args: ["nope"] },
      { args: ["app", "list", "--data-dir", dataDir, "--json"] },
    ];
    const run = (command: string[], args: string[], input: string | undefined, env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, [...command, ...args], {
        cwd: root,
        encoding: "utf8",
        input: input ?? "",
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
      return {
        status: r.status,
        stdout: r.stdout.replace(/Issued: .*\n/, "").replace(/"iatAgeSeconds":\d+/, ""),
        stderr: r.stderr,
      };
    };
    for (const { args, input } of cases) {
      const bundled = run(["bin/helpshift-ts.mjs"], args, input, { HELPSHIFT_TS_CLI_FROM_SOURCE: "" });
      const fromSource = run(["bin/helpshift-ts.mjs"], args, input, { HELPSHIFT_TS_CLI_FROM_SOURCE: "1" });
      const direct = run([built.entry], args, input, {});
      expect(bundled, args.join(" ")).toEqual(fromSource);
      expect(direct, args.join(" ")).toEqual(bundled);
    }
  });
});
