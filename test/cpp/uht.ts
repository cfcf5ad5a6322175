/**
 * A tiny stand-in for UnrealHeaderTool, for the syntax check only: for each Source header that includes
 * `<Name>.generated.h`, writes that file with what GENERATED_BODY() needs to compile — `Super`, `ThisClass`,
 * `StaticClass()`/`StaticStruct()` — keyed by file and line as UHT keys it (CURRENT_FILE_ID + __LINE__).
 *
 * @example
 * const dir = writeGeneratedHeaders(["Source/HelpshiftTS/Public"], tmp);
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

export interface ReflectedType {
  readonly file: string;
  readonly line: number;
  readonly kind: "class" | "struct";
  readonly name: string;
  readonly base?: string;
}

const DECLARATION =
  /^\s*(class|struct)\s+(?:[A-Z0-9_]+_API\s+)?([A-Za-z_]\w*)\s*(?::\s*public\s+([A-Za-z_][\w:]*))?\s*$/;

/** The UCLASS/USTRUCT types of one header, each with the line of its GENERATED_BODY(). */
export function reflectedTypes(file: string, text: string): ReflectedType[] {
  const lines = text.split("\n");
  const out: ReflectedType[] = [];
  lines.forEach((line, index) => {
    if (!line.includes("GENERATED_BODY()")) return;
    for (let i = index - 1; i >= 0; i--) {
      const match = DECLARATION.exec(lines[i] ?? "");
      if (!match) continue;
      const type: ReflectedType = { file, line: index + 1, kind: match[1] as "class" | "struct", name: match[2]! };
      out.push(match[3] ? { ...type, base: match[3] } : type);
      return;
    }
    throw new Error(`${file}:${index + 1}: GENERATED_BODY() without a class or struct declaration above it`);
  });
  return out;
}

function fileId(file: string): string {
  return `HS_${basename(file, ".h").replace(/\W/g, "_")}_h`;
}

function body(type: ReflectedType): string {
  if (type.kind === "struct") return "static UScriptStruct* StaticStruct();";
  const base = type.base ?? "UObject";
  // The engine's GENERATED_BODY leaves the access specifier private.
  return `public: typedef ${base} Super; typedef ${type.name} ThisClass; static UClass* StaticClass(); private:`;
}

/** Writes `<Name>.generated.h` for every header under `dirs` into `outDir`; returns the types found. */
export function writeGeneratedHeaders(dirs: readonly string[], outDir: string): ReflectedType[] {
  mkdirSync(outDir, { recursive: true });
  const all: ReflectedType[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".h"))) {
      const file = join(dir, name);
      const text = readFileSync(file, "utf8");
      const generated = `${basename(name, ".h")}.generated.h`;
      if (!text.includes(`#include "${generated}"`)) continue;
      const types = reflectedTypes(file, text);
      all.push(...types);
      const id = fileId(file);
      const lines = [
        "#pragma once",
        "#ifdef CURRENT_FILE_ID",
        "#undef CURRENT_FILE_ID",
        "#endif",
        `#define CURRENT_FILE_ID ${id}`,
        ...types.map((t) => `#define ${id}_${t.line}_GENERATED_BODY ${body(t)}`),
        "",
      ];
      writeFileSync(join(outDir, generated), lines.join("\n"));
    }
  }
  return all;
}
