/**
 * Stand-ins of the engine's editor scripting API as Puerts exposes it to the create-widget script: exactly the
 * classes and members the script may use, each function with the engine's parameter list (read in the engine
 * sources; file names below) and a check of every argument's count and type, so a call the real API would refuse
 * (a missing or extra argument, a string where a UClass goes, a property the class does not have) throws here.
 * Objects are sealed: writing a property the engine class lacks throws too. Everything done is recorded.
 *
 * Signatures (UE 5.x):
 * - UEditorSubsystemBlueprintLibrary::GetEditorSubsystem(TSubclassOf<UEditorSubsystem> Class)
 *   — Editor/UnrealEd/Public/Subsystems/EditorSubsystemBlueprintLibrary.h
 * - UEditorAssetSubsystem::DoesAssetExist(const FString& AssetPath), LoadAsset(const FString& AssetPath),
 *   SaveLoadedAsset(UObject* AssetToSave, bool bOnlyIfIsDirty = true) — Editor/UnrealEd/Public/Subsystems/EditorAssetSubsystem.h
 * - UAssetToolsHelpers::GetAssetTools() → TScriptInterface<IAssetTools>; IAssetTools::CreateAsset(const FString&
 *   AssetName, const FString& PackagePath, UClass* AssetClass, UFactory* Factory, FName CallingContext = NAME_None)
 *   — Developer/AssetTools/Public/IAssetTools.h
 * - UEditorUtilityWidgetBlueprintFactory: UPROPERTY BlueprintType, ParentClass (TSubclassOf<UUserWidget>)
 *   — Editor/Blutility/Classes/EditorUtilityWidgetBlueprintFactory.h
 * - UEditorUtilitySubsystem::SpawnAndRegisterTab(UEditorUtilityWidgetBlueprint* InBlueprint),
 *   SpawnAndRegisterTabAndGetID(UEditorUtilityWidgetBlueprint*, FName& NewTabID), FindUtilityWidgetFromBlueprint(...)
 *   — Editor/Blutility/Public/EditorUtilitySubsystem.h
 * - Puerts: NewObject(Cls: Class, Outer?: Object, Name?: string, ObjectFlags?: number) and X.StaticClass() — ue.d.ts
 *
 * @example
 * const engine = editorScriptingStandIns({ existing: [] });
 * loadBundle(code, { ue: engine.ue });
 * engine.calls // ["EditorAssetSubsystem.DoesAssetExist(/Game/...)", ...]
 */
import { lazyUE } from "./lazy-ue";

/** A reflected UClass: its name and the class it derives from. */
export class StandInClass {
  constructor(
    readonly name: string,
    readonly parent: StandInClass | undefined,
    readonly make: () => StandInObject,
  ) {}
  isChildOf(other: StandInClass): boolean {
    for (let c: StandInClass | undefined = this; c; c = c.parent) if (c === other) return true;
    return false;
  }
}

export class StandInObject {
  constructor(readonly uclass: StandInClass) {}
}

type Kind = "string" | "boolean" | "number" | { object: () => StandInClass } | { uclass: () => StandInClass };

function check(fn: string, args: unknown[], params: readonly { kind: Kind; optional?: boolean }[]): void {
  const required = params.filter((p) => !p.optional).length;
  if (args.length < required || args.length > params.length)
    throw new TypeError(`${fn}: takes ${required}..${params.length} arguments, got ${args.length}`);
  args.forEach((arg, i) => {
    const { kind } = params[i]!;
    const ok =
      typeof kind === "string"
        ? typeof arg === kind
        : "object" in kind
          ? arg instanceof StandInObject && arg.uclass.isChildOf(kind.object())
          : arg instanceof StandInClass && arg.isChildOf(kind.uclass());
    if (!ok) throw new TypeError(`${fn}: argument ${i + 1} has the wrong type (${String(arg)})`);
  });
}

/** A sealed object: only the listed properties exist (reads of others are undefined, writes throw). */
function sealed<T extends object>(target: T): T {
  return Object.seal(target);
}

export interface StandInOptions {
  /** Asset paths (package names) that exist already. */
  readonly existing?: readonly string[];
  /** Drop the tester widget class (the editor module not built). */
  readonly withoutTesterClass?: boolean;
  /** CreateAsset answers null (e.g. a read-only folder). */
  readonly createFails?: boolean;
}

export interface EditorScriptingStandIns {
  readonly ue: Record<string, unknown>;
  readonly calls: string[];
  /** Assets made or loaded, by path. */
  readonly assets: Map<string, StandInObject & { parentClass?: StandInClass }>;
  readonly classes: Record<string, StandInClass>;
}

export function editorScriptingStandIns(options: StandInOptions = {}): EditorScriptingStandIns {
  const calls: string[] = [];
  const assets = new Map<string, StandInObject & { parentClass?: StandInClass }>();
  let byName: Record<string, StandInClass> | undefined;
  function classes(): Record<string, StandInClass> {
    if (byName) return byName;
    const object: StandInClass = new StandInClass("Object", undefined, (): StandInObject => new StandInObject(object));
    const plain = (name: string, parent: StandInClass): StandInClass => {
      const c: StandInClass = new StandInClass(name, parent, () => new StandInObject(c));
      return c;
    };
    const editorSubsystem = plain("EditorSubsystem", object);
    const userWidget = plain("UserWidget", object);
    const editorUtilityWidget = plain("EditorUtilityWidget", userWidget);
    const testerWidget = plain("HelpshiftTSTesterWidget", editorUtilityWidget);
    const blueprint = plain("Blueprint", object);
    const widgetBlueprint = plain("WidgetBlueprint", blueprint);
    const euwBlueprint = plain("EditorUtilityWidgetBlueprint", widgetBlueprint);
    const factoryBase = plain("Factory", object);
    const euwFactory: StandInClass = new StandInClass("EditorUtilityWidgetBlueprintFactory", factoryBase, () =>
      sealed(Object.assign(new StandInObject(euwFactory), { BlueprintType: 0, ParentClass: editorUtilityWidget })),
    );
    byName = {
      Object: object,
      EditorSubsystem: editorSubsystem,
      UserWidget: userWidget,
      EditorUtilityWidget: editorUtilityWidget,
      HelpshiftTSTesterWidget: testerWidget,
      Blueprint: blueprint,
      WidgetBlueprint: widgetBlueprint,
      EditorUtilityWidgetBlueprint: euwBlueprint,
      Factory: factoryBase,
      EditorUtilityWidgetBlueprintFactory: euwFactory,
    };
    const assetSubsystem: StandInClass = new StandInClass("EditorAssetSubsystem", editorSubsystem, () =>
      sealed(
        Object.assign(new StandInObject(assetSubsystem), {
          DoesAssetExist(...args: unknown[]) {
            check("EditorAssetSubsystem.DoesAssetExist", args, [{ kind: "string" }]);
            calls.push(`EditorAssetSubsystem.DoesAssetExist(${args[0]})`);
            return assets.has(args[0] as string);
          },
          LoadAsset(...args: unknown[]) {
            check("EditorAssetSubsystem.LoadAsset", args, [{ kind: "string" }]);
            calls.push(`EditorAssetSubsystem.LoadAsset(${args[0]})`);
            return assets.get(args[0] as string) ?? null;
          },
          SaveLoadedAsset(...args: unknown[]) {
            check("EditorAssetSubsystem.SaveLoadedAsset", args, [
              { kind: { object: () => object } },
              { kind: "boolean", optional: true },
            ]);
            calls.push(`EditorAssetSubsystem.SaveLoadedAsset(${args.length > 1 ? String(args[1]) : "default"})`);
            return true;
          },
        }),
      ),
    );
    const utilitySubsystem: StandInClass = new StandInClass("EditorUtilitySubsystem", editorSubsystem, () =>
      sealed(
        Object.assign(new StandInObject(utilitySubsystem), {
          SpawnAndRegisterTab(...args: unknown[]) {
            check("EditorUtilitySubsystem.SpawnAndRegisterTab", args, [{ kind: { object: () => euwBlueprint } }]);
            calls.push("EditorUtilitySubsystem.SpawnAndRegisterTab");
            const made = args[0] as StandInObject & { parentClass?: StandInClass };
            return new StandInObject(made.parentClass ?? editorUtilityWidget);
          },
          SpawnAndRegisterTabAndGetID(...args: unknown[]) {
            check("EditorUtilitySubsystem.SpawnAndRegisterTabAndGetID", args, [
              { kind: { object: () => euwBlueprint } },
              { kind: { object: () => object } },
            ]);
            return null;
          },
          FindUtilityWidgetFromBlueprint(...args: unknown[]) {
            check("EditorUtilitySubsystem.FindUtilityWidgetFromBlueprint", args, [
              { kind: { object: () => euwBlueprint } },
            ]);
            return null;
          },
        }),
      ),
    );
    byName.EditorAssetSubsystem = assetSubsystem;
    byName.EditorUtilitySubsystem = utilitySubsystem;
    return byName;
  }
  const c = classes();
  for (const path of options.existing ?? []) assets.set(path, new StandInObject(c.EditorUtilityWidgetBlueprint!));
  const subsystemInstances = new Map<StandInClass, StandInObject>();
  const assetTools = sealed({
    CreateAsset(...args: unknown[]) {
      check("AssetTools.CreateAsset", args, [
        { kind: "string" },
        { kind: "string" },
        { kind: { uclass: () => c.Object! } },
        { kind: { object: () => c.Factory! } },
        { kind: "string", optional: true },
      ]);
      const [name, packagePath, assetClass, factory] = args as [string, string, StandInClass, StandInObject];
      calls.push(
        `AssetTools.CreateAsset(${name}, ${packagePath}, ${assetClass.name}, ${factory.uclass.name}, ${args[4]})`,
      );
      if (options.createFails) return null;
      // UEditorUtilityWidgetBlueprintFactory::FactoryCreateNew: only for an Editor Utility Widget Blueprint, and a
      // parent class that derives from UUserWidget.
      if (!assetClass.isChildOf(c.EditorUtilityWidgetBlueprint!)) throw new Error("FactoryCreateNew: check failed");
      const parent = (factory as unknown as { ParentClass: StandInClass | null }).ParentClass;
      if (!parent?.isChildOf(c.UserWidget!)) return null;
      const made = Object.assign(new StandInObject(c.EditorUtilityWidgetBlueprint!), { parentClass: parent });
      assets.set(`${packagePath}/${name}`, made);
      return made;
    },
  });
  const api: Record<string, unknown> = {
    NewObject(...args: unknown[]) {
      check("NewObject", args, [
        { kind: { uclass: () => c.Object! } },
        { kind: { object: () => c.Object! }, optional: true },
        { kind: "string", optional: true },
        { kind: "number", optional: true },
      ]);
      calls.push(`NewObject(${(args[0] as StandInClass).name})`);
      return (args[0] as StandInClass).make();
    },
    EditorSubsystemBlueprintLibrary: sealed({
      GetEditorSubsystem(...args: unknown[]) {
        check("EditorSubsystemBlueprintLibrary.GetEditorSubsystem", args, [
          { kind: { uclass: () => c.EditorSubsystem! } },
        ]);
        const cls = args[0] as StandInClass;
        if (!subsystemInstances.has(cls)) subsystemInstances.set(cls, cls.make());
        return subsystemInstances.get(cls);
      },
    }),
    AssetToolsHelpers: sealed({
      GetAssetTools(...args: unknown[]) {
        check("AssetToolsHelpers.GetAssetTools", args, []);
        return assetTools;
      },
    }),
  };
  for (const [name, cls] of Object.entries(c)) {
    if (name === "HelpshiftTSTesterWidget" && options.withoutTesterClass) continue;
    api[name] = sealed({
      StaticClass(...args: unknown[]) {
        check(`${name}.StaticClass`, args, []);
        return cls;
      },
    });
  }
  return { ue: lazyUE(api), calls, assets, classes: c };
}
