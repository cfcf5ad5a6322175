/**
 * The shipped declaration of the gameplay facade (Typing/helpshift/index.d.ts) cannot drift from the facade
 * (TypeScript/ue/helpshift.ts) or the contract's names: declaration-matches.ts asserts both directions at the type
 * level, and is compiled here as it is (no diagnostic) and against drifted copies of the declaration (each must
 * fail). The declaration also stays self-contained: one `declare module`, nothing of "ue" or "puerts" redeclared.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { formatDiagnostics, readProject, type TypeCheckResult, typeCheck } from "./type-check";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DECLARATION = join(ROOT, "Typing/helpshift/index.d.ts");
const ASSERTIONS = join(ROOT, "test/typings/declaration-matches.ts");
const ROOT_NAMES = [
  join(ROOT, "Typing/ue/index.d.ts"),
  join(ROOT, "Typing/puerts/index.d.ts"),
  DECLARATION,
  ASSERTIONS,
];
const declarationText = readFileSync(DECLARATION, "utf8");
// The project's own compiler options, without @types/node: neither the facade nor the declaration may need Node.
const options = { ...readProject(join(ROOT, "tsconfig.json")).options, types: [] };

let base: TypeCheckResult | undefined;
function checkWith(declaration?: string): TypeCheckResult {
  // The faithful run checks every file; a drifted one checks only what must now fail.
  const files = declaration === undefined ? {} : { [DECLARATION]: declaration };
  const only = declaration === undefined ? undefined : [ASSERTIONS];
  const result = typeCheck({ rootNames: ROOT_NAMES, options, files, oldProgram: base?.program, only });
  base ??= result;
  return result;
}

/** Applies one edit, failing if the text to replace is not in the declaration any more. */
function drift(from: string, to: string): string {
  expect(declarationText, `the drift probe's text is gone: ${from}`).toContain(from);
  return declarationText.replace(from, to);
}

describe("Typing/helpshift/index.d.ts", () => {
  it("matches the facade and the contract's names in both directions", { timeout: 120_000 }, () => {
    expect(formatDiagnostics(checkWith().diagnostics)).toEqual([]);
  });

  it.each([
    ["an event name dropped", '    | "masterAttributesLimitExceeded"\n', ""],
    ["a failure reason added", '    | "unknownError";', '    | "unknownError"\n    | "timeout";'],
    ["`on` widened to any string", "on(event: HelpshiftEvent,", "on(event: string,"],
    ["a facade method missing", "    logout(): void;\n", ""],
    ["`reason` no longer readonly", "readonly reason: LoginFailureReason;", "reason: LoginFailureReason;"],
    [
      "the world context typed `object`",
      "createHelpshift(worldContext: UObject)",
      "createHelpshift(worldContext: object)",
    ],
    ["an export renamed", "export function toLoginFailure(", "export function toLoginFailures("],
    ["an Init field misspelt", "    appId?: string | undefined;", "    appID?: string | undefined;"],
  ])("fails when the declaration drifts: %s", { timeout: 120_000 }, (_name, from, to) => {
    const { diagnostics } = checkWith(drift(from, to));
    expect(diagnostics.filter((d) => d.file === ASSERTIONS).length).toBeGreaterThan(0);
  });

  it("declares only its own module, and reads only `Object` from `ue`, as a type", () => {
    const source = ts.createSourceFile(DECLARATION, declarationText, ts.ScriptTarget.Latest, true);
    expect(source.referencedFiles).toEqual([]);
    expect(source.typeReferenceDirectives).toEqual([]);
    const modules = source.statements.filter(ts.isModuleDeclaration).map((m) => m.name.text);
    expect(modules).toEqual(["HelpshiftTS/helpshift"]);
    expect(source.statements.length).toBe(1);

    const body = (source.statements[0] as ts.ModuleDeclaration).body as ts.ModuleBlock;
    const imports = body.statements.filter(ts.isImportDeclaration).map((i) => ({
      from: (i.moduleSpecifier as ts.StringLiteral).text,
      typeOnly: i.importClause?.isTypeOnly ?? false,
      names:
        i.importClause?.namedBindings && ts.isNamedImports(i.importClause.namedBindings)
          ? i.importClause.namedBindings.elements.map((e) => (e.propertyName ?? e.name).text)
          : ["*"],
    }));
    expect(imports).toEqual([{ from: "ue", typeOnly: true, names: ["Object"] }]);
    const nested: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isModuleDeclaration(node) && node !== source.statements[0]) nested.push(node.name.getText());
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(nested).toEqual([]);
  });
});
