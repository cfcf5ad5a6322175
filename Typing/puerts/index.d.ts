/**
 * The subset of Puerts' `puerts` module that HelpshiftTS uses, with the signatures of Puerts' own typings
 * (unreal/Puerts/Typing/puerts/index.d.ts). `$ref`/`$unref` carry UFUNCTION out-parameters; `argv` holds the
 * UObjects the C++ owner passed to `FJsEnv::Start`.
 *
 * @example
 * import { $ref, $unref, argv } from "puerts";
 * const bridge = argv.getByName("Bridge") as UE.HelpshiftTSBridge;
 * const out = $ref<string>("");
 * if (bridge.LoadValue("session", out)) console.log($unref(out));
 */
declare module "puerts" {
  import type { Object as UObject } from "ue";

  interface $Ref<T> {
    __doNoAccess: T;
  }

  interface $InRef<T> {
    __doNoAccess: T;
  }

  function $ref<T>(x?: T): $Ref<T>;

  function $unref<T>(x: $Ref<T> | $InRef<T>): T;

  function $set<T>(x: $Ref<T> | $InRef<T>, val: T): void;

  const argv: {
    getByIndex(index: number): UObject;
    getByName(name: string): UObject;
  };
}
