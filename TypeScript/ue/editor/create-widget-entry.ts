/**
 * The Puerts entry module behind Tools → HelpshiftTS → Create Login Tester Widget
 * (`FJsEnv::Start("HelpshiftTS/editor-create-widget")` on a one-shot editor JsEnv): creates or opens the tester
 * widget; running it is this module's one job, so the side effect at load is intended.
 *
 * @example
 * // C++ (FHelpshiftTSEditorModule::CreateOrOpenTesterWidget): Env.Start(TEXT("HelpshiftTS/editor-create-widget"));
 */
import { createOrOpenTesterWidget, type EditorScriptingUE } from "./create-widget";

// Puerts' `ue` is a lazy Proxy (ENGINE-FACTS): take the module itself, read each class when it is used.
declare const require: (name: "ue") => EditorScriptingUE;

createOrOpenTesterWidget(require("ue"), {
  log: (message) => console.log(message),
  error: (message) => console.error(message),
});
