/**
 * Tools → HelpshiftTS → Create Login Tester Widget: the built bundle (HelpshiftTS/editor-create-widget) in a bare
 * context, with `require("ue")` answered by stand-ins of the editor scripting API it uses
 * (test/sandbox/editor-scripting.ts: the engine's parameter lists, every argument checked, sealed objects). A call
 * the engine API would refuse (wrong count or types, a property the class lacks) throws there and fails here.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build";
import { TESTER_WIDGET_PATH } from "../../TypeScript/ue/editor/create-widget";
import { loadBundle } from "../support/bare-context";
import { editorScriptingStandIns, type StandInOptions } from "./editor-scripting";

let code = "";

beforeAll(async () => {
  const built = await build({
    outDir: mkdtempSync(join(tmpdir(), "hsts-create-widget-")),
    only: ["editor-create-widget"],
  });
  code = readFileSync(built[0]!.file, "utf8");
}, 60_000);

/** Runs the entry as FHelpshiftTSEditorModule::CreateOrOpenTesterWidget does (FJsEnv::Start, synchronously). */
function run(options: StandInOptions = {}) {
  const engine = editorScriptingStandIns(options);
  const logs: string[] = [];
  const errors: string[] = [];
  loadBundle(
    code,
    { ue: engine.ue },
    {
      console: {
        log: (m: unknown) => logs.push(String(m)),
        info: (m: unknown) => logs.push(String(m)),
        warn: (m: unknown) => errors.push(String(m)),
        error: (m: unknown) => errors.push(String(m)),
      },
    },
  );
  return { engine, logs, errors };
}

describe("the create-widget script against the editor scripting API's stand-ins", () => {
  it("creates /Game/HelpshiftTS/EUW_HelpshiftLoginTester from an Editor Utility Widget factory whose parent is the tester widget, saves it and opens it", () => {
    const { engine, logs, errors } = run();
    expect(errors).toEqual([]);
    expect(engine.calls).toEqual([
      `EditorAssetSubsystem.DoesAssetExist(${TESTER_WIDGET_PATH})`,
      "NewObject(EditorUtilityWidgetBlueprintFactory)",
      "AssetTools.CreateAsset(EUW_HelpshiftLoginTester, /Game/HelpshiftTS, EditorUtilityWidgetBlueprint, EditorUtilityWidgetBlueprintFactory, HelpshiftTS)",
      "EditorAssetSubsystem.SaveLoadedAsset(false)",
      "EditorUtilitySubsystem.SpawnAndRegisterTab",
    ]);
    const asset = engine.assets.get(TESTER_WIDGET_PATH);
    expect(asset?.parentClass?.name).toBe("HelpshiftTSTesterWidget");
    expect(logs.join("\n")).toContain(`created ${TESTER_WIDGET_PATH}`);
    expect(logs.join("\n")).toContain(`opened ${TESTER_WIDGET_PATH}`);
  });

  it("opens the existing asset without creating another", () => {
    const { engine, errors } = run({ existing: [TESTER_WIDGET_PATH] });
    expect(errors).toEqual([]);
    expect(engine.calls).toEqual([
      `EditorAssetSubsystem.DoesAssetExist(${TESTER_WIDGET_PATH})`,
      `EditorAssetSubsystem.LoadAsset(${TESTER_WIDGET_PATH})`,
      "EditorUtilitySubsystem.SpawnAndRegisterTab",
    ]);
  });

  it("says why when the tester class is not loaded or the asset cannot be made, and never throws into the editor", () => {
    const missing = run({ withoutTesterClass: true });
    expect(missing.errors.join("\n")).toContain("HelpshiftTSTesterWidget is not loaded");
    expect(missing.engine.calls.some((c) => c.startsWith("AssetTools.CreateAsset"))).toBe(false);
    const refused = run({ createFails: true });
    expect(refused.errors.join("\n")).toContain(`could not create ${TESTER_WIDGET_PATH}`);
    expect(refused.engine.calls.some((c) => c.startsWith("EditorUtilitySubsystem"))).toBe(false);
  });

  it("the stand-ins are not a blank cheque: wrong counts, types and unknown properties throw", () => {
    const { ue, classes } = editorScriptingStandIns();
    // biome-ignore lint/suspicious/noExplicitAny: the stand-ins are called as the script calls them, untyped
    const api = ue as Record<string, any>;
    const tools = api.AssetToolsHelpers.GetAssetTools();
    const factory = api.NewObject(classes.EditorUtilityWidgetBlueprintFactory);
    expect(() => tools.CreateAsset("A", "/Game/X", classes.EditorUtilityWidgetBlueprint)).toThrow(/arguments/);
    expect(() => tools.CreateAsset("A", "/Game/X", "EditorUtilityWidgetBlueprint", factory)).toThrow(/wrong type/);
    expect(() => tools.CreateAsset("A", "/Game/X", classes.EditorUtilityWidgetBlueprint, factory, "c", 1)).toThrow(
      /arguments/,
    );
    expect(() => {
      factory.ParentWidgetClass = classes.HelpshiftTSTesterWidget;
    }).toThrow();
    const subsystems = api.EditorSubsystemBlueprintLibrary;
    expect(() => subsystems.GetEditorSubsystem("EditorAssetSubsystem")).toThrow(/wrong type/);
    const assets = subsystems.GetEditorSubsystem(classes.EditorAssetSubsystem);
    expect(() => assets.DoesAssetExist()).toThrow(/arguments/);
    expect(() => assets.SaveLoadedAsset("path")).toThrow(/wrong type/);
    const utilities = subsystems.GetEditorSubsystem(classes.EditorUtilitySubsystem);
    expect(() => utilities.SpawnAndRegisterTab(factory)).toThrow(/wrong type/);
    // Puerts' ue is lazy: nothing is listed before it is read.
    expect(Object.keys(ue)).not.toContain("EditorUtilityWidgetBlueprintFactory");
  });
});
