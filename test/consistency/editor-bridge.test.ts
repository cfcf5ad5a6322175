/**
 * The editor module and the editor tester bundle agree: every member of UHelpshiftTSEditorBridge that
 * TypeScript uses (Typing/ue/editor.d.ts) exists in Source/HelpshiftTSEditor/Public with the same parameters,
 * the strings both sides spell (module, argv name, command, actions, form fields) are the same, and the bundle
 * the editor starts is one `npm run build` makes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { BUNDLES } from "../../scripts/build";
import {
  EDITOR_TESTER_ACTIONS,
  EDITOR_TESTER_MODULE,
  EditorTesterArgument,
  EditorTesterCommand,
} from "../../TypeScript/ue/editor/commands";
import { EditorFormSchema } from "../../TypeScript/ue/editor/messages";
import { puertsType, readReflectedClasses } from "./cpp-reflection";

const ROOT = new URL("../..", import.meta.url).pathname;
const EDITOR = join(ROOT, "Source/HelpshiftTSEditor");
// The runtime's Public folder too: OnCommand's delegate type is declared there.
const cpp = readReflectedClasses([join(EDITOR, "Public"), join(ROOT, "Source/HelpshiftTS/Public")]);
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface TsMember {
  readonly kind: "method" | "delegate";
  readonly parameters: Array<{ name: string; type: string }>;
  readonly returnType: string;
}

/** The members of `className` in a `declare module "ue"` typing file, as written. */
function typingMembers(file: string, className: string): Map<string, TsMember> {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2020, true);
  const out = new Map<string, TsMember>();
  const params = (list: ts.NodeArray<ts.ParameterDeclaration>) =>
    list.map((p) => ({ name: p.name.getText(), type: p.type?.getText() ?? "" }));
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === className) {
      for (const member of node.members) {
        if (ts.isMethodDeclaration(member)) {
          out.set(member.name.getText(), {
            kind: "method",
            parameters: params(member.parameters),
            returnType: member.type?.getText() ?? "void",
          });
        }
        if (ts.isPropertyDeclaration(member) && member.type && ts.isTypeReferenceNode(member.type)) {
          const fn = member.type.typeArguments?.[0];
          if (fn && ts.isFunctionTypeNode(fn)) {
            out.set(member.name.getText(), { kind: "delegate", parameters: params(fn.parameters), returnType: "void" });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `inline const TCHAR* const Name = TEXT("value");` entries of one namespace in a header. */
function cppStrings(text: string, namespace: string): Map<string, string> {
  const block = new RegExp(`namespace ${namespace}\\s*\\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
  return new Map([...block.matchAll(/const (\w+) = TEXT\("([^"]*)"\);/g)].map((m) => [m[1]!, m[2]!]));
}

describe("UHelpshiftTSEditorBridge against Typing/ue/editor.d.ts", () => {
  const bridge = cpp.get("UHelpshiftTSEditorBridge");
  const typing = typingMembers("Typing/ue/editor.d.ts", "HelpshiftTSEditorBridge");

  it("exists in the editor module's Public headers and is declared for TypeScript", () => {
    expect(bridge).toBeDefined();
    expect(typing.size).toBeGreaterThan(0);
  });

  it("has every UFUNCTION TypeScript calls, with the same parameters, names and return types", () => {
    for (const [name, member] of typing) {
      if (member.kind !== "method") continue;
      const fn = bridge!.functions.get(name);
      expect(fn, `${name} UFUNCTION`).toBeDefined();
      expect(fn!.isStatic, name).toBe(false);
      expect(
        member.parameters.map((p) => p.type),
        `${name} parameters`,
      ).toEqual(fn!.parameters.map((p) => puertsType(p.type)));
      expect(
        member.parameters.map((p) => p.name),
        `${name} parameter names`,
      ).toEqual(fn!.parameters.map((p) => p.name));
      expect(member.returnType, `${name} return`).toBe(puertsType(fn!.returnType));
    }
  });

  it("exposes exactly the UFUNCTIONs Typing declares (no unused, no missing)", () => {
    const declared = [...typing.entries()].filter(([, m]) => m.kind === "method").map(([n]) => n);
    expect(declared.sort()).toEqual([...bridge!.functions.keys()].sort());
  });

  it("has the OnCommand delegate TypeScript binds, with the same signature", () => {
    const typed = typing.get("OnCommand");
    expect(typed?.kind).toBe("delegate");
    const signature = bridge!.delegates.get("OnCommand");
    expect(signature).toBeDefined();
    expect(typed!.parameters.map((p) => p.type)).toEqual(signature!.map((p) => puertsType(p.type)));
  });
});

describe("strings both sides spell", () => {
  const header = read("Source/HelpshiftTSEditor/Private/HelpshiftTSEditorConstants.h");
  const script = cppStrings(header, "HelpshiftTSEditorScript");
  const actions = cppStrings(header, "HelpshiftTSEditorAction");
  // Both JsEnvs receive their bridge under the runtime's argv name (one constant, in the generated header).
  const runtimeScript = cppStrings(read("Source/HelpshiftTS/Public/HelpshiftTSConstants.h"), "HelpshiftTSScript");
  const tester = read("Source/HelpshiftTSEditor/Private/HelpshiftTSEditorTester.cpp");

  it("the module, argv name and command", () => {
    expect(script.get("TesterModule")).toBe(EDITOR_TESTER_MODULE);
    expect(runtimeScript.get("BridgeArgument")).toBe(EditorTesterArgument.bridge);
    expect(tester).toContain("(HelpshiftTSScript::BridgeArgument, Bridge.Get())");
    expect(script.get("TesterActionCommand")).toBe(EditorTesterCommand.action);
  });

  it("the actions: one C++ constant per TypeScript action, and every button uses one", () => {
    expect([...actions.values()].sort()).toEqual([...EDITOR_TESTER_ACTIONS].sort());
    const panel = read("Source/HelpshiftTSEditor/Private/HelpshiftTSTesterPanel.cpp");
    const used = [...panel.matchAll(/HelpshiftTSEditorAction::(\w+)/g)].map((m) => actions.get(m[1]!));
    // connect is no button: the tester sends it once at Start, with the form every client opens with.
    expect(used.sort()).toEqual(EDITOR_TESTER_ACTIONS.filter((a) => a !== "connect").sort());
    expect(actions.get("Connect")).toBe("connect");
    const start = /bool FHelpshiftTSEditorTester::Start\(\)\s*\{([\s\S]*?)\n\}/.exec(tester)?.[1] ?? "";
    expect(start).toContain("SendAction(HelpshiftTSEditorAction::Connect, DefaultInputs());");
  });

  it("the form fields C++ writes are the ones TypeScript validates", () => {
    const body = /FString ActionPayload\([^)]*\)\s*\{([\s\S]*?)\n\t\}/.exec(tester)?.[1] ?? "";
    const written = [...body.matchAll(/Form->SetStringField\(TEXT\("(\w+)"\)/g)].map((m) => m[1]!);
    expect(written.sort()).toEqual(Object.keys(EditorFormSchema.shape).sort());
  });

  it("every field of FHelpshiftTSTesterInputs has an input row in the tab and is written into the command", () => {
    const struct = /struct FHelpshiftTSTesterInputs\s*\{([\s\S]*?)\n\};/.exec(
      read("Source/HelpshiftTSEditor/Private/HelpshiftTSEditorTester.h"),
    )?.[1];
    const fields = [...(struct ?? "").matchAll(/^\s*FString (\w+);/gm)].map((m) => m[1]!);
    expect(fields).toContain("AppAttributesJson");
    const panel = read("Source/HelpshiftTSEditor/Private/HelpshiftTSTesterPanel.cpp");
    const rows = [...panel.matchAll(/&FHelpshiftTSTesterInputs::(\w+)/g)].map((m) => m[1]!);
    // Token is the widget's Set Token (a game's own token from Blueprint): the tab mints instead, on purpose.
    expect(rows.sort()).toEqual(fields.filter((f) => f !== "Token").sort());
    const body = /FString ActionPayload\([^)]*\)\s*\{([\s\S]*?)\n\t\}/.exec(tester)?.[1] ?? "";
    const sent = [...body.matchAll(/, Inputs\.(\w+)\);/g)].map((m) => m[1]!);
    expect(sent.sort()).toEqual([...fields].sort());
    // The Editor Utility Widget fills every field before it sends an action.
    const widget = read("Source/HelpshiftTSEditor/Private/HelpshiftTSTesterWidget.cpp");
    const send = /void UHelpshiftTSTesterWidget::SendAction\([^)]*\)\s*\{([\s\S]*?)\n\}/.exec(widget)?.[1] ?? "";
    const filled = [...send.matchAll(/\bInputs\.(\w+) = /g)].map((m) => m[1]!);
    expect(filled.sort()).toEqual([...fields].sort());
  });

  it("the tab has a button for every button of the web page (parity), under the name C++ and TypeScript share", () => {
    // Web page action → editor action. A new button on the page fails here until the tab has one too.
    const counterpart: Record<string, string> = {
      mint: "mint",
      login: "login",
      logout: "logout",
      addIdentities: "addIdentities",
      foreground: "foreground",
      refresh: "refreshSession",
      masterAttributes: "pushMasterAttributes",
      appAttributes: "pushAppAttributes",
      clearEvents: "clearEvents",
    };
    const page = read("TypeScript/tester/web/page.ts");
    const webButtons = [...page.matchAll(/button\("(\w+)"/g)].map((m) => m[1]!);
    expect(webButtons.sort()).toEqual(Object.keys(counterpart).sort());
    for (const action of Object.values(counterpart)) {
      expect(EDITOR_TESTER_ACTIONS, action).toContain(action);
      expect([...actions.values()], `C++ ${action}`).toContain(action);
    }
    expect(actions.get("Foreground")).toBe("foreground");
    expect(actions.get("PushMasterAttributes")).toBe("pushMasterAttributes");
    expect(actions.get("PushAppAttributes")).toBe("pushAppAttributes");
    expect(actions.get("ClearEvents")).toBe("clearEvents");
  });

  it("the module the editor starts is a bundle `npm run build` writes", () => {
    const [folder, name] = EDITOR_TESTER_MODULE.split("/");
    expect(folder).toBe("HelpshiftTS");
    expect(Object.keys(BUNDLES)).toContain(name);
  });

  it("the tester stores under its own folder, apart from the runtime's Saved/HelpshiftTS", () => {
    expect(tester).toContain('FPaths::Combine(FPaths::ProjectSavedDir(), TEXT("HelpshiftTS"), TEXT("EditorTester"))');
  });
});

describe("one copy of the C++ the two modules share", () => {
  const sources = (module: string) =>
    ["Public", "Private"].flatMap((folder) =>
      readdirSync(join(ROOT, "Source", module, folder))
        .filter((name) => /\.(h|cpp)$/.test(name))
        .map((name) => ({
          path: `Source/${module}/${folder}/${name}`,
          text: read(`Source/${module}/${folder}/${name}`),
        })),
    );
  const all = [...sources("HelpshiftTS"), ...sources("HelpshiftTSEditor")];
  const where = (needle: string) => all.filter((f) => f.text.includes(needle)).map((f) => f.path);

  it.each([
    ["a Puerts module loader", ": public PUERTS_NAMESPACE::DefaultJSModuleLoader", "Public/HelpshiftTSModuleLoader.h"],
    ["the store key rule", "::IsSafeKey(const FString& Key)", "Private/HelpshiftTSFileStore.cpp"],
    ["the atomic write", "SaveStringToFile(", "Private/HelpshiftTSFileStore.cpp"],
    ["an HTTP request", "FHttpModule::Get().CreateRequest()", "Private/HelpshiftTSHttp.cpp"],
    ["the game-thread hop of HTTP answers", "OnProcessRequestComplete().BindLambda", "Private/HelpshiftTSHttp.cpp"],
    ["OS randomness", "FillFromOperatingSystem(", "Private/HelpshiftTSRandom.cpp"],
    ["the JSON object writer", "FJsonSerializer::Serialize(Object, Writer)", "Private/HelpshiftTSPayload.cpp"],
  ])("%s is written once, in the runtime module", (_what, needle, file) => {
    expect(where(needle)).toEqual([`Source/HelpshiftTS/${file}`]);
  });

  it("both bridges' UFUNCTIONs go through the shared helpers", () => {
    for (const bridge of [
      "Source/HelpshiftTS/Private/HelpshiftTSBridge.cpp",
      "Source/HelpshiftTSEditor/Private/HelpshiftTSEditorBridge.cpp",
    ]) {
      const text = read(bridge);
      for (const op of ["Load", "Save", "Remove"])
        expect(text, `${bridge} ${op}`).toMatch(new RegExp(`FHelpshiftTSFileStore\\(.*\\)\\.${op}\\(`));
      expect(text, bridge).toContain("return HelpshiftTSRandom::BytesHex(Count);");
    }
  });
});
