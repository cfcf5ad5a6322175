/**
 * The Puerts entry module the C++ subsystem starts (`FJsEnv::Start("HelpshiftTS/main", {{"Bridge", Bridge}})`).
 * It reads the bridge from `argv`, wires the identity core with the UE adapters, and waits for commands.
 * Starting is this module's one job, so the side effect at load is intended.
 *
 * @example
 * // C++ (UHelpshiftTSSubsystem): JsEnv->Start(TEXT("HelpshiftTS/main"), Arguments);
 */
import { type $Ref, $ref, $unref, argv } from "puerts";
import type { HelpshiftTSBridge } from "ue";
import { createHelpshiftClient } from "../core";
import { BridgeArgument } from "./commands";
import { type RuntimeBridge, startRuntime } from "./runtime";

// Typed as the reflected class, then handed over without a cast: tsc checks that every bridge call the runtime
// makes exists on UHelpshiftTSBridge as Typing/ue declares it (and test/consistency checks Typing against C++).
const bridge: RuntimeBridge = argv.getByName(BridgeArgument.bridge) as HelpshiftTSBridge;

startRuntime({
  bridge,
  createClient: createHelpshiftClient,
  refs: { $ref, $unref: <T>(x: unknown) => $unref(x as $Ref<T>) },
  timers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as never) },
});
