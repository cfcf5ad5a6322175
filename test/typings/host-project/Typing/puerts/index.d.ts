// biome-ignore-all lint/suspicious/noExplicitAny: Puerts' own typings constrain callbacks with `any`; kept as they are.
// biome-ignore-all lint/complexity/noBannedTypes: Puerts' own typings use `{}` and `Function`; kept as they are.
// biome-ignore-all lint/suspicious/noShadowRestrictedNames: Puerts imports the UObject class under the name `Object`.
/**
 * Fixture: a game project's Typing/puerts/index.d.ts, written for HelpshiftTS in the shape of the one Puerts ships
 * (unreal/Puerts/Typing/puerts/index.d.ts): a non-type import of `Object` from "ue", `any`-constrained delegate
 * helpers, `$Nullable`. Only a subset, but every declaration keeps Puerts' signature.
 */
declare module "puerts" {
  import { $Delegate, Class, Object } from "ue";

  interface $Ref<T> {
    __doNoAccess: T;
  }

  interface $InRef<T> {
    __doNoAccess: T;
  }

  type $Nullable<T> = T | null;

  type cstring = string | ArrayBuffer;

  function $ref<T>(x?: T): $Ref<T>;

  function $unref<T>(x: $Ref<T> | $InRef<T>): T;

  function $set<T>(x: $Ref<T> | $InRef<T>, val: T): void;

  const argv: {
    getByIndex(index: number): Object;
    getByName(name: string): Object;
  };

  function merge(des: {}, src: {}): void;

  function blueprint<T extends { new (...args: any[]): Object }>(path: string): T;

  namespace blueprint {
    function tojs<T extends typeof Object>(cls: Class): T;
  }

  function on(eventType: string, listener: Function, prepend?: boolean): void;

  function off(eventType: string, listener: Function): void;

  function toManualReleaseDelegate<T extends (...args: any) => any>(func: T): $Delegate<T>;

  function releaseManualReleaseDelegate<T extends (...args: any) => any>(func: T): void;

  function toDelegate<T extends (...args: any) => any>(owner: Object, callback: T): $Delegate<T>;

  function setJsTakeRef(object: Object): void;
}
