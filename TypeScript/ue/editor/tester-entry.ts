/**
 * The Puerts entry module the editor module starts on its own JsEnv
 * (`FJsEnv::Start("HelpshiftTS/editor-tester", {{"Bridge", EditorBridge}})`). It reads the editor bridge from
 * `argv` and starts the login tester; starting is this module's one job, so the side effect at load is
 * intended.
 *
 * @example
 * // C++ (FHelpshiftTSEditorTester::Start): JsEnv->Start(TEXT("HelpshiftTS/editor-tester"), Arguments);
 */
import { argv } from "puerts";
import type { HelpshiftTSEditorBridge } from "ue";
import { createHelpshiftClient } from "../../core";
import { engineTimers, puertsRefs } from "../puerts-host";
import { EditorTesterArgument } from "./commands";
import { type EditorTesterBridge, startEditorTester } from "./tester-host";

// Typed as the reflected class, then handed over without a cast: tsc checks every call the tester makes exists
// on UHelpshiftTSEditorBridge as Typing/ue/editor.d.ts declares it (test/consistency checks that against C++).
const bridge: EditorTesterBridge = argv.getByName(EditorTesterArgument.bridge) as HelpshiftTSEditorBridge;

startEditorTester({
  bridge,
  createClient: createHelpshiftClient,
  refs: puertsRefs,
  timers: engineTimers,
});
