import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

/** The README's TypeScript blocks as one module: imports hoisted, the rest inside an async function. */
function readmeModule(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  const lines = blocks.join("\n").split("\n");
  const imports = lines.filter((l) => l.startsWith("import ")).map((l) => l.replace('from "./', `from "${root}`));
  const body = lines.filter((l) => !l.startsWith("import "));
  return [
    ...imports,
    "declare const jwt: string;",
    "declare const identitiesJwt: string;",
    "declare function askForEmail(): void;",
    "export async function readme(): Promise<void> {",
    ...body,
    "}",
  ].join("\n");
}

describe("README examples", () => {
  it("type-check against the real code", () => {
    const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-readme-"));
    try {
      const file = join(dir, "readme.ts");
      const source = readmeModule();
      expect(source).toContain("client.Init(");
      writeFileSync(file, source);
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
        skipLibCheck: true,
        noUncheckedIndexedAccess: true,
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === file || d.file === undefined)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
