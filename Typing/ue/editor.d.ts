/**
 * The editor module's reflected class as the editor tester's JsEnv sees it (argv "Bridge"), named as Puerts
 * exposes it (the `U` prefix dropped). Kept out of index.d.ts because it lives in Source/HelpshiftTSEditor,
 * not in the runtime module; test/consistency/editor-bridge.test.ts checks it against that header.
 *
 * @example
 * import type { HelpshiftTSEditorBridge } from "ue";
 * const bridge = argv.getByName("Bridge") as HelpshiftTSEditorBridge;
 * bridge.PublishState("{}");
 */
declare module "ue" {
  import type { $Ref } from "puerts";

  /** UHelpshiftTSEditorBridge: what the editor tester's JsEnv sees. */
  class HelpshiftTSEditorBridge extends Object {
    OnCommand: $Delegate<(RequestId: number, Command: string, PayloadJson: string) => void>;
    NotifyReady(): void;
    PublishState(StateJson: string): void;
    SendHttpRequest(RequestId: number, Method: string, Url: string, HeadersJson: string, Body: string): void;
    LoadValue(Key: string, Value: $Ref<string>): boolean;
    SaveValue(Key: string, Value: string): boolean;
    RemoveValue(Key: string): boolean;
    MonotonicSeconds(): number;
    RandomBytesHex(Count: number): string;
    WriteLog(Level: string, Message: string): void;
  }
}
