/**
 * Tools → HelpshiftTS → Create Login Tester Widget: creates the Editor Utility Widget Blueprint
 * /Game/HelpshiftTS/EUW_HelpshiftLoginTester derived from UHelpshiftTSTesterWidget (or loads it when it exists)
 * and opens it in a tab, with the engine's own editor scripting API reached through Puerts' reflection. Pure: the
 * `ue` module comes in as a parameter (the entry passes Puerts' `require("ue")`), so tests run it against
 * stand-ins of exactly these classes with the engine's signatures.
 *
 * The engine API used, as declared in the engine's sources (UE 5.x):
 * - `UEditorSubsystemBlueprintLibrary::GetEditorSubsystem(TSubclassOf<UEditorSubsystem>)`
 *   (Editor/UnrealEd/Public/Subsystems/EditorSubsystemBlueprintLibrary.h)
 * - `UEditorAssetSubsystem::DoesAssetExist(const FString&)`, `LoadAsset(const FString&)`,
 *   `SaveLoadedAsset(UObject*, bool bOnlyIfIsDirty = true)` (Editor/UnrealEd/Public/Subsystems/EditorAssetSubsystem.h)
 * - `UAssetToolsHelpers::GetAssetTools()` and `IAssetTools::CreateAsset(const FString& AssetName,
 *   const FString& PackagePath, UClass* AssetClass, UFactory* Factory, FName CallingContext = NAME_None)`
 *   (Developer/AssetTools/Public/IAssetTools.h)
 * - `UEditorUtilityWidgetBlueprintFactory::ParentClass` (`TSubclassOf<UUserWidget>`;
 *   Editor/Blutility/Classes/EditorUtilityWidgetBlueprintFactory.h); its FactoryCreateNew gives the Blueprint an
 *   empty Canvas Panel root (or none), which UHelpshiftTSTesterWidget fills with its default layout at run time.
 * - `UEditorUtilitySubsystem::SpawnAndRegisterTab(UEditorUtilityWidgetBlueprint*)`
 *   (Editor/Blutility/Public/EditorUtilitySubsystem.h)
 * - Puerts: `NewObject(Cls, Outer?, Name?, ObjectFlags?)` and `X.StaticClass()` (Puerts' ue.d.ts).
 *
 * @example
 * createOrOpenTesterWidget(require("ue"), console); // { created: true, opened: true, path: "/Game/..." }
 */

/** Where the widget lives and what it derives from (C++: UHelpshiftTSTesterWidget in HelpshiftTSEditor). */
export const TESTER_WIDGET_ASSET = {
  packagePath: "/Game/HelpshiftTS",
  assetName: "EUW_HelpshiftLoginTester",
  /** The base class as Puerts names it (the `U` prefix dropped). */
  parentClass: "HelpshiftTSTesterWidget",
  /** Passed to the factory as CreateAsset's CallingContext. */
  callingContext: "HelpshiftTS",
} as const;

/** The package name (`/Game/HelpshiftTS/EUW_HelpshiftLoginTester`), an asset path the asset subsystem takes. */
export const TESTER_WIDGET_PATH = `${TESTER_WIDGET_ASSET.packagePath}/${TESTER_WIDGET_ASSET.assetName}`;

/** A reflected class as Puerts gives it: its `StaticClass()`. */
export interface ReflectedClass<Instance = unknown> {
  StaticClass(): UClassRef;
  readonly prototype?: Instance;
}
/** A `UClass*` (opaque here). */
export interface UClassRef {
  readonly __uclass?: never;
}
/** A `UObject*` (opaque here). */
export interface UObjectRef {
  readonly __uobject?: never;
}

export interface EditorAssetSubsystem extends UObjectRef {
  DoesAssetExist(AssetPath: string): boolean;
  LoadAsset(AssetPath: string): UObjectRef | null | undefined;
  SaveLoadedAsset(AssetToSave: UObjectRef, bOnlyIfIsDirty?: boolean): boolean;
}
export interface EditorUtilitySubsystem extends UObjectRef {
  SpawnAndRegisterTab(InBlueprint: UObjectRef): UObjectRef | null | undefined;
}
export interface AssetTools extends UObjectRef {
  CreateAsset(
    AssetName: string,
    PackagePath: string,
    AssetClass: UClassRef,
    Factory: UObjectRef,
    CallingContext?: string,
  ): UObjectRef | null | undefined;
}
export interface EditorUtilityWidgetBlueprintFactory extends UObjectRef {
  ParentClass: UClassRef | null;
}

/** The part of Puerts' `ue` module the script reads (each read when used: `ue` is a lazy Proxy). */
export interface EditorScriptingUE {
  NewObject(Cls: UClassRef, Outer?: UObjectRef, Name?: string, ObjectFlags?: number): UObjectRef;
  readonly EditorSubsystemBlueprintLibrary: {
    GetEditorSubsystem(Class: UClassRef): UObjectRef | null | undefined;
  };
  readonly AssetToolsHelpers: { GetAssetTools(): AssetTools };
  readonly EditorAssetSubsystem: ReflectedClass<EditorAssetSubsystem>;
  readonly EditorUtilitySubsystem: ReflectedClass<EditorUtilitySubsystem>;
  readonly EditorUtilityWidgetBlueprint: ReflectedClass;
  readonly EditorUtilityWidgetBlueprintFactory: ReflectedClass<EditorUtilityWidgetBlueprintFactory>;
  readonly HelpshiftTSTesterWidget?: ReflectedClass;
}

export interface ScriptLog {
  log(message: string): void;
  error(message: string): void;
}

export interface CreateWidgetResult {
  readonly path: string;
  /** True when the asset was made now (false: it existed and was loaded). */
  readonly created: boolean;
  /** True when a tab shows it. */
  readonly opened: boolean;
  /** Why it failed, when it did. */
  readonly error?: string;
}

/**
 * Creates (when absent) and opens the tester widget. Every failure is reported in the result and logged; it
 * never throws into the editor.
 */
export function createOrOpenTesterWidget(ue: EditorScriptingUE, log: ScriptLog): CreateWidgetResult {
  const path = TESTER_WIDGET_PATH;
  const fail = (error: string, created = false): CreateWidgetResult => {
    log.error(`HelpshiftTS: ${error}`);
    return { path, created, opened: false, error };
  };
  try {
    const subsystems = ue.EditorSubsystemBlueprintLibrary;
    const assets = subsystems.GetEditorSubsystem(ue.EditorAssetSubsystem.StaticClass()) as
      | EditorAssetSubsystem
      | null
      | undefined;
    const utilities = subsystems.GetEditorSubsystem(ue.EditorUtilitySubsystem.StaticClass()) as
      | EditorUtilitySubsystem
      | null
      | undefined;
    if (!assets || !utilities) return fail("the editor's asset or utility subsystem is not available");

    let blueprint: UObjectRef | null | undefined;
    let created = false;
    if (assets.DoesAssetExist(path)) {
      blueprint = assets.LoadAsset(path);
      if (!blueprint) return fail(`${path} exists but did not load`);
    } else {
      const parent = ue.HelpshiftTSTesterWidget;
      if (!parent)
        return fail("the class HelpshiftTSTesterWidget is not loaded: is the HelpshiftTSEditor module built?");
      const factory = ue.NewObject(
        ue.EditorUtilityWidgetBlueprintFactory.StaticClass(),
      ) as EditorUtilityWidgetBlueprintFactory;
      factory.ParentClass = parent.StaticClass();
      blueprint = ue.AssetToolsHelpers.GetAssetTools().CreateAsset(
        TESTER_WIDGET_ASSET.assetName,
        TESTER_WIDGET_ASSET.packagePath,
        ue.EditorUtilityWidgetBlueprint.StaticClass(),
        factory,
        TESTER_WIDGET_ASSET.callingContext,
      );
      if (!blueprint) return fail(`could not create ${path}`);
      created = true;
      if (!assets.SaveLoadedAsset(blueprint, false)) log.error(`HelpshiftTS: created ${path} but could not save it`);
      log.log(`HelpshiftTS: created ${path} (derived from ${TESTER_WIDGET_ASSET.parentClass})`);
    }
    const widget = utilities.SpawnAndRegisterTab(blueprint);
    if (!widget) return fail(`could not open ${path} in a tab`, created);
    log.log(`HelpshiftTS: opened ${path}`);
    return { path, created, opened: true };
  } catch (error) {
    return fail(`creating the tester widget threw: ${String(error)}`);
  }
}
