/**
 * Generates the Puerts-like reflection glue of the harness (test/engine) from the plugin's headers: for every
 * UCLASS in Source/HelpshiftTS/Public and Source/HelpshiftTSEditor/Public, a JS class whose methods are exactly
 * its UFUNCTIONs and whose delegate UPROPERTYs are Puerts delegate objects; for every USTRUCT whose UPROPERTYs
 * convert, a C++ → JS converter. Nothing here is written per function by hand: rename a UFUNCTION in a header
 * and JS sees the new name only. It also refuses (throws: the harness build fails) when Typing/ue declares a
 * member of a reflected class that the C++ lacks (index.d.ts against the runtime's headers, editor.d.ts against
 * the editor module's: every class editor.d.ts declares must exist there), because the TypeScript compiles
 * against Typing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CppParameter, readReflectedClasses, splitParameters } from "../consistency/cpp-reflection";

/** UFUNCTIONs the engine's own base classes declare (UBlueprintAsyncActionBase, UCancellableAsyncAction). */
const ENGINE_FUNCTIONS: Record<string, { name: string; returnType: string }[]> = {
  UBlueprintAsyncActionBase: [
    { name: "Activate", returnType: "void" },
    { name: "SetReadyToDestroy", returnType: "void" },
  ],
  UCancellableAsyncAction: [
    { name: "Cancel", returnType: "void" },
    { name: "IsActive", returnType: "bool" },
  ],
};
const ENGINE_PARENTS: Record<string, string> = { UCancellableAsyncAction: "UBlueprintAsyncActionBase" };

const norm = (t: string) =>
  t
    .replace(/\s+/g, " ")
    .replace(/\s*([&*])/g, "$1")
    .trim();

export interface GeneratedGlue {
  readonly source: string;
  readonly classes: readonly string[];
  /** Class.Function entries whose types the glue does not convert (they throw when called from JS). */
  readonly unsupported: readonly string[];
}

/** A module whose Public headers are reflected, and the Typing file TypeScript compiles against for it. */
interface GlueModule {
  readonly publicDir: string;
  readonly typing: string;
  /** Every class the typing file declares must be a reflected class of this module (not only its members). */
  readonly typingClassesRequired: boolean;
  /** Which of the Public headers the glue includes (the editor's module header is Slate, not modelled). */
  readonly include: (text: string) => boolean;
}

export function generateGlue(
  root: string,
  sourceDir = join(root, "Source/HelpshiftTS"),
  editorDir = join(root, "Source/HelpshiftTSEditor"),
): GeneratedGlue {
  const modules: GlueModule[] = [
    {
      publicDir: join(sourceDir, "Public"),
      typing: "Typing/ue/index.d.ts",
      typingClassesRequired: false,
      include: () => true,
    },
  ];
  if (existsSync(join(editorDir, "Public")))
    modules.push({
      publicDir: join(editorDir, "Public"),
      typing: "Typing/ue/editor.d.ts",
      typingClassesRequired: true,
      include: (text) => /^\s*UCLASS\(/m.test(text),
    });
  const headers: string[] = [];
  const texts: string[] = [];
  for (const module of modules)
    for (const name of readdirSync(module.publicDir)
      .filter((n) => n.endsWith(".h"))
      .sort()) {
      const text = readFileSync(join(module.publicDir, name), "utf8");
      if (!module.include(text)) continue;
      headers.push(name);
      texts.push(text);
    }
  const classes = readReflectedClasses(modules.map((m) => m.publicDir));

  const parents = new Map<string, string>();
  for (const text of texts)
    for (const m of text.matchAll(/^class\s+\w+_API\s+(U\w+)\s*:\s*public\s+(U\w+)/gm)) parents.set(m[1]!, m[2]!);

  const delegates = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(/DECLARE_DYNAMIC_(?:MULTICAST_)?DELEGATE(?:_\w+)?\((\w+)/g)) delegates.add(m[1]!);

  // UENUMs reach JS as their underlying number, as Puerts hands an enum property to JS.
  const enums = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/UENUM\([^)]*\)\s*enum\s+class\s+(E\w+)/g)) enums.add(m[1]!);

  // USTRUCTs: a converter when every UPROPERTY converts.
  const structs = new Map<string, CppParameter[]>();
  for (const text of texts) {
    for (const m of text.matchAll(/USTRUCT\([^)]*\)\s*struct\s+\w+_API\s+(F\w+)\s*\{([\s\S]*?)\n\};/g)) {
      const fields: CppParameter[] = [];
      for (const f of m[2]!.matchAll(/UPROPERTY\([^)]*\)\s*\n\s*([^;=]+?)\s+(\w+)\s*(?:=[^;]*)?;/g))
        fields.push({ type: norm(f[1]!), name: f[2]! });
      structs.set(m[1]!, fields);
    }
  }
  const toJsType = (t: string): boolean => {
    const v = norm(t)
      .replace(/^const /, "")
      .replace(/&$/, "");
    if (
      ["int32", "int64", "bool", "float", "double", "FString", "TMap<FString,FString>"].includes(v.replace(/, /g, ","))
    )
      return true;
    if (enums.has(v)) return true;
    if (/^U\w+\*$/.test(v)) return true;
    return structs.has(v) && convertible.has(v);
  };
  const convertible = new Set<string>();
  for (const [name, fields] of structs) if (fields.length > 0) convertible.add(name);
  for (const [name, fields] of structs) if (!fields.every((f) => toJsType(f.type))) convertible.delete(name);

  const delegateSignature = (name: string): CppParameter[] | undefined => {
    for (const text of texts) {
      const m = new RegExp(`DECLARE_DYNAMIC_(?:MULTICAST_)?DELEGATE(?:_\\w+)?\\((${name})(?:,([^;]*))?\\);`).exec(text);
      if (!m) continue;
      const rest = m[2] ? splitParameters(m[2]) : [];
      const out: CppParameter[] = [];
      for (let i = 0; i + 1 < rest.length; i += 2) out.push({ type: rest[i]!, name: rest[i + 1]! });
      return out;
    }
    return undefined;
  };
  const delegateConverts = (name: string) =>
    (delegateSignature(name) ?? [{ type: "?", name: "" }]).every((p) => toJsType(p.type));

  type Kind = "in" | "out" | "delegate";
  const paramKind = (type: string): { kind: Kind; cpp: string } | undefined => {
    const t = norm(type);
    const plain = t.replace(/^const /, "").replace(/&$/, "");
    if (delegates.has(plain)) return delegateConverts(plain) ? { kind: "delegate", cpp: plain } : undefined;
    if (["int32", "bool", "float", "double", "FString"].includes(plain) || /^U\w+\*$/.test(plain)) {
      if (t.endsWith("&") && !t.startsWith("const ")) return { kind: "out", cpp: plain };
      return { kind: "in", cpp: plain };
    }
    return undefined;
  };
  const returnConverts = (t: string) => norm(t) === "void" || toJsType(t);

  const unsupported: string[] = [];
  const out: string[] = [
    "// GENERATED by test/harness/gen-glue.ts from Source/HelpshiftTS/Public/*.h and Source/HelpshiftTSEditor/Public. Do not edit.",
    '#include "HsJs.h"',
    ...headers.map((h) => `#include "${h}"`),
    "",
    "namespace HsJs {",
  ];
  for (const name of enums) {
    out.push(
      `template <> struct TConv<${name}> {`,
      `  static ${name} FromJs(FEnv* Env, v8::Local<v8::Value> V) { return static_cast<${name}>(V->Int32Value(ContextOf(Env)).FromMaybe(0)); }`,
      `  static v8::Local<v8::Value> ToJs(FEnv* Env, ${name} X) { return v8::Integer::New(IsolateOf(Env), static_cast<int32>(X)); } };`,
    );
  }
  for (const name of convertible) {
    const fields = structs.get(name)!;
    out.push(
      `template <> struct TConv<${name}> { static v8::Local<v8::Value> ToJs(FEnv* Env, const ${name}& X) {`,
      "  v8::Local<v8::Object> Out = NewPlainObject(Env);",
      ...fields.map(
        (f) =>
          `  (void)Out->Set(ContextOf(Env), TConv<FString>::ToJs(Env, FString(TEXT("${f.name}"))), TConv<TPlain<${f.type}>>::ToJs(Env, X.${f.name}));`,
      ),
      "  return Out; } };",
    );
  }
  out.push("}", "", "namespace {");

  const emitted: string[] = [];
  const allClasses = [...classes.values()];
  const engineClasses = Object.keys(ENGINE_FUNCTIONS);
  const jsName = (c: string) => c.replace(/^U/, "");
  for (const engineClass of engineClasses) {
    const members: string[] = [];
    for (const fn of ENGINE_FUNCTIONS[engineClass]!) {
      const id = `F_${engineClass}_${fn.name}`;
      out.push(
        `void ${id}(const v8::FunctionCallbackInfo<v8::Value>& Info) {`,
        "  HsJs::FEnv* Env = HsJs::EnvOf(Info);",
        `  HsJs::Trace("${jsName(engineClass)}", "${fn.name}");`,
        `  auto* Self = dynamic_cast<${engineClass}*>(HsJs::SelfOf(Info));`,
        `  if (!Self) { HsJs::Throw(Env, "${fn.name}: not a ${jsName(engineClass)}"); return; }`,
        fn.returnType === "void"
          ? `  Self->${fn.name}();`
          : `  Info.GetReturnValue().Set(HsJs::TConv<${fn.returnType}>::ToJs(Env, Self->${fn.name}()));`,
        "}",
      );
      members.push(`{"${fn.name}", false, false, &${id}}`);
    }
    const parent = ENGINE_PARENTS[engineClass] ? jsName(ENGINE_PARENTS[engineClass]!) : "";
    out.push(
      `HsJs::FRegister R_${engineClass}(HsJs::FClass{"${jsName(engineClass)}", "${parent}", [](UObject* O) { return dynamic_cast<${engineClass}*>(O) != nullptr; }, {${members.join(", ")}}});`,
    );
  }
  for (const cls of allClasses) {
    const members: string[] = [];
    for (const fn of cls.functions.values()) {
      const id = `F_${cls.name}_${fn.name}`;
      const kinds = fn.parameters.map((p) => paramKind(p.type));
      const body: string[] = [
        `void ${id}(const v8::FunctionCallbackInfo<v8::Value>& Info) {`,
        "  HsJs::FEnv* Env = HsJs::EnvOf(Info);",
        `  HsJs::Trace("${jsName(cls.name)}", "${fn.name}");`,
      ];
      if (kinds.some((k) => !k) || !returnConverts(fn.returnType)) {
        unsupported.push(`${cls.name}.${fn.name}`);
        body.push(
          `  HsJs::Throw(Env, "harness: ${cls.name}::${fn.name} has a parameter type the glue does not convert");`,
          "}",
        );
      } else {
        if (!fn.isStatic)
          body.push(
            `  auto* Self = dynamic_cast<${cls.name}*>(HsJs::SelfOf(Info));`,
            `  if (!Self) { HsJs::Throw(Env, "${fn.name}: not a ${jsName(cls.name)}"); return; }`,
          );
        kinds.forEach((k, i) => {
          if (k!.kind === "out") body.push(`  auto A${i} = HsJs::RefIn<${k!.cpp}>(Env, Info[${i}]);`);
          else body.push(`  auto A${i} = HsJs::Arg<${k!.cpp}>(Env, Info[${i}]);`);
        });
        const call = `${fn.isStatic ? `${cls.name}::` : "Self->"}${fn.name}(${kinds.map((_, i) => `A${i}`).join(", ")})`;
        const ret = norm(fn.returnType);
        body.push(ret === "void" ? `  ${call};` : `  auto R = ${call};`);
        kinds.forEach((k, i) => {
          if (k!.kind === "out") body.push(`  HsJs::RefOut<${k!.cpp}>(Env, Info[${i}], A${i});`);
        });
        if (ret !== "void")
          body.push(`  Info.GetReturnValue().Set(HsJs::TConv<HsJs::TPlain<${fn.returnType}>>::ToJs(Env, R));`);
        body.push("}");
      }
      out.push(...body);
      members.push(`{"${fn.name}", ${fn.isStatic}, false, &${id}}`);
    }
    for (const [prop] of cls.delegates) {
      const text = texts.find((t) => new RegExp(`\\b${prop};`).test(t)) ?? "";
      const type = new RegExp(`(F\\w+)\\s+${prop};`).exec(text)?.[1] ?? "";
      if (!delegateConverts(type)) {
        unsupported.push(`${cls.name}.${prop}`);
        continue;
      }
      const id = `P_${cls.name}_${prop}`;
      out.push(
        `void ${id}(const v8::FunctionCallbackInfo<v8::Value>& Info) {`,
        "  HsJs::FEnv* Env = HsJs::EnvOf(Info);",
        `  auto* Self = dynamic_cast<${cls.name}*>(HsJs::SelfOf(Info));`,
        "  if (!Self) return;",
        `  Info.GetReturnValue().Set(HsJs::PropertyToJs(Env, &Self->${prop}));`,
        "}",
      );
      members.push(`{"${prop}", false, true, &${id}}`);
    }
    const parent = parents.get(cls.name) ?? "";
    const parentJs = classes.has(parent) || engineClasses.includes(parent) ? jsName(parent) : "";
    out.push(
      `HsJs::FRegister R_${cls.name}(HsJs::FClass{"${jsName(cls.name)}", "${parentJs}", [](UObject* O) { return dynamic_cast<${cls.name}*>(O) != nullptr; }, {${members.join(", ")}}});`,
    );
    emitted.push(cls.name);
  }
  out.push("}", "");

  // Typing/ue declares what the TypeScript may call: each of its members of a reflected class must exist in C++.
  const missing: string[] = [];
  for (const module of modules) {
    const typing = readFileSync(join(root, module.typing), "utf8");
    // Declared in this module's headers (members read with every module's delegate signatures).
    const own = readReflectedClasses([module.publicDir]);
    for (const m of typing.matchAll(/^\s*class (\w+) extends Object \{([\s\S]*?)^\s*\}/gm)) {
      const cls = own.has(`U${m[1]}`) ? classes.get(`U${m[1]}`) : undefined;
      if (!cls) {
        if (module.typingClassesRequired) missing.push(`${module.typing}: U${m[1]} (no such UCLASS)`);
        continue;
      }
      missing.push(...missingMembers(cls, m[2]!).map((name) => `${module.typing}: ${cls.name}.${name}`));
    }
  }
  if (missing.length > 0)
    throw new Error(`harness glue: Typing/ue declares members the C++ headers lack: ${missing.join(", ")}`);
  return { source: out.join("\n"), classes: emitted, unsupported };

  function missingMembers(cls: NonNullable<ReturnType<typeof classes.get>>, body: string): string[] {
    const out: string[] = [];
    const inherited = new Set<string>();
    for (let p = parents.get(cls.name); p; p = ENGINE_PARENTS[p] ?? parents.get(p))
      for (const f of ENGINE_FUNCTIONS[p] ?? []) inherited.add(f.name);
    for (const member of body.matchAll(/^ {4}(?:static\s+)?([A-Z]\w*)\s*[(:]/gm)) {
      const name = member[1]!;
      if (!cls.functions.has(name) && !cls.delegates.has(name) && !inherited.has(name)) out.push(name);
    }
    return out;
  }
}
