/**
 * What crosses between the editor module (Source/HelpshiftTSEditor) and the editor tester bundle: command
 * names on `UHelpshiftTSEditorBridge::OnCommand (RequestId, Command, PayloadJson)`, the argv name, the module
 * the editor starts and the tester actions its buttons send. The C++ spells the same strings in
 * HelpshiftTSEditorTester.cpp; test/consistency checks that both agree.
 *
 * @example
 * // C++: Bridge->OnCommand.ExecuteIfBound(0, TEXT("testerAction"), TEXT("{\"action\":\"mint\",\"form\":{...}}"));
 */
import { BridgeCommand } from "../commands";

export const EditorTesterCommand = {
  /** `{action, form?}`: a button was pressed; `form` holds every input's text at that moment. */
  action: "testerAction",
  /** `{status, body}` or `{error}`: the answer to `SendHttpRequest(id, ...)`, same id (as in the runtime). */
  httpResponse: BridgeCommand.httpResponse,
  /** `{}`: the editor module is shutting down; the tester disposes its client. */
  dispose: BridgeCommand.dispose,
} as const;
export type EditorTesterCommand = (typeof EditorTesterCommand)[keyof typeof EditorTesterCommand];

/**
 * The buttons of the tab, one action each: the web page's buttons (TypeScript/tester/web/page.ts) plus `inspect`
 * (the page re-inspects on every keystroke; the tab sends its inputs only when a button is pressed).
 * `refreshSession` is the page's "Refresh now" (`client.refreshSession()` with the tester's token provider).
 * `connect` is no button: C++ sends it once when the tester starts, with the form the tab and the widgets open
 * with, so the client of that app is made at once and a session stored by an earlier editor run shows before any
 * press (as the web page's `vm.connect()` at mount). It sends nothing beyond what the client's `Init` does.
 */
export const EDITOR_TESTER_ACTIONS = [
  "connect",
  "inspect",
  "mint",
  "login",
  "logout",
  "addIdentities",
  "foreground",
  "refreshSession",
  "pushMasterAttributes",
  "pushAppAttributes",
  "clearEvents",
] as const;
export type EditorTesterAction = (typeof EDITOR_TESTER_ACTIONS)[number];

/** The argv name under which the editor passes its bridge to `FJsEnv::Start`. */
export const EditorTesterArgument = {
  bridge: "Bridge",
} as const;

/** The module the editor module starts, relative to the plugin's Content/JavaScript. */
export const EDITOR_TESTER_MODULE = "HelpshiftTS/editor-tester";
