/**
 * The subset of Puerts' `ue` module that HelpshiftTS uses: the container and delegate shapes of Puerts' own
 * typings (unreal/Puerts/Typing/ue/puerts.d.ts) and the plugin's reflected classes, named as Puerts exposes
 * them (the `U` prefix dropped). Every method here is a UFUNCTION in Source/HelpshiftTS/Public; the
 * consistency test (test/consistency) fails when the two disagree.
 *
 * @example
 * import * as UE from "ue";
 * UE.HelpshiftTSLibrary.Logout();
 */
declare module "ue" {
  import type { $Ref } from "puerts";

  type ArgumentTypes<T> = T extends (...args: infer U) => unknown ? U : never;

  interface $Delegate<T extends (...args: never[]) => unknown> {
    Bind(fn: T): void;
    Unbind(): void;
    IsBound(): boolean;
    Execute(...a: ArgumentTypes<T>): ReturnType<T>;
  }

  interface $MulticastDelegate<T extends (...args: never[]) => unknown> {
    Add(fn: T): void;
    Remove(fn: T): void;
    Broadcast(...a: ArgumentTypes<T>): ReturnType<T>;
    Clear(): void;
  }

  class TMap<TKey, TValue> {
    Num(): number;
    Add(Key: TKey, Value: TValue): void;
    Get(Key: TKey): TValue | undefined;
    Set(Key: TKey, Value: TValue): void;
    Remove(Key: TKey): void;
    GetMaxIndex(): number;
    IsValidIndex(Index: number): boolean;
    GetKey(Index: number): TKey;
    Empty(): void;
  }

  // biome-ignore lint/suspicious/noShadowRestrictedNames: Puerts exposes the UObject base class as UE.Object.
  class Object {
    GetName(): string;
  }

  class Class extends Object {}

  /** FHelpshiftStringMap: a string map wrapped so it can cross a dynamic delegate. */
  class HelpshiftStringMap {
    Entries: TMap<string, string>;
  }

  /** UHelpshiftTSBridge: what the subsystem's JsEnv sees (argv "Bridge"). */
  class HelpshiftTSBridge extends Object {
    OnCommand: $Delegate<(RequestId: number, Command: string, PayloadJson: string) => void>;
    NotifyReady(): void;
    SucceedLogin(RequestId: number): void;
    FailLogin(RequestId: number, Reason: string, ErrorsJson: string, Detail: string): void;
    CompleteRequest(RequestId: number): void;
    EmitEvent(EventName: string, DataJson: string): void;
    RequestIdentityToken(TokenRequestId: number, Reason: string): void;
    PublishIdentityState(StateJson: string): void;
    SendHttpRequest(RequestId: number, Method: string, Url: string, HeadersJson: string, Body: string): void;
    LoadValue(Key: string, Value: $Ref<string>): boolean;
    SaveValue(Key: string, Value: string): boolean;
    RemoveValue(Key: string): boolean;
    MonotonicSeconds(): number;
    RandomBytesHex(Count: number): string;
    WriteLog(Level: string, Message: string): void;
  }

  /** UHelpshiftTSLibrary: the static calls, as gameplay TS reaches them by reflection. */
  class HelpshiftTSLibrary extends Object {
    static InitFromJson(ParametersJson: string): void;
    static Logout(): void;
    static AddUserIdentities(IdentitiesJWT: string): void;
    static UpdateMasterAttributesFromJson(AttributesJson: string): void;
    static UpdateAppAttributesFromJson(AttributesJson: string): void;
    static ClearAnonymousUserOnLogin(bClear: boolean): void;
    static ProvideIdentityToken(IdentityJWT: string, TokenRequestId: number): void;
    static ProvideIdentityTokenFailed(TokenRequestId: number): void;
    static GetIdentityState(): HelpshiftIdentityState;
  }

  /** EHelpshiftIdentityState: a UENUM reaches JS as its value, a number (the declaration order). */
  enum EHelpshiftIdentityState {
    NotInitialized = 0,
    LoggedOut = 1,
    LoggingIn = 2,
    LoggedIn = 3,
    Refreshing = 4,
    Expired = 5,
  }

  /** FHelpshiftIdentityState: a USTRUCT, its UPROPERTYs as fields (Puerts maps int64 to bigint). */
  class HelpshiftIdentityState {
    State: EHelpshiftIdentityState;
    UserId: string;
    bAnonymous: boolean;
    ExpiresAtUnixMs: bigint;
    RefreshReason: string;
  }

  /** UHelpshiftTSIdentityStateAsyncAction: the current identity state (next tick), then every change, until cancelled. */
  class HelpshiftTSIdentityStateAsyncAction extends Object {
    static ListenForIdentityState(WorldContextObject: Object): HelpshiftTSIdentityStateAsyncAction;
    OnStateChanged: $MulticastDelegate<(State: HelpshiftIdentityState) => void>;
    Activate(): void;
    Cancel(): void;
    IsActive(): boolean;
  }

  /** UHelpshiftTSLoginAsyncAction: one login; its delegates settle exactly once. */
  class HelpshiftTSLoginAsyncAction extends Object {
    static LoginWithIdentityFromJson(
      WorldContextObject: Object,
      IdentityJWT: string,
      LoginConfigJson: string,
    ): HelpshiftTSLoginAsyncAction;
    OnSuccess: $MulticastDelegate<() => void>;
    OnFailure: $MulticastDelegate<(Reason: string, Errors: HelpshiftStringMap, Detail: string) => void>;
    Activate(): void;
    Cancel(): void;
    /** UCancellableAsyncAction::IsActive: false when the action could not register (it will never broadcast). */
    IsActive(): boolean;
  }

  /** UHelpshiftTSEventAsyncAction: forwards the SDK's events until cancelled. */
  class HelpshiftTSEventAsyncAction extends Object {
    static ListenForHelpshiftEvents(WorldContextObject: Object): HelpshiftTSEventAsyncAction;
    OnEvent: $MulticastDelegate<(EventName: string, Data: HelpshiftStringMap) => void>;
    Activate(): void;
    Cancel(): void;
    IsActive(): boolean;
  }
}
