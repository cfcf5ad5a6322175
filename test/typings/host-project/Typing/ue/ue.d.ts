// biome-ignore-all lint/suspicious/noShadowRestrictedNames: Puerts' generator names the UObject class `Object`.
// biome-ignore-all lint/correctness/noUnusedImports: the generator imports `$Ref`, `$Nullable`, `cpp` and `UE` in every file.
/// <reference path="puerts.d.ts" />
/**
 * Fixture: a game project's Typing/ue/ue.d.ts as Puerts' declaration generator (DeclarationGenerator.cpp) writes it,
 * written for HelpshiftTS, for a subset of the engine plus the plugin's reflected types: every class has the
 * generated constructor, `StaticClass`/`Find`/`Load` and its `__tid_<Name>_0__` brand; a `UObject*` parameter
 * without a default is `$Nullable<UE.Object>`; delegate properties are `$MulticastDelegate<(...) => void>`; USTRUCTs
 * have `StaticStruct()`. The Helpshift classes follow Source/HelpshiftTS/Public as the generator would emit them.
 */
declare module "ue" {
  import * as cpp from "cpp";
  import { $Nullable, $Ref } from "puerts";

  import * as UE from "ue";

  class Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    ExecuteUbergraph(EntryPoint: number): void;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): Object;
    static Load(InName: string): Object;

    __tid_Object_0__: boolean;
  }

  class Field extends UE.Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): Field;
    static Load(InName: string): Field;

    __tid_Field_0__: boolean;
  }

  class Struct extends UE.Field {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): Struct;
    static Load(InName: string): Struct;

    __tid_Struct_0__: boolean;
  }

  class Class extends UE.Struct {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): Class;
    static Load(InName: string): Class;

    __tid_Class_0__: boolean;
  }

  class ScriptStruct extends UE.Struct {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): ScriptStruct;
    static Load(InName: string): ScriptStruct;

    __tid_ScriptStruct_0__: boolean;
  }

  class World extends UE.Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): World;
    static Load(InName: string): World;

    __tid_World_0__: boolean;
  }

  class GameInstance extends UE.Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    ReceiveInit(): void;
    ReceiveShutdown(): void;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): GameInstance;
    static Load(InName: string): GameInstance;

    __tid_GameInstance_0__: boolean;
  }

  class BlueprintFunctionLibrary extends UE.Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): BlueprintFunctionLibrary;
    static Load(InName: string): BlueprintFunctionLibrary;

    __tid_BlueprintFunctionLibrary_0__: boolean;
  }

  class BlueprintAsyncActionBase extends UE.Object {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    Activate(): void;
    SetReadyToDestroy(): void;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): BlueprintAsyncActionBase;
    static Load(InName: string): BlueprintAsyncActionBase;

    __tid_BlueprintAsyncActionBase_0__: boolean;
  }

  class CancellableAsyncAction extends UE.BlueprintAsyncActionBase {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    Cancel(): void;
    IsActive(): boolean;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): CancellableAsyncAction;
    static Load(InName: string): CancellableAsyncAction;

    __tid_CancellableAsyncAction_0__: boolean;
  }

  class HelpshiftStringMap {
    constructor();
    constructor(Entries: TMap<string, string>);
    Entries: TMap<string, string>;
    /**
     * @deprecated use StaticStruct instead.
     */
    static StaticClass(): ScriptStruct;
    static StaticStruct(): ScriptStruct;
    __tid_HelpshiftStringMap_0__: boolean;
  }

  class HelpshiftTSLibrary extends UE.BlueprintFunctionLibrary {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static InitFromJson(ParametersJson: string): void;
    static Logout(): void;
    static AddUserIdentities(IdentitiesJWT: string): void;
    static UpdateMasterAttributesFromJson(AttributesJson: string): void;
    static UpdateAppAttributesFromJson(AttributesJson: string): void;
    static ClearAnonymousUserOnLogin(bClear: boolean): void;
    static ProvideIdentityToken(IdentityJWT: string, TokenRequestId: number): void;
    static ProvideIdentityTokenFailed(TokenRequestId: number): void;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): HelpshiftTSLibrary;
    static Load(InName: string): HelpshiftTSLibrary;

    __tid_HelpshiftTSLibrary_0__: boolean;
  }

  class HelpshiftTSLoginAsyncAction extends UE.CancellableAsyncAction {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    OnSuccess: $MulticastDelegate<() => void>;
    OnFailure: $MulticastDelegate<(Reason: string, Errors: UE.HelpshiftStringMap, Detail: string) => void>;
    static LoginWithIdentityFromJson(
      WorldContextObject: $Nullable<UE.Object>,
      IdentityJWT: string,
      LoginConfigJson: string,
    ): UE.HelpshiftTSLoginAsyncAction;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): HelpshiftTSLoginAsyncAction;
    static Load(InName: string): HelpshiftTSLoginAsyncAction;

    __tid_HelpshiftTSLoginAsyncAction_0__: boolean;
  }

  class HelpshiftTSEventAsyncAction extends UE.CancellableAsyncAction {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    OnEvent: $MulticastDelegate<(EventName: string, Data: UE.HelpshiftStringMap) => void>;
    static ListenForHelpshiftEvents(WorldContextObject: $Nullable<UE.Object>): UE.HelpshiftTSEventAsyncAction;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): HelpshiftTSEventAsyncAction;
    static Load(InName: string): HelpshiftTSEventAsyncAction;

    __tid_HelpshiftTSEventAsyncAction_0__: boolean;
  }

  class KismetSystemLibrary extends UE.BlueprintFunctionLibrary {
    constructor(Outer?: Object, Name?: string, ObjectFlags?: number);
    static GetDisplayName(Object: $Nullable<UE.Object>): string;
    static GetPlatformUserName(): string;
    static ParseParamValue(InString: string, InParam: string, OutValue: $Ref<string>): boolean;
    static StaticClass(): Class;
    static Find(OrigInName: string, Outer?: Object): KismetSystemLibrary;
    static Load(InName: string): KismetSystemLibrary;

    __tid_KismetSystemLibrary_0__: boolean;
  }
}
