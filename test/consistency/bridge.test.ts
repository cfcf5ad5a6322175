/**
 * The C++ and TypeScript halves agree: the constants header is what gen-cpp makes from the contract now, and
 * every reflected class, UFUNCTION and delegate the TypeScript uses (Typing/ue) exists in the C++ headers with
 * the same parameters, in order, with the types Puerts maps them to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { BUNDLES } from "../../scripts/build";
import { CONSTANTS_HEADER, renderConstantsHeader } from "../../scripts/gen-cpp";
import { LoginFailureReason, LoginFailureReasonConstantName } from "../../TypeScript/contract";
import { BridgeCommand, ENTRY_MODULE, FACADE_MODULE } from "../../TypeScript/ue/commands";
import { puertsType, readReflectedClasses, splitParameters } from "./cpp-reflection";

const ROOT = new URL("../..", import.meta.url).pathname;
const cpp = readReflectedClasses([join(ROOT, "Source/HelpshiftTS/Public")]);

interface TsMember {
  readonly kind: "method" | "delegate";
  readonly isStatic: boolean;
  readonly parameters: Array<{ name: string; type: string }>;
  readonly returnType: string;
}

/** The classes declared in `declare module "ue"` of Typing/ue/index.d.ts, as written. */
function typingClasses(): Map<string, Map<string, TsMember>> {
  const file = join(ROOT, "Typing/ue/index.d.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const out = new Map<string, Map<string, TsMember>>();
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      const members = new Map<string, TsMember>();
      for (const member of node.members) {
        const isStatic = !!ts
          .getModifiers(member as ts.HasModifiers)
          ?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (ts.isMethodDeclaration(member) && member.name) {
          members.set(member.name.getText(), {
            kind: "method",
            isStatic,
            parameters: member.parameters.map((p) => ({ name: p.name.getText(), type: p.type?.getText() ?? "" })),
            returnType: member.type?.getText() ?? "void",
          });
        }
        if (ts.isPropertyDeclaration(member) && member.type && ts.isTypeReferenceNode(member.type)) {
          const fn = member.type.typeArguments?.[0];
          if (fn && ts.isFunctionTypeNode(fn)) {
            members.set(member.name.getText(), {
              kind: "delegate",
              isStatic,
              parameters: fn.parameters.map((p) => ({ name: p.name.getText(), type: p.type?.getText() ?? "" })),
              returnType: "void",
            });
          }
        }
      }
      out.set(node.name.text, members);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** UFUNCTIONs every async action inherits from the engine (UBlueprintAsyncActionBase, UCancellableAsyncAction). */
const INHERITED = new Set(["Activate", "Cancel", "IsActive"]);
const PUERTS_BUILTINS = new Set(["Object", "Class", "TMap", "HelpshiftStringMap"]);
/** USTRUCTs Typing/ue declares as classes (Puerts drops the F): checked field by field below. */
const STRUCTS = new Set(["HelpshiftIdentityState"]);

/** A USTRUCT's UPROPERTYs as `Name: Puerts type` (int64 → bigint, a UENUM → its name, bool/int32/FString as usual). */
function cppStructFields(name: string): string[] {
  const text = readdirSync(join(ROOT, "Source/HelpshiftTS/Public"))
    .filter((n) => n.endsWith(".h"))
    .map((n) => readFileSync(join(ROOT, "Source/HelpshiftTS/Public", n), "utf8"))
    .join("\n");
  const body = new RegExp(`USTRUCT\\([^)]*\\)\\s*struct\\s+\\w+_API\\s+F${name}\\s*\\{([\\s\\S]*?)\\n\\};`).exec(
    text,
  )?.[1];
  if (!body) return [];
  const fields = [...body.matchAll(/UPROPERTY\([^)]*\)\s*\n\s*([^;=]+?)\s+(\w+)\s*(?:=[^;]*)?;/g)];
  return fields.map(([, type, field]) => {
    const t = type!.trim();
    return `${field}: ${t === "int64" ? "bigint" : /^E\w+$/.test(t) ? t : puertsType(t)}`;
  });
}

describe("generated constants", () => {
  it("the committed header is what `npm run gen:cpp` produces from the contract now", () => {
    expect(readFileSync(CONSTANTS_HEADER, "utf8")).toBe(renderConstantsHeader());
  });

  it("names every failure reason with its seed constant and every bridge command", () => {
    const header = readFileSync(CONSTANTS_HEADER, "utf8");
    for (const reason of Object.values(LoginFailureReason)) {
      expect(header).toContain(
        `static FString ${LoginFailureReasonConstantName[reason]}() { return TEXT("${reason}"); }`,
      );
    }
    for (const command of Object.values(BridgeCommand)) expect(header).toContain(`TEXT("${command}")`);
  });
});

describe("Typing/ue against the C++ headers", () => {
  const typing = typingClasses();

  it("declares the plugin's reflected classes", () => {
    const declared = [...typing.keys()].filter((name) => !PUERTS_BUILTINS.has(name) && !STRUCTS.has(name));
    expect(declared.sort()).toEqual([
      "HelpshiftTSBridge",
      "HelpshiftTSEventAsyncAction",
      "HelpshiftTSIdentityStateAsyncAction",
      "HelpshiftTSLibrary",
      "HelpshiftTSLoginAsyncAction",
    ]);
  });

  it("declares each USTRUCT with the C++ UPROPERTYs, in order, as Puerts maps them", () => {
    const file = join(ROOT, "Typing/ue/index.d.ts");
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const declared = new Map<string, string[]>();
    const visit = (node: ts.Node) => {
      if (ts.isClassDeclaration(node) && node.name && STRUCTS.has(node.name.text))
        declared.set(
          node.name.text,
          node.members.filter(ts.isPropertyDeclaration).map((m) => `${m.name.getText()}: ${m.type?.getText()}`),
        );
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const name of STRUCTS) {
      expect(cppStructFields(name).length, `F${name}`).toBeGreaterThan(0);
      expect(declared.get(name), name).toEqual(cppStructFields(name));
    }
  });

  it("declares each UENUM with the C++ enumerators, in order (a UENUM reaches JS as its value)", () => {
    const header = readFileSync(join(ROOT, "Source/HelpshiftTS/Public/HelpshiftTSIdentityState.h"), "utf8");
    const cppNames = [
      ...(/enum class EHelpshiftIdentityState : uint8\s*\{([\s\S]*?)\};/.exec(header)?.[1] ?? "").matchAll(
        /^\s*(\w+),/gm,
      ),
    ].map((m) => m[1]);
    const typingText = readFileSync(join(ROOT, "Typing/ue/index.d.ts"), "utf8");
    const tsEnum = /enum EHelpshiftIdentityState \{([\s\S]*?)\}/.exec(typingText)?.[1] ?? "";
    const tsNames = [...tsEnum.matchAll(/(\w+) = (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(cppNames.length).toBe(6);
    expect(tsNames).toEqual(cppNames.map((n, i) => [n, i]));
  });

  for (const [tsName, members] of typingClasses()) {
    if (PUERTS_BUILTINS.has(tsName) || STRUCTS.has(tsName)) continue;
    it(`U${tsName}: every member TypeScript uses exists in C++ with the same parameters`, () => {
      const cppClass = cpp.get(`U${tsName}`);
      expect(cppClass, `U${tsName} in Source/HelpshiftTS/Public`).toBeDefined();
      for (const [name, member] of members) {
        if (member.kind === "delegate") {
          const signature = cppClass!.delegates.get(name);
          expect(signature, `${tsName}.${name} delegate`).toBeDefined();
          expect(
            member.parameters.map((p) => p.type),
            `${tsName}.${name}`,
          ).toEqual(signature!.map((p) => puertsType(p.type)));
          continue;
        }
        if (INHERITED.has(name)) {
          expect(member.parameters).toEqual([]);
          continue;
        }
        const fn = cppClass!.functions.get(name);
        expect(fn, `${tsName}.${name} UFUNCTION`).toBeDefined();
        expect(member.isStatic, `${tsName}.${name} static`).toBe(fn!.isStatic);
        expect(
          member.parameters.map((p) => p.type),
          `${tsName}.${name} parameters`,
        ).toEqual(fn!.parameters.map((p) => puertsType(p.type)));
        expect(
          member.parameters.map((p) => p.name),
          `${tsName}.${name} parameter names`,
        ).toEqual(fn!.parameters.map((p) => p.name));
        expect(member.returnType, `${tsName}.${name} return`).toBe(puertsType(fn!.returnType));
      }
    });
  }

  it("the bridge exposes to TypeScript exactly the UFUNCTIONs Typing declares (no unused, no missing)", () => {
    const bridge = cpp.get("UHelpshiftTSBridge")!;
    const declared = [...typing.get("HelpshiftTSBridge")!.entries()].filter(([, m]) => m.kind === "method");
    expect(declared.map(([n]) => n).sort()).toEqual([...bridge.functions.keys()].sort());
  });

  it("reads parameter lists with template commas correctly", () => {
    expect(splitParameters("const TMap<FString, FString>& A, int32 B")).toEqual([
      "const TMap<FString, FString>& A",
      "int32 B",
    ]);
  });
});

describe("module names against the build", () => {
  it("the module the subsystem starts and the facade gameplay requires are bundles `npm run build` writes", () => {
    for (const module of [ENTRY_MODULE, FACADE_MODULE]) {
      const [folder, name] = module.split("/");
      expect(folder).toBe("HelpshiftTS");
      expect(Object.keys(BUNDLES)).toContain(name);
    }
  });
});
