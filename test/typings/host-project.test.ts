/**
 * A game project's TypeScript, as Puerts sets it up (test/typings/host-project: Puerts' default tsconfig, Puerts-shaped
 * `puerts`, `ue` and `cpp` typings with our reflected classes as the generator emits them), plus the shipped
 * declaration of `HelpshiftTS/helpshift`: the gameplay fixture and the gameplay example of docs/unreal.md compile
 * there with no diagnostic (as configured, and strict); misuse is refused line by line; the plugin's internal
 * Typing/ue and Typing/puerts do collide with Puerts' typings, which is why they are not what a game adds. The
 * fixture's reflected Helpshift classes are checked against Source/HelpshiftTS/Public, so they cannot go stale.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { type CppParameter, readReflectedClasses } from "../consistency/cpp-reflection";
import { expectedMarkers, formatDiagnostics, readProject, type TypeCheckResult, typeCheck } from "./type-check";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOST = join(ROOT, "test/typings/host-project");
const PROBE = join(HOST, "probes/misuse.ts");
const EXAMPLE_CONTEXT = join(HOST, "example-context.d.ts");
const DECLARATION = join(ROOT, "Typing/helpshift/index.d.ts");

const project = readProject(join(HOST, "tsconfig.json"));

/** The ```ts blocks of docs/unreal.md that import the gameplay facade. */
function documentedExamples(): string[] {
  const docs = readFileSync(join(ROOT, "docs/unreal.md"), "utf8");
  return [...docs.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((code) => code.includes('from "HelpshiftTS/helpshift"'));
}

/** Each documented example, in memory, as a script of the fixture (TypeScript/DocumentedExample<n>.ts), verbatim. */
function examplesAsScripts(): Record<string, string> {
  return Object.fromEntries(
    documentedExamples().map((code, i) => [join(HOST, `TypeScript/DocumentedExample${i + 1}.ts`), code]),
  );
}

let base: TypeCheckResult | undefined;
function check(extraRoots: readonly string[], options = project.options, files: Record<string, string> = {}) {
  const result = typeCheck({
    rootNames: [...project.fileNames, ...extraRoots],
    options,
    files,
    oldProgram: base?.program,
  });
  base ??= result;
  return result;
}

describe("a Puerts game project using HelpshiftTS/helpshift", () => {
  it("selects the Puerts-shaped typings, the gameplay script and the shipped declaration", () => {
    const relative = project.fileNames.map((f) => f.replace(ROOT, "")).sort();
    expect(relative).toEqual(["Typing/helpshift/index.d.ts", "test/typings/host-project/TypeScript/Gameplay.ts"]);
    expect(project.options.typeRoots?.map((r) => r.replace(ROOT, ""))).toEqual([
      "test/typings/host-project/Typing",
      "test/typings/host-project/node_modules/@types",
    ]);
    expect(documentedExamples().length).toBeGreaterThan(0);
  });

  it("compiles the gameplay fixture and the documented example with no diagnostic", { timeout: 120_000 }, () => {
    const { diagnostics, program } = check([EXAMPLE_CONTEXT], project.options, examplesAsScripts());
    expect(formatDiagnostics(diagnostics)).toEqual([]);
    // The Puerts-shaped typings were really in the program (found through typeRoots), ours only as the declaration.
    const loaded = program.getSourceFiles().map((f) => f.fileName.replace(ROOT, ""));
    for (const file of [
      "Typing/ue/ue.d.ts",
      "Typing/ue/puerts.d.ts",
      "Typing/puerts/index.d.ts",
      "Typing/cpp/index.d.ts",
    ]) {
      expect(loaded).toContain(`test/typings/host-project/${file}`);
    }
    expect(loaded).toContain("Typing/helpshift/index.d.ts");
    expect(loaded).toContain("test/typings/host-project/TypeScript/DocumentedExample1.ts");
    expect(loaded.filter((f) => f.startsWith("Typing/") && f !== "Typing/helpshift/index.d.ts")).toEqual([]);
  });

  it("compiles them strict too", { timeout: 120_000 }, () => {
    const options = { ...project.options, strict: true, noUncheckedIndexedAccess: true };
    const { diagnostics } = check([EXAMPLE_CONTEXT], options, examplesAsScripts());
    expect(formatDiagnostics(diagnostics)).toEqual([]);
  });

  it("refuses a top-level await (Puerts loads CommonJS), which is why the example awaits in a function", {
    timeout: 120_000,
  }, () => {
    const script = join(HOST, "TypeScript/TopLevelAwait.ts");
    const code =
      'import { argv } from "puerts";\nimport { createHelpshift } from "HelpshiftTS/helpshift";\n' +
      'await createHelpshift(argv.getByName("GameInstance")).loginWithIdentity("jwt");\n';
    const { diagnostics } = check([], project.options, { [script]: code });
    expect(diagnostics.map((d) => `${d.file === script}:${d.line}:${d.code}`)).toEqual(["true:3:1378"]);
  });

  it("refuses each misuse in the probe, exactly where it is marked", { timeout: 120_000 }, () => {
    const markers = expectedMarkers(PROBE);
    expect(markers.length).toBeGreaterThan(10);
    const { diagnostics } = check([PROBE]);
    expect(formatDiagnostics(diagnostics.filter((d) => d.file !== PROBE))).toEqual([]);
    const found = diagnostics.filter((d) => d.file === PROBE).map((d) => `${d.line}:${d.code}`);
    expect(found.sort()).toEqual(markers.sort());
  });

  it("collides with the plugin's internal Typing/ue and Typing/puerts (so a game adds only the declaration)", {
    timeout: 120_000,
  }, () => {
    const internal = [join(ROOT, "Typing/ue/index.d.ts"), join(ROOT, "Typing/puerts/index.d.ts")];
    const { diagnostics } = check(internal);
    const codes = new Set(diagnostics.map((d) => d.code));
    // 2300: duplicate identifier (our `class TMap` against Puerts' `interface TMap`, the two `Object`s);
    // 2428: all declarations of '$Delegate' must have identical type parameters.
    expect(codes.has(2300) || codes.has(2428)).toBe(true);
    expect(diagnostics.some((d) => d.file === DECLARATION)).toBe(false);
  });
});

/** A C++ type as Puerts' declaration generator writes it in ue.d.ts (the cases the plugin's UFUNCTIONs use). */
function generatedType(cppType: string, position: "parameter" | "return"): string {
  const t = cppType.replace(/\s+/g, " ").trim();
  const table: Record<string, string> = {
    void: "void",
    bool: "boolean",
    int32: "number",
    double: "number",
    FString: "string",
    "const FString&": "string",
    "FString&": "$Ref<string>",
  };
  if (t in table) return table[t]!;
  const struct = /^const F(\w+)&$/.exec(t);
  if (struct) return `UE.${struct[1]}`;
  const pointer = /^U(\w+)\*$/.exec(t);
  // A UObject* parameter without a default value is nullable; a returned one is not wrapped.
  if (pointer) return position === "parameter" ? `$Nullable<UE.${pointer[1]}>` : `UE.${pointer[1]}`;
  throw new Error(`no generator mapping for C++ type ${t}`);
}

const GENERATED_STATICS = new Set(["StaticClass", "StaticStruct", "Find", "Load"]);

describe("the fixture's generated ue.d.ts", () => {
  const cpp = readReflectedClasses([join(ROOT, "Source/HelpshiftTS/Public")]);
  const file = join(HOST, "Typing/ue/ue.d.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const classes: ts.ClassDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name?.text.startsWith("HelpshiftTS")) classes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const signature = (parameters: readonly CppParameter[], position: "parameter" | "return" = "parameter") =>
    parameters.map((p) => `${p.name}: ${generatedType(p.type, position)}`);

  it("declares the plugin's reflected classes the facade calls", () => {
    expect(classes.map((c) => c.name!.text).sort()).toEqual([
      "HelpshiftTSEventAsyncAction",
      "HelpshiftTSLibrary",
      "HelpshiftTSLoginAsyncAction",
    ]);
  });

  it("writes each of their members as the generator would from Source/HelpshiftTS/Public", () => {
    for (const node of classes) {
      const name = node.name!.text;
      const cppClass = cpp.get(`U${name}`);
      expect(cppClass, `U${name}`).toBeDefined();
      expect(
        node.members.some((m) => m.name?.getText() === `__tid_${name}_0__`),
        `${name} brand`,
      ).toBe(true);
      for (const member of node.members) {
        const memberName = member.name?.getText() ?? "";
        if (ts.isMethodDeclaration(member) && !GENERATED_STATICS.has(memberName)) {
          const fn = cppClass!.functions.get(memberName);
          expect(fn, `${name}.${memberName} UFUNCTION`).toBeDefined();
          const isStatic = !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          expect(isStatic, `${name}.${memberName} static`).toBe(fn!.isStatic);
          expect(
            member.parameters.map((p) => p.getText()),
            `${name}.${memberName}`,
          ).toEqual(signature(fn!.parameters));
          expect(member.type?.getText(), `${name}.${memberName} return`).toBe(generatedType(fn!.returnType, "return"));
        }
        if (ts.isPropertyDeclaration(member) && member.type && ts.isTypeReferenceNode(member.type)) {
          const delegate = cppClass!.delegates.get(memberName);
          if (!delegate) continue;
          expect(member.type.typeName.getText(), `${name}.${memberName}`).toBe("$MulticastDelegate");
          const fnType = member.type.typeArguments?.[0];
          expect(fnType && ts.isFunctionTypeNode(fnType), `${name}.${memberName} signature`).toBe(true);
          expect((fnType as ts.FunctionTypeNode).parameters.map((p) => p.getText())).toEqual(signature(delegate));
        }
      }
    }
  });
});
