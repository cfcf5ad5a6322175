/**
 * The Puerts entry module the C++ subsystem starts (`FJsEnv::Start("HelpshiftTS/main", {{"Bridge", Bridge}})`).
 * It reads the bridge from `argv`, wires the identity core with the UE adapters, and waits for commands.
 * Starting is this module's one job, so the side effect at load is intended.
 *
 * @example
 * // C++ (UHelpshiftTSSubsystem): JsEnv->Start(TEXT("HelpshiftTS/main"), Arguments);
 */
import { argv } from "puerts";
import type { HelpshiftTSBridge } from "ue";
import { createHelpshiftClient } from "../core";
import { BridgeArgument } from "./commands";
import { engineTimers, puertsRefs } from "./puerts-host";
import { type RuntimeBridge, startRuntime } from "./runtime";

// Typed as the reflected class, then handed over without a cast: tsc checks that every bridge call the runtime
// makes exists on UHelpshiftTSBridge as Typing/ue declares it (and test/consistency checks Typing against C++).
const bridge: RuntimeBridge = argv.getByName(BridgeArgument.bridge) as HelpshiftTSBridge;

startRuntime({
  bridge,
  createClient: createHelpshiftClient,
  refs: puertsRefs,
  timers: engineTimers,
});
