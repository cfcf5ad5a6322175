/**
 * Reads the reflected surface of the plugin's C++ headers: per UCLASS, its UFUNCTIONs (name, static, return
 * type, parameters) and its delegate UPROPERTYs with the delegate's signature from DECLARE_DYNAMIC_*.
 * A regex reader, sufficient for headers written in this project's style (one declaration per line).
 *
 * @example
 * const bridge = readReflectedClasses(["Source/HelpshiftTS/Public"]).get("UHelpshiftTSBridge");
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface CppParameter {
  readonly type: string;
  readonly name: string;
}
export interface CppFunction {
  readonly name: string;
  readonly isStatic: boolean;
  readonly returnType: string;
  readonly parameters: readonly CppParameter[];
}
export interface CppClass {
  readonly name: string;
  readonly functions: Map<string, CppFunction>;
  /** Delegate property name → parameter list of its signature. */
  readonly delegates: Map<string, readonly CppParameter[]>;
}

/** Splits a parameter list at top-level commas (not inside `<>`). */
export function splitParameters(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "<") depth++;
    if (ch === ">") depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function parameter(text: string): CppParameter {
  const match = /^(.*?)([A-Za-z_]\w*)$/.exec(text.replace(/\s*=.*$/, "").trim());
  if (!match) throw new Error(`cannot read parameter: ${text}`);
  return { type: match[1]!.replace(/\s+/g, " ").trim(), name: match[2]! };
}

function delegateSignatures(text: string): Map<string, CppParameter[]> {
  const out = new Map<string, CppParameter[]>();
  const macro = /DECLARE_DYNAMIC_(?:MULTICAST_)?DELEGATE(?:_\w+)?\(([^;]*)\);/g;
  for (const match of text.matchAll(macro)) {
    const [name, ...rest] = splitParameters(match[1]!);
    const parameters: CppParameter[] = [];
    for (let i = 0; i + 1 < rest.length; i += 2) parameters.push({ type: rest[i]!, name: rest[i + 1]! });
    out.set(name!, parameters);
  }
  return out;
}

/** Every UCLASS in the headers of `dirs`, by C++ name (with its `U` prefix). */
export function readReflectedClasses(dirs: readonly string[]): Map<string, CppClass> {
  const texts = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith(".h"))
      .map((n) => readFileSync(join(dir, n), "utf8")),
  );
  const signatures = new Map<string, CppParameter[]>();
  for (const text of texts) for (const [k, v] of delegateSignatures(text)) signatures.set(k, v);
  const classes = new Map<string, CppClass>();
  for (const text of texts) {
    const lines = text.split("\n");
    let current: CppClass | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const declaration = /^class\s+\w+_API\s+(U\w+)\s*:/.exec(line);
      if (declaration) {
        current = { name: declaration[1]!, functions: new Map(), delegates: new Map() };
        classes.set(current.name, current);
        continue;
      }
      if (!current) continue;
      if (/^\s*UFUNCTION\(/.test(line)) {
        let next = "";
        for (let j = i + 1; j < lines.length; j++) {
          next += ` ${lines[j]!.trim()}`;
          if (/[;{]/.test(lines[j]!)) break;
        }
        next = next.trim().replace(/\(\s+/g, "(");
        const fn =
          /^(static\s+|virtual\s+)?(.+?)\s+([A-Za-z_]\w*)\((.*)\)\s*(?:const\s*)?(?:override\s*)?(?:;|\{.*)$/.exec(
            next,
          );
        if (!fn) throw new Error(`cannot read UFUNCTION declaration: ${next}`);
        current.functions.set(fn[3]!, {
          name: fn[3]!,
          isStatic: (fn[1] ?? "").trim() === "static",
          returnType: fn[2]!.trim(),
          parameters: splitParameters(fn[4]!).map(parameter),
        });
      }
      if (/^\s*UPROPERTY\(/.test(line)) {
        const prop = /^\s*(F\w+)\s+(\w+);/.exec(lines[i + 1]!);
        const signature = prop ? signatures.get(prop[1]!) : undefined;
        if (prop && signature) current.delegates.set(prop[2]!, signature);
      }
    }
  }
  return classes;
}

/** The TypeScript type Puerts gives a C++ parameter or return type, as Typing/ue spells it. */
export function puertsType(cppType: string): string {
  const t = cppType.replace(/\s+/g, " ").trim();
  const table: Record<string, string> = {
    void: "void",
    bool: "boolean",
    int32: "number",
    double: "number",
    FString: "string",
    "const FString&": "string",
    "FString&": "$Ref<string>",
    "UObject*": "Object",
    "const FHelpshiftStringMap&": "HelpshiftStringMap",
    FHelpshiftIdentityState: "HelpshiftIdentityState",
    "const FHelpshiftIdentityState&": "HelpshiftIdentityState",
  };
  if (t in table) return table[t]!;
  const pointer = /^U(\w+)\*$/.exec(t);
  if (pointer) return pointer[1]!;
  throw new Error(`no Puerts mapping for C++ type ${t}`);
}
