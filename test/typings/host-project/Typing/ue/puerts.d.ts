// biome-ignore-all lint/complexity/noBannedTypes: `Object` here is the UObject class of module "ue", not the global one.
// biome-ignore-all lint/suspicious/noExplicitAny: Puerts' own typings constrain delegates with `any`; kept as they are.
/**
 * Fixture: a game project's Typing/ue/puerts.d.ts, written for HelpshiftTS in the shape of the one Puerts ships
 * (unreal/Puerts/Typing/ue/puerts.d.ts): delegates constrained by `(...args: any) => any` with the
 * `(target, methodName)` overloads, containers as interfaces (not classes), `NewMap` and the builtin type keys.
 */
declare module "ue" {
  type ArgumentTypes<T> = T extends (...args: infer U) => infer _R ? U : never;

  interface $Delegate<T extends (...args: any) => any> {
    Bind(fn: T): void;
    Bind(target: Object, methodName: string): void;
    Unbind(): void;
    IsBound(): boolean;
    Execute(...a: ArgumentTypes<T>): ReturnType<T>;
  }

  interface $MulticastDelegate<T extends (...args: any) => any> {
    Add(fn: T): void;
    Add(target: Object, methodName: string): void;
    Remove(fn: T): void;
    Broadcast(...a: ArgumentTypes<T>): ReturnType<T>;
    Clear(): void;
  }

  interface TArray<T> {
    [index: number]: never;
    Num(): number;
    Add(...args: T[]): void;
    Get(Index: number): T;
    Set(Index: number, Value: T): void;
    Contains(Value: T): boolean;
    RemoveAt(Index: number): void;
    IsValidIndex(Index: number): boolean;
    Empty(): void;
    [Symbol.iterator](): IterableIterator<T>;
  }

  interface TMap<TKey, TValue> {
    Num(): number;
    Add(Key: TKey, Value: TValue): void;
    Get(Key: TKey): TValue | undefined;
    GetRef(Key: TKey): TValue | undefined;
    Set(Key: TKey, Value: TValue): void;
    Remove(Key: TKey): void;
    GetMaxIndex(): number;
    IsValidIndex(Index: number): boolean;
    GetKey(Index: number): TKey;
    Empty(): void;
    [Symbol.iterator](): IterableIterator<[TKey, TValue]>;
  }

  type BuiltinBool = 0;
  type BuiltinInt = 2;
  type BuiltinString = 6;
  const BuiltinBool = 0;
  const BuiltinInt = 2;
  const BuiltinString = 6;

  type ContainerKVType<T> = T extends BuiltinBool
    ? boolean
    : T extends BuiltinInt
      ? number
      : T extends BuiltinString
        ? string
        : T extends { new (...args: any[]): infer R }
          ? R
          : never;

  type SupportedContainerKVType =
    | BuiltinBool
    | BuiltinInt
    | BuiltinString
    | { StaticClass(): Class }
    | { StaticStruct(): ScriptStruct };

  function NewArray<T extends SupportedContainerKVType>(t: T): TArray<ContainerKVType<T>>;

  function NewMap<TKey extends SupportedContainerKVType, TValue extends SupportedContainerKVType>(
    k: TKey,
    v: TValue,
  ): TMap<ContainerKVType<TKey>, ContainerKVType<TValue>>;

  function NewObject(Cls: Class, Outer?: Object, Name?: string, ObjectFlags?: number, JsTakeRef?: boolean): Object;

  interface WeakObjectPtr<T> {
    Get(): T | undefined;
    IsValid(): boolean;
  }

  function MakeWeakObjectPtr<T extends Object>(obj: T): WeakObjectPtr<T>;
}
