/**
 * Facts of ENGINE-FACTS that the plugin's files must respect and that no compiler here checks: which platforms
 * Puerts' JsEnv builds on, where a JS engine must not start, and which mobile delegate runs before iOS suspends
 * the game thread. Each is read from the files a build would read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const read = (path: string) => readFileSync(`${ROOT}${path}`, "utf8");
/** Puerts' JsEnv module: `PlatformAllowList` of JsEnv.Build.cs / Puerts.uplugin (ENGINE-FACTS). */
const JSENV_PLATFORMS = ["Android", "IOS", "Linux", "Mac", "Win64"];

interface Descriptor {
  Modules: Array<{ Name: string; Type: string; PlatformAllowList?: string[] }>;
  Plugins: Array<{ Name: string; PlatformAllowList?: string[] }>;
}

describe("the plugin descriptor", () => {
  const descriptor = JSON.parse(read("HelpshiftTS.uplugin")) as Descriptor;

  it("builds the runtime module, and needs Puerts, only where Puerts' JsEnv builds", () => {
    const runtime = descriptor.Modules.find((m) => m.Name === "HelpshiftTS");
    expect([...(runtime?.PlatformAllowList ?? [])].sort()).toEqual(JSENV_PLATFORMS);
    const puerts = descriptor.Plugins.find((p) => p.Name === "Puerts");
    expect([...(puerts?.PlatformAllowList ?? [])].sort()).toEqual(JSENV_PLATFORMS);
  });

  it("builds the editor module only on editor platforms", () => {
    const editor = descriptor.Modules.find((m) => m.Name === "HelpshiftTSEditor");
    expect(editor?.Type).toBe("Editor");
    for (const platform of editor?.PlatformAllowList ?? ["(none)"])
      expect(["Win64", "Mac", "Linux"]).toContain(platform);
  });
});

describe("the subsystem", () => {
  const header = read("Source/HelpshiftTS/Public/HelpshiftTSSubsystem.h");
  const source = read("Source/HelpshiftTS/Private/HelpshiftTSSubsystem.cpp");

  it("is not created on dedicated servers (no JS engine there)", () => {
    expect(header).toMatch(/virtual bool ShouldCreateSubsystem\(UObject\* Outer\) const override;/);
    expect(source).toMatch(/ShouldCreateSubsystem[\s\S]*?IsRunningDedicatedServer\(\)/);
  });

  it("flushes on ApplicationWillDeactivateDelegate, which iOS runs on the game thread before suspending it", () => {
    expect(source).toMatch(
      /ApplicationWillDeactivateDelegate\.AddUObject\(this, &UHelpshiftTSSubsystem::HandleAppBackground\)/,
    );
    expect(source).toMatch(/ApplicationWillDeactivateDelegate\.Remove\(/);
    // On the game thread the command is sent at once: a hop through AsyncTask would run after resume on iOS.
    const background = source.slice(source.indexOf("void UHelpshiftTSSubsystem::HandleAppBackground"));
    expect(background.indexOf("IsInGameThread()")).toBeGreaterThan(-1);
    expect(background.indexOf("IsInGameThread()")).toBeLessThan(background.indexOf("AsyncTask("));
  });

  it("never names Puerts' namespace literally (QuickJS builds call it puerts_qjs)", () => {
    for (const file of [header, source, read("Source/HelpshiftTS/Public/HelpshiftTSModuleLoader.h")]) {
      expect(file).not.toMatch(/\bpuerts::/);
    }
  });
});
