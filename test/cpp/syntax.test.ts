/**
 * Every Source/ .cpp compiles (`g++ -std=c++20 -fsyntax-only`) against test/cpp/engine: headers declaring only
 * the engine and Puerts API the bridge uses, with the engine's signatures. No Unreal Engine runs here; this
 * proves the bridge's calls, overloads and types are well-formed. g++ is required: a missing compiler fails.
 * Shadowing is an error (`-Werror=shadow`) because a game's build may make it one: a module or target rule can set
 * `ShadowVariableWarningLevel = WarningLevel.Error` (UnrealBuildTool `ModuleRules`; many projects do), and a
 * plugin is compiled with the game's settings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedHeaders } from "./uht";

const ROOT = new URL("../..", import.meta.url).pathname;
const ENGINE = join(ROOT, "test/cpp/engine");
const MODULES = ["HelpshiftTS", "HelpshiftTSEditor"];
const headerDirs = MODULES.flatMap((m) => [join(ROOT, "Source", m, "Public"), join(ROOT, "Source", m, "Private")]);
let generatedDir = "";

function compile(file: string, defines: readonly string[] = []) {
  const includes = [ENGINE, generatedDir, ...headerDirs].flatMap((dir) => ["-I", dir]);
  const result = spawnSync(
    "g++",
    ["-std=c++20", "-fsyntax-only", "-Wall", "-Wno-unused", "-Werror=shadow", ...defines, ...includes, file],
    {
      encoding: "utf8",
    },
  );
  return { status: result.status, error: result.error, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

const sources = MODULES.flatMap((m) =>
  readdirSync(join(ROOT, "Source", m, "Private"))
    .filter((n) => n.endsWith(".cpp"))
    .map((n) => join("Source", m, "Private", n)),
);

beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), "hsts-uht-"));
  writeGeneratedHeaders(headerDirs, generatedDir);
});

describe("C++ bridge syntax against the engine API subset", () => {
  it("has g++ (CI installs it; a missing compiler is a failure, not a skip)", () => {
    const version = spawnSync("g++", ["--version"], { encoding: "utf8" });
    expect(version.error).toBeUndefined();
    expect(version.status).toBe(0);
  });

  it("finds the module sources", () => {
    expect(sources.length).toBeGreaterThanOrEqual(10);
  });

  it.each(sources)("%s compiles", (file) => {
    const result = compile(join(ROOT, file));
    expect(result.error).toBeUndefined();
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  // Puerts built with QuickJS and its namespace suffix names its C++ namespace puerts_qjs (PuertsNamespaceDef.h):
  // every file that names a Puerts type must spell it PUERTS_NAMESPACE.
  const namesPuerts = (file: string) => {
    const header = file.replace("/Private/", "/Public/").replace(/\.cpp$/, ".h");
    const texts = [file, header, file.replace(/\.cpp$/, ".h")].map((f) => {
      try {
        return readFileSync(join(ROOT, f), "utf8");
      } catch {
        return "";
      }
    });
    return texts.some((text) => /puerts|JsEnv\.h|JSModuleLoader\.h/i.test(text));
  };
  const puertsUsers = sources.filter(namesPuerts);
  it("finds the sources that name Puerts types", () => expect(puertsUsers.length).toBeGreaterThanOrEqual(3));
  it.each(puertsUsers)("%s compiles against a QuickJS Puerts (PUERTS_NAMESPACE=puerts_qjs)", (file) => {
    const result = compile(join(ROOT, file), ["-DPUERTS_NAMESPACE=puerts_qjs"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("rejects a wrong call, so the engine headers are not a blank cheque", () => {
    const probe = join(generatedDir, "probe.cpp");
    writeFileSync(
      probe,
      ['#include "HttpModule.h"', "void Probe() { FHttpModule::Get().CreateRequest()->SetURL(42); }"].join("\n"),
    );
    expect(compile(probe).status).not.toBe(0);
  });

  it("rejects a TMap inside a dynamic delegate macro, as the engine's preprocessor does", () => {
    const probe = join(generatedDir, "probe-map.cpp");
    writeFileSync(
      probe,
      '#include "CoreMinimal.h"\nDECLARE_DYNAMIC_DELEGATE_OneParam(FProbe, const TMap<FString, FString>&, Map);\n',
    );
    expect(compile(probe).status).not.toBe(0);
  });
});
