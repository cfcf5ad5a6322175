/**
 * What a Puerts entry module takes from its engine: `puerts`' `$ref`/`$unref` and the engine-ticked timer
 * globals, in the shapes the adapters want. Shared by the game entry (`main.ts`) and the editor tester entry.
 *
 * @example
 * startRuntime({ bridge, createClient: createHelpshiftClient, refs: puertsRefs, timers: engineTimers });
 */
import { type $Ref, $ref, $unref } from "puerts";
import type { TimerFunctions } from "./adapters/scheduler";
import type { RefHelpers } from "./adapters/store";

export const puertsRefs: RefHelpers = { $ref, $unref: <T>(x: unknown) => $unref(x as $Ref<T>) };

export const engineTimers: TimerFunctions = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as never),
};
