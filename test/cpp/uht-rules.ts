/**
 * What UnrealHeaderTool and the Blueprint compiler refuse and g++ does not, checked over Source/ (run by
 * test/cpp/uht-rules.test.ts). A small reader of the reflection markup (UCLASS/USTRUCT/UENUM, UFUNCTION,
 * UPROPERTY with their specifiers and meta, DECLARE_DYNAMIC_*, BindDynamic/AddDynamic calls) and one function
 * per rule. Not UHT: it reads headers written in the ordinary style (one declaration after each marker), and the
 * engine side it knows is listed here (ENGINE_CLASSES, ENGINE_STRUCTS, ENGINE_ENUMS), our own reading of what
 * the engine reflects.
 *
 * @example
 * const model = readSourceTree("Source");
 * for (const v of checkRules(model)) console.log(`${v.file}:${v.line} [${v.rule}] ${v.message}`);
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface Specifiers {
  /** Lower-cased specifiers without a value (BlueprintCallable → "blueprintcallable"). */
  readonly flags: ReadonlySet<string>;
  /** Lower-cased key → value without quotes (Category → "Helpshift|Config"). */
  readonly values: ReadonlyMap<string, string>;
  /** Lower-cased meta key → value without quotes; a key without value maps to "". */
  readonly meta: ReadonlyMap<string, string>;
}
export interface Parameter {
  readonly type: string;
  readonly name: string;
  /** UPARAM(ref): a non-const reference that is an input pin. */
  readonly upRef: boolean;
}
export interface Located {
  readonly file: string;
  readonly line: number;
}
export interface UFunction extends Located {
  readonly name: string;
  readonly specifiers: Specifiers;
  readonly isStatic: boolean;
  readonly returnType: string;
  readonly parameters: readonly Parameter[];
}
export interface UProperty extends Located {
  readonly name: string;
  readonly type: string;
  readonly specifiers: Specifiers;
}
export interface UType extends Located {
  readonly kind: "class" | "struct";
  readonly name: string;
  readonly base: string | undefined;
  readonly functions: UFunction[];
  readonly properties: UProperty[];
}
export interface DynamicDelegate extends Located {
  readonly name: string;
  readonly multicast: boolean;
  readonly arguments: string;
  readonly parameters: readonly Parameter[];
}
export interface DynamicBinding extends Located {
  readonly call: string;
  readonly className: string;
  readonly functionName: string;
}
export interface UEnum extends Located {
  readonly name: string;
  readonly specifiers: Specifiers;
  /** The declared underlying type (`enum class E : uint8` → "uint8"), "" when none. */
  readonly underlying: string;
}
export interface SourceModel {
  readonly types: Map<string, UType>;
  readonly enums: Map<string, UEnum>;
  readonly delegates: Map<string, DynamicDelegate>;
  readonly bindings: DynamicBinding[];
}
export interface Violation extends Located {
  readonly rule: RuleName;
  readonly message: string;
}
export type RuleName =
  | "unreflected-type"
  | "auto-create-ref-term"
  | "shadowed-function"
  | "shadowed-parameter"
  | "dynamic-delegate"
  | "async-factory-internal"
  | "duplicate-node-title"
  | "dynamic-binding-ufunction"
  | "blueprint-enum-uint8"
  | "blueprint-pure-output"
  | "bind-widget"
  | "blueprint-assignable";

// ---- the engine side: our own list of what it reflects ------------------------------------------------------

/** Engine UCLASSes a Source class may derive from: base, and the UFUNCTIONs they declare. */
export const ENGINE_CLASSES: ReadonlyMap<string, { base?: string; functions: readonly string[] }> = new Map([
  ["UObject", { functions: ["ExecuteUbergraph"] }],
  ["UBlueprintAsyncActionBase", { base: "UObject", functions: ["Activate"] }],
  ["UCancellableAsyncAction", { base: "UBlueprintAsyncActionBase", functions: ["Cancel", "IsActive"] }],
  ["UBlueprintFunctionLibrary", { base: "UObject", functions: [] }],
  ["USubsystem", { base: "UObject", functions: [] }],
  ["UGameInstanceSubsystem", { base: "USubsystem", functions: [] }],
  ["UEngineSubsystem", { base: "USubsystem", functions: [] }],
  ["UDeveloperSettings", { base: "UObject", functions: [] }],
  [
    "UGameInstance",
    { base: "UObject", functions: ["ReceiveInit", "ReceiveShutdown", "HandleNetworkError", "HandleTravelError"] },
  ],
  // UMG (Runtime/UMG/Public/Components/*.h, Blueprint/UserWidget.h) and Blutility (EditorUtilityWidget.h): the
  // widget classes a UUserWidget may bind by name, and the UFUNCTIONs a subclass must not re-declare (a selection
  // of the Blueprint-callable ones, read in those headers).
  ["UVisual", { base: "UObject", functions: [] }],
  [
    "UWidget",
    {
      base: "UVisual",
      functions: [
        "SetVisibility",
        "GetVisibility",
        "SetIsEnabled",
        "GetIsEnabled",
        "SetToolTipText",
        "SetToolTip",
        "SetRenderOpacity",
        "GetRenderOpacity",
        "SetCursor",
        "ResetCursor",
        "IsRendered",
        "IsVisible",
        "IsHovered",
        "HasKeyboardFocus",
        "SetKeyboardFocus",
        "HasAnyUserFocus",
        "SetFocus",
        "SetUserFocus",
        "ForceLayoutPrepass",
        "InvalidateLayoutAndVolatility",
        "GetDesiredSize",
        "GetParent",
        "RemoveFromParent",
        "GetCachedGeometry",
        "SetClipping",
        "GetClipping",
        "SetRenderTransform",
        "SetRenderScale",
        "SetRenderTranslation",
        "GetOwningPlayer",
        "GetGameInstance",
        "ForceVolatile",
      ],
    },
  ],
  [
    "UUserWidget",
    {
      base: "UWidget",
      functions: [
        "Construct",
        "Destruct",
        "PreConstruct",
        "OnInitialized",
        "Tick",
        "OnPaint",
        "AddToViewport",
        "AddToPlayerScreen",
        "RemoveFromViewport",
        "IsInViewport",
        "SetPositionInViewport",
        "SetDesiredSizeInViewport",
        "SetAnchorsInViewport",
        "SetAlignmentInViewport",
        "SetOwningPlayer",
        "GetOwningPlayerPawn",
        "SetPadding",
        "SetColorAndOpacity",
        "SetForegroundColor",
        "PlayAnimation",
        "StopAnimation",
        "IsInteractable",
        "IsAnyAnimationPlaying",
        "SetDesiredFocusWidget",
        "GetDesiredFocusWidget",
        "OnFocusReceived",
        "OnFocusLost",
        "OnKeyDown",
        "OnMouseButtonDown",
        "OnAnimationStarted",
        "OnAnimationFinished",
        "ListenForInputAction",
        "StopListeningForInputAction",
      ],
    },
  ],
  ["UEditorUtilityWidget", { base: "UUserWidget", functions: ["Run"] }],
  [
    "UPanelWidget",
    {
      base: "UWidget",
      functions: [
        "AddChild",
        "GetChildrenCount",
        "GetChildAt",
        "GetAllChildren",
        "GetChildIndex",
        "HasChild",
        "RemoveChildAt",
        "RemoveChild",
        "HasAnyChildren",
        "ClearChildren",
      ],
    },
  ],
  ["UContentWidget", { base: "UPanelWidget", functions: ["SetContent", "GetContent", "GetContentSlot"] }],
  [
    "UButton",
    { base: "UContentWidget", functions: ["SetStyle", "SetColorAndOpacity", "SetBackgroundColor", "IsPressed"] },
  ],
  ["UBorder", { base: "UContentWidget", functions: ["SetContentColorAndOpacity", "SetPadding", "SetBrushColor"] }],
  ["USizeBox", { base: "UContentWidget", functions: ["SetWidthOverride", "SetHeightOverride"] }],
  ["UNamedSlot", { base: "UContentWidget", functions: [] }],
  ["UVerticalBox", { base: "UPanelWidget", functions: ["AddChildToVerticalBox"] }],
  ["UHorizontalBox", { base: "UPanelWidget", functions: ["AddChildToHorizontalBox"] }],
  ["UWrapBox", { base: "UPanelWidget", functions: ["AddChildToWrapBox", "SetInnerSlotPadding"] }],
  ["UScrollBox", { base: "UPanelWidget", functions: ["ScrollToStart", "ScrollToEnd", "SetScrollOffset"] }],
  ["UCanvasPanel", { base: "UPanelWidget", functions: ["AddChildToCanvas"] }],
  ["UOverlay", { base: "UPanelWidget", functions: ["AddChildToOverlay"] }],
  ["UGridPanel", { base: "UPanelWidget", functions: ["AddChildToGrid"] }],
  ["UTextLayoutWidget", { base: "UWidget", functions: [] }],
  [
    "UTextBlock",
    { base: "UTextLayoutWidget", functions: ["SetText", "GetText", "SetAutoWrapText", "SetColorAndOpacity"] },
  ],
  ["URichTextBlock", { base: "UTextLayoutWidget", functions: ["SetText", "GetText", "SetAutoWrapText"] }],
  [
    "UEditableTextBox",
    { base: "UWidget", functions: ["SetText", "GetText", "SetHintText", "SetIsPassword", "SetIsReadOnly"] },
  ],
  [
    "UEditableText",
    { base: "UWidget", functions: ["SetText", "GetText", "SetHintText", "SetIsPassword", "SetIsReadOnly"] },
  ],
  [
    "UMultiLineEditableTextBox",
    { base: "UTextLayoutWidget", functions: ["SetText", "GetText", "SetHintText", "SetIsReadOnly"] },
  ],
  ["UMultiLineEditableText", { base: "UTextLayoutWidget", functions: ["SetText", "GetText", "SetHintText"] }],
  ["UImage", { base: "UWidget", functions: ["SetBrush", "SetColorAndOpacity"] }],
  ["UCheckBox", { base: "UWidget", functions: ["IsChecked", "SetIsChecked", "GetCheckedState"] }],
  ["USpacer", { base: "UWidget", functions: ["SetSize"] }],
]);

/** Engine USTRUCTs usable in reflected signatures (Core's NoExportTypes and a few common ones). */
export const ENGINE_STRUCTS: ReadonlySet<string> = new Set([
  "FVector",
  "FVector2D",
  "FVector4",
  "FRotator",
  "FQuat",
  "FTransform",
  "FMatrix",
  "FPlane",
  "FBox",
  "FBox2D",
  "FLinearColor",
  "FColor",
  "FGuid",
  "FDateTime",
  "FTimespan",
  "FIntPoint",
  "FIntVector",
  "FRandomStream",
  "FSoftObjectPath",
  "FSoftClassPath",
  "FPrimaryAssetId",
  "FPrimaryAssetType",
  "FKey",
  "FGameplayTag",
  "FGameplayTagContainer",
  "FDirectoryPath",
  "FFilePath",
]);

/** Engine UENUMs usable in reflected signatures. */
export const ENGINE_ENUMS: ReadonlySet<string> = new Set(["ECollisionChannel", "EObjectTypeQuery", "ETraceTypeQuery"]);

/** What UHT reflects without a declaration; the second set UHT accepts but Blueprints do not. */
const BASIC_TYPES = new Set(["bool", "uint8", "int32", "int64", "float", "double", "FString", "FName", "FText"]);
const UHT_ONLY_INTEGERS = new Set(["int8", "int16", "uint16", "uint32", "uint64"]);
const OBJECT_WRAPPERS = new Set([
  "TObjectPtr",
  "TSubclassOf",
  "TSoftObjectPtr",
  "TSoftClassPtr",
  "TWeakObjectPtr",
  "TLazyObjectPtr",
  "TScriptInterface",
]);
const CONTAINERS = new Set(["TArray", "TSet", "TMap"]);

// ---- reading ----------------------------------------------------------------------------------------------

/** The text with comments blanked (newlines kept, so offsets and lines stay); strings are left intact. */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) out += text[i] === "\n" ? "\n" : " ";
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the bracket closing the one at `open` (quotes skipped); -1 when unbalanced. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "{": "}", "[": "]" };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === "\\" ? 2 : 1;
      i = j;
    } else if (pairs[ch]) stack.push(pairs[ch]!);
    else if (ch === ")" || ch === "}" || ch === "]") {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** Splits at top-level commas (outside <>, (), {}, [] and quotes). */
export function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let current = "";
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (quote) {
      current += ch;
      if (ch === "\\") current += list[++i] ?? "";
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ("<({[".includes(ch)) depth++;
    else if (">)}]".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const unquote = (value: string) => value.trim().replace(/^"(.*)"$/s, "$1");

/** Reads `BlueprintCallable, Category = "X", meta = (DisplayName = "Y", BlueprintAutocast)`. */
export function parseSpecifiers(text: string): Specifiers {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const meta = new Map<string, string>();
  for (const item of splitTopLevel(text)) {
    const eq = item.indexOf("=");
    if (eq < 0) {
      flags.add(item.trim().toLowerCase());
      continue;
    }
    const key = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    if (key === "meta" && value.startsWith("(")) {
      for (const entry of splitTopLevel(value.slice(1, value.lastIndexOf(")")))) {
        const at = entry.indexOf("=");
        if (at < 0) meta.set(entry.trim().toLowerCase(), "");
        else meta.set(entry.slice(0, at).trim().toLowerCase(), unquote(entry.slice(at + 1)));
      }
    } else values.set(key, unquote(value));
  }
  return { flags, values, meta };
}

/** `const FString& Name = TEXT("x")` → type `const FString&`, name `Name`; UPARAM(...) noted and dropped. */
export function parseParameter(text: string): Parameter {
  let rest = text.trim();
  let upRef = false;
  const upParam = /^UPARAM\s*\(/.exec(rest);
  if (upParam) {
    const end = closing(rest, upParam[0].length - 1);
    upRef = parseSpecifiers(rest.slice(upParam[0].length, end - 1)).flags.has("ref");
    rest = rest.slice(end).trim();
  }
  const eq = splitTopLevel(rest.replace(/=/g, ",="))[0] ?? rest;
  const match = /^(.*?)\b([A-Za-z_]\w*)\s*$/s.exec(eq.trim());
  if (!match?.[1]?.trim()) throw new Error(`cannot read parameter: ${text}`);
  return { type: normalizeSpaces(match[1]), name: match[2]!, upRef };
}

const normalizeSpaces = (type: string) =>
  type
    .replace(/\s+/g, " ")
    .replace(/\s*([<>,*&])\s*/g, "$1")
    .replace(/,/g, ", ")
    .replace(/^const(?=[A-Z])/, "const ")
    .trim();

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

export function emptyModel(): SourceModel {
  return { types: new Map(), enums: new Map(), delegates: new Map(), bindings: [] };
}

/** Declaration after a UFUNCTION(...)/UPROPERTY(...): up to the first top-level `;` or `{`. */
function declarationAfter(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "<") depth++;
    else if (ch === ")" || ch === ">") depth--;
    else if (depth === 0 && (ch === ";" || ch === "{")) return text.slice(from, i);
  }
  return text.slice(from);
}

function readFunction(declaration: string, file: string, line: number, specifiers: Specifiers): UFunction {
  const open = declaration.indexOf("(");
  const close = open < 0 ? -1 : closing(declaration, open);
  const head = /^(.*?)\b(~?[A-Za-z_]\w*)\s*$/s.exec(declaration.slice(0, Math.max(open, 0)));
  if (!head || close < 0) throw new Error(`${file}:${line}: cannot read UFUNCTION declaration: ${declaration.trim()}`);
  const words = head[1]!.trim();
  const isStatic = /\bstatic\b/.test(words);
  const returnType = normalizeSpaces(words.replace(/\b(static|virtual|inline|FORCEINLINE|explicit)\b/g, ""));
  const inner = declaration.slice(open + 1, close - 1).trim();
  const parameters = inner && inner !== "void" ? splitTopLevel(inner).map(parseParameter) : [];
  return { name: head[2]!, specifiers, isStatic, returnType, parameters, file, line };
}

function readProperty(declaration: string, file: string, line: number, specifiers: Specifiers): UProperty {
  const withoutInit = (splitTopLevel(declaration.replace(/=/g, ",=")).at(0) ?? declaration).replace(/:\s*\d+\s*$/, "");
  const match = /^(.*?)\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*$/s.exec(withoutInit.trim());
  if (!match?.[1]?.trim()) throw new Error(`${file}:${line}: cannot read UPROPERTY declaration: ${declaration.trim()}`);
  return { name: match[2]!, type: normalizeSpaces(match[1]), specifiers, file, line };
}

const TYPE_HEAD =
  /^\s*(class|struct)\s+(?:[A-Z0-9_]+_API\s+)?([A-Za-z_]\w*)\s*(?:final\s*)?(?::\s*(?:public|protected|private)?\s*([A-Za-z_][\w:]*))?[^;{]*\{/;

/** Adds one header's reflected declarations to `model`. `file` is how violations name it. */
export function readHeader(file: string, source: string, model: SourceModel): void {
  const text = stripComments(source);
  const starts = lineStarts(text);
  const markers = /\b(UCLASS|USTRUCT|UENUM|UINTERFACE)\s*\(/g;
  for (const marker of text.matchAll(markers)) {
    const open = marker.index + marker[0].length - 1;
    const after = closing(text, open);
    if (after < 0) continue;
    const line = lineOf(starts, marker.index);
    if (marker[1] === "UENUM") {
      const decl = /^\s*enum\s+(?:class\s+)?([A-Za-z_]\w*)\s*(?::\s*([\w:]+))?/.exec(text.slice(after));
      const specifiers = parseSpecifiers(text.slice(open + 1, after - 1));
      if (decl) model.enums.set(decl[1]!, { name: decl[1]!, specifiers, underlying: decl[2] ?? "", file, line });
      continue;
    }
    const head = TYPE_HEAD.exec(text.slice(after));
    if (!head) continue;
    const bodyOpen = after + head[0].length - 1;
    const bodyEnd = closing(text, bodyOpen);
    const type: UType = {
      kind: head[1] as "class" | "struct",
      name: head[2]!,
      base: head[3]?.split("::").at(-1),
      functions: [],
      properties: [],
      file,
      line,
    };
    model.types.set(type.name, type);
    const body = text.slice(bodyOpen, bodyEnd < 0 ? text.length : bodyEnd);
    for (const member of body.matchAll(/\b(UFUNCTION|UPROPERTY)\s*\(/g)) {
      const specOpen = member.index + member[0].length - 1;
      const specEnd = closing(body, specOpen);
      const specifiers = parseSpecifiers(body.slice(specOpen + 1, specEnd - 1));
      const declaration = declarationAfter(body, specEnd);
      const memberLine = lineOf(starts, bodyOpen + member.index);
      if (member[1] === "UFUNCTION") type.functions.push(readFunction(declaration, file, memberLine, specifiers));
      else type.properties.push(readProperty(declaration, file, memberLine, specifiers));
    }
  }
  const macro = /\bDECLARE_DYNAMIC_(MULTICAST_)?(SPARSE_)?DELEGATE(_RetVal)?\w*\s*\(/g;
  for (const found of text.matchAll(macro)) {
    const open = found.index + found[0].length - 1;
    const end = closing(text, open);
    const args = text.slice(open + 1, end - 1);
    const parts = splitTopLevel(args);
    let rest = parts.slice(found[3] ? 1 : 0);
    const name = rest[0] ?? "";
    rest = rest.slice(found[2] ? 3 : 1);
    const parameters: Parameter[] = [];
    for (let i = 0; i + 1 < rest.length; i += 2)
      parameters.push({ type: normalizeSpaces(rest[i]!), name: rest[i + 1]!.trim(), upRef: false });
    model.delegates.set(name, {
      name,
      multicast: Boolean(found[1]),
      arguments: args,
      parameters,
      file,
      line: lineOf(starts, found.index),
    });
  }
}

/** Adds one source file's BindDynamic/AddDynamic/AddUniqueDynamic calls (ThisClass resolved) to `model`. */
export function readBindings(file: string, source: string, model: SourceModel): void {
  const text = stripComments(source);
  const starts = lineStarts(text);
  const call = /\b(BindDynamic|AddDynamic|AddUniqueDynamic)\s*\(/g;
  for (const found of text.matchAll(call)) {
    const open = found.index + found[0].length - 1;
    const args = splitTopLevel(text.slice(open + 1, closing(text, open) - 1));
    const target = /^&\s*(?:([\w:]+)::)?(\w+)$/.exec((args[1] ?? "").replace(/\s+/g, ""));
    const line = lineOf(starts, found.index);
    if (!target?.[1]) {
      model.bindings.push({ call: found[1]!, className: "", functionName: args[1] ?? "", file, line });
      continue;
    }
    let className = target[1].split("::").at(-1)!;
    if (className === "ThisClass") {
      const before = text.slice(0, found.index);
      const owners = [...before.matchAll(/\b([UA][A-Za-z_]\w*)::~?[A-Za-z_]\w*\s*\([^;{}]*\)\s*(?:const\s*)?\{/g)];
      className = owners.at(-1)?.[1] ?? /\bclass\s+(?:\w+_API\s+)?([UA]\w+)\b[^;]*$/s.exec(before)?.[1] ?? "";
    }
    model.bindings.push({ call: found[1]!, className, functionName: target[2]!, file, line });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every .h and .cpp under `sourceDir`; files are named relative to `relativeTo`. */
export function readSourceTree(sourceDir: string, relativeTo = join(sourceDir, "..")): SourceModel {
  const model = emptyModel();
  for (const path of filesUnder(sourceDir).sort()) {
    const name = relative(relativeTo, path);
    const text = readFileSync(path, "utf8");
    if (path.endsWith(".h")) readHeader(name, text, model);
    if (path.endsWith(".h") || path.endsWith(".cpp")) readBindings(name, text, model);
  }
  return model;
}

/** One model from inline snippets (tests): `{ "A.h": "...", "A.cpp": "..." }`. */
export function readSnippets(files: Record<string, string>): SourceModel {
  const model = emptyModel();
  for (const [name, text] of Object.entries(files)) if (name.endsWith(".h")) readHeader(name, text, model);
  for (const [name, text] of Object.entries(files)) readBindings(name, text, model);
  return model;
}

// ---- types ------------------------------------------------------------------------------------------------

interface TypeContext {
  readonly model: SourceModel;
  /** Visible to Blueprints: the integers UHT alone accepts are refused. */
  readonly blueprint: boolean;
  /** A UFUNCTION parameter or return: multicast delegates are refused. */
  readonly functionSignature: boolean;
}

/** Splits `TMap<FString, TArray<int32>>` into `TMap` and its arguments; undefined for a non-template. */
function templateOf(type: string): { name: string; args: string[] } | undefined {
  const match = /^([\w:]+)\s*<(.*)>$/s.exec(type);
  return match ? { name: match[1]!, args: splitTopLevel(match[2]!) } : undefined;
}

const isObjectClassName = (name: string) => /^[UA][A-Z]\w*$/.test(name);
const isInterfaceName = (name: string) => /^I[A-Z]\w*$/.test(name);

/** Why `type` cannot appear in a reflected signature, or undefined when it can. */
export function unreflectedReason(rawType: string, context: TypeContext, inContainer = false): string | undefined {
  const type = rawType
    .replace(/\bconst\b/g, "")
    .replace(/\b(class|struct|enum)\s+/g, "")
    .replace(/&/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (/\bstd::/.test(type)) return `${rawType}: std:: types are not reflected`;
  if (type.endsWith("*")) {
    const pointee = type.slice(0, -1).trim();
    if (pointee.endsWith("*")) return `${rawType}: pointers to pointers are not reflected`;
    if (isObjectClassName(pointee)) {
      const own = context.model.types.get(pointee);
      return own && own.kind === "struct" ? `${rawType}: a pointer to a struct is not reflected` : undefined;
    }
    return `${rawType}: only UObject pointers are reflected (not a pointer to ${pointee})`;
  }
  const template = templateOf(type);
  if (template) {
    if (CONTAINERS.has(template.name)) {
      if (inContainer) return `${rawType}: nested containers are not reflected`;
      const expected = template.name === "TMap" ? 2 : 1;
      if (template.args.length !== expected) return `${rawType}: ${template.name} takes ${expected} argument(s) here`;
      for (const arg of template.args) {
        const reason = unreflectedReason(arg, { ...context, functionSignature: false }, true);
        if (reason) return `${rawType}: element ${reason}`;
      }
      return undefined;
    }
    if (OBJECT_WRAPPERS.has(template.name)) {
      const arg = (template.args[0] ?? "").replace(/\bconst\b/g, "").trim();
      if (isObjectClassName(arg) || (template.name === "TScriptInterface" && isInterfaceName(arg))) return undefined;
      return `${rawType}: ${template.name} of a non-UObject type`;
    }
    if (template.name === "TEnumAsByte") {
      const arg = (template.args[0] ?? "").replace(/::Type$/, "");
      return context.model.enums.has(arg) || ENGINE_ENUMS.has(arg) ? undefined : `${rawType}: not a UENUM`;
    }
    return `${rawType}: ${template.name} is not a reflected type`;
  }
  if (BASIC_TYPES.has(type)) return undefined;
  if (UHT_ONLY_INTEGERS.has(type))
    return context.blueprint ? `${rawType}: Blueprints support only uint8, int32 and int64 integers` : undefined;
  if (context.model.enums.has(type) || ENGINE_ENUMS.has(type)) return undefined;
  const own = context.model.types.get(type);
  if (own?.kind === "struct") return undefined;
  if (ENGINE_STRUCTS.has(type)) return undefined;
  const delegate = context.model.delegates.get(type);
  if (delegate) {
    if (inContainer) return `${rawType}: delegates cannot be container elements`;
    if (context.functionSignature && delegate.multicast)
      return `${rawType}: a multicast delegate cannot be a function parameter`;
    return undefined;
  }
  if (isObjectClassName(type)) return `${rawType}: a UObject is reflected only by pointer`;
  if (/^F[A-Z]/.test(type)) return `${rawType}: not a USTRUCT declared in Source nor an engine reflected struct`;
  if (/^E[A-Z]/.test(type)) return `${rawType}: not a UENUM declared in Source nor an engine reflected enum`;
  return `${rawType}: not a reflected type`;
}

// ---- rules ------------------------------------------------------------------------------------------------

const isBlueprintFunction = (fn: UFunction) =>
  ["blueprintcallable", "blueprintpure", "blueprintimplementableevent", "blueprintnativeevent"].some((f) =>
    fn.specifiers.flags.has(f),
  );
const isBlueprintProperty = (property: UProperty) =>
  ["blueprintreadonly", "blueprintreadwrite", "blueprintassignable", "blueprintcallable"].some((f) =>
    property.specifiers.flags.has(f),
  );
const isCallableNode = (fn: UFunction) =>
  fn.specifiers.flags.has("blueprintcallable") || fn.specifiers.flags.has("blueprintpure");
const isTrue = (value: string | undefined) => value !== undefined && value.toLowerCase() !== "false";

/** The chain of base classes of `name`, nearest first, through Source types then the engine list. */
export function baseChain(model: SourceModel, name: string): string[] {
  const chain: string[] = [];
  let current = model.types.get(name)?.base ?? ENGINE_CLASSES.get(name)?.base;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = model.types.get(current)?.base ?? ENGINE_CLASSES.get(current)?.base;
  }
  return chain;
}

function functionsOf(model: SourceModel, className: string): string[] {
  const own = model.types.get(className);
  return own ? own.functions.map((f) => f.name) : [...(ENGINE_CLASSES.get(className)?.functions ?? [])];
}

/** Unreflected types in UFUNCTION parameters and returns and in UPROPERTY types. */
export function checkReflectedTypes(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    for (const fn of type.functions) {
      const context = { model, blueprint: isBlueprintFunction(fn), functionSignature: true };
      const slots = [
        ...(fn.returnType === "void" ? [] : [{ what: "return type", type: fn.returnType }]),
        ...fn.parameters.map((p) => ({ what: `parameter ${p.name}`, type: p.type })),
      ];
      for (const slot of slots) {
        const reason = unreflectedReason(slot.type, context);
        if (reason)
          out.push({
            rule: "unreflected-type",
            file: fn.file,
            line: fn.line,
            message: `${type.name}::${fn.name} ${slot.what}: ${reason}`,
          });
      }
    }
    for (const property of type.properties) {
      const reason = unreflectedReason(property.type, {
        model,
        blueprint: isBlueprintProperty(property),
        functionSignature: false,
      });
      if (reason)
        out.push({
          rule: "unreflected-type",
          file: property.file,
          line: property.line,
          message: `${type.name}::${property.name}: ${reason}`,
        });
    }
  }
  return out;
}

/** Blueprint inputs `const TMap/TArray/TSet<…>&` not listed in meta=(AutoCreateRefTerm="…"). */
export function checkAutoCreateRefTerm(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    for (const fn of type.functions.filter(isCallableNode)) {
      const listed = new Set(
        (fn.specifiers.meta.get("autocreaterefterm") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      );
      for (const p of fn.parameters) {
        if (!/^const (TMap|TArray|TSet)<.*>&$/.test(p.type) || listed.has(p.name)) continue;
        out.push({
          rule: "auto-create-ref-term",
          file: fn.file,
          line: fn.line,
          message: `${type.name}::${fn.name}: input ${p.name} (${p.type}) must be in meta=(AutoCreateRefTerm="${[...listed, p.name].join(",")}"), or an unwired pin fails the Blueprint compile`,
        });
      }
    }
  }
  return out;
}

/** UFUNCTIONs re-declared from a base class; UFUNCTION parameters named like a UPROPERTY of the class. */
export function checkShadowing(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    const chain = baseChain(model, type.name);
    const inherited = new Map<string, string>();
    for (const base of chain) for (const name of functionsOf(model, base)) inherited.set(name.toLowerCase(), base);
    const properties = new Map<string, string>();
    for (const owner of [type.name, ...chain])
      for (const property of model.types.get(owner)?.properties ?? [])
        properties.set(property.name.toLowerCase(), `${owner}::${property.name}`);
    for (const fn of type.functions) {
      const base = inherited.get(fn.name.toLowerCase());
      if (base)
        out.push({
          rule: "shadowed-function",
          file: fn.file,
          line: fn.line,
          message: `${type.name}::${fn.name} is declared UFUNCTION in ${base}: override it without UFUNCTION()`,
        });
      for (const p of fn.parameters) {
        const property = properties.get(p.name.toLowerCase());
        if (property)
          out.push({
            rule: "shadowed-parameter",
            file: fn.file,
            line: fn.line,
            message: `${type.name}::${fn.name} parameter ${p.name} shadows UPROPERTY ${property} (UHT: shadowing is not allowed)`,
          });
      }
    }
  }
  return out;
}

/** DECLARE_DYNAMIC_* parameters reflected; no TMap written inside the macro (the preprocessor splits it). */
export function checkDynamicDelegates(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const delegate of model.delegates.values()) {
    if (/\bTMap\s*</.test(delegate.arguments)) {
      out.push({
        rule: "dynamic-delegate",
        file: delegate.file,
        line: delegate.line,
        message: `${delegate.name}: a TMap inside DECLARE_DYNAMIC_* is split at its comma by the preprocessor; wrap it in a USTRUCT`,
      });
      continue;
    }
    for (const p of delegate.parameters) {
      const reason = unreflectedReason(p.type, { model, blueprint: true, functionSignature: true });
      if (reason)
        out.push({
          rule: "dynamic-delegate",
          file: delegate.file,
          line: delegate.line,
          message: `${delegate.name} parameter ${p.name}: ${reason}`,
        });
    }
  }
  return out;
}

/** Static factories of async Blueprint actions must be BlueprintInternalUseOnly (else a second, plain node). */
export function checkAsyncFactories(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    if (!baseChain(model, type.name).includes("UBlueprintAsyncActionBase")) continue;
    for (const fn of type.functions) {
      const returned = /^(\w+)\*$/.exec(fn.returnType)?.[1];
      const isFactory =
        fn.isStatic &&
        isCallableNode(fn) &&
        returned !== undefined &&
        (returned === type.name || baseChain(model, returned).includes("UBlueprintAsyncActionBase"));
      if (!isFactory) continue;
      if (fn.specifiers.meta.get("blueprintinternaluseonly")?.toLowerCase() === "true") continue;
      out.push({
        rule: "async-factory-internal",
        file: fn.file,
        line: fn.line,
        message: `${type.name}::${fn.name} is an async action factory: it needs meta=(BlueprintInternalUseOnly = "true")`,
      });
    }
  }
  return out;
}

/** The title the editor derives from a function name (FName::NameToDisplayString, our reading of it). */
export function displayName(name: string): string {
  const words: string[] = [];
  let current = "";
  const chars = [...name.replace(/_/g, " ")];
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    const upper = /[A-Z]/.test(ch);
    const digit = /[0-9]/.test(ch);
    const boundary =
      ch === " " ||
      (upper && /[a-z]/.test(prev)) ||
      (upper && /[A-Z]/.test(prev) && /[a-z]/.test(next)) ||
      (digit && /[A-Za-z]/.test(prev));
    if (boundary && current.trim()) {
      words.push(current.trim());
      current = "";
    }
    if (ch !== " ") current += ch;
  });
  if (current.trim()) words.push(current.trim());
  return words.join(" ");
}

/** Two Blueprint nodes with the same title in one category tree (the top-level category). */
export function checkNodeTitles(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  const seen = new Map<string, { owner: string; fn: UFunction }>();
  for (const type of model.types.values()) {
    const asyncAction = baseChain(model, type.name).includes("UBlueprintAsyncActionBase");
    for (const fn of type.functions.filter(isCallableNode)) {
      const hidden = isTrue(fn.specifiers.meta.get("blueprintinternaluseonly"));
      if (hidden && !(asyncAction && fn.isStatic)) continue;
      const title = fn.specifiers.meta.get("displayname") || displayName(fn.name);
      const tree = (fn.specifiers.values.get("category") ?? "").split("|")[0]!.trim();
      const key = `${tree.toLowerCase()}\u0000${title.toLowerCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { owner: type.name, fn });
        continue;
      }
      out.push({
        rule: "duplicate-node-title",
        file: fn.file,
        line: fn.line,
        message: `${type.name}::${fn.name} shows as "${title}" in category "${tree}", as ${first.owner}::${first.fn.name} (${first.fn.file}:${first.fn.line}) does: give one a distinct DisplayName`,
      });
    }
  }
  return out;
}

/** Every BindDynamic/AddDynamic target is a UFUNCTION of its class (or a base): else it binds nothing. */
export function checkDynamicBindings(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const binding of model.bindings) {
    const owners = [binding.className, ...baseChain(model, binding.className)];
    const known = owners.some((owner) => model.types.has(owner) || ENGINE_CLASSES.has(owner));
    const found = owners.some((owner) => functionsOf(model, owner).includes(binding.functionName));
    if (found) continue;
    out.push({
      rule: "dynamic-binding-ufunction",
      file: binding.file,
      line: binding.line,
      message: known
        ? `${binding.call} target ${binding.className}::${binding.functionName} is not a UFUNCTION: dynamic delegates bind by reflected name`
        : `${binding.call} target ${binding.className || "?"}::${binding.functionName}: the class is not a UCLASS read from Source, so the UFUNCTION cannot be verified`,
    });
  }
  return out;
}

/** UHT accepts a BlueprintType enum only with uint8 underneath. */
export function checkBlueprintEnums(model: SourceModel): Violation[] {
  return [...model.enums.values()]
    .filter((e) => e.specifiers.flags.has("blueprinttype") && e.underlying !== "uint8")
    .map((e) => ({
      rule: "blueprint-enum-uint8" as const,
      file: e.file,
      line: e.line,
      message: `${e.name}: a BlueprintType enum must be declared \`enum class ${e.name} : uint8\``,
    }));
}

/** UHT refuses a BlueprintPure function with neither a return value nor an output parameter. */
export function checkPureOutputs(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    for (const fn of type.functions) {
      if (!fn.specifiers.flags.has("blueprintpure") || fn.returnType !== "void") continue;
      if (fn.parameters.some((p) => p.type.endsWith("&") && !p.type.startsWith("const ") && !p.upRef)) continue;
      out.push({
        rule: "blueprint-pure-output",
        file: fn.file,
        line: fn.line,
        message: `${type.name}::${fn.name}: BlueprintPure with no return value and no output parameter`,
      });
    }
  }
  return out;
}

const BIND_WIDGET_META = ["bindwidget", "bindwidgetoptional"];

/**
 * meta=(BindWidget/BindWidgetOptional): UMG binds the property to the designer's widget of the same name only
 * in a UUserWidget subclass, and only a UPROPERTY holding a UWidget-derived pointer (`UButton*` or
 * `TObjectPtr<UButton>`; not a weak pointer, a container or another UObject). The widget Blueprint compiler
 * refuses a mismatch.
 */
export function checkBindWidgets(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values()) {
    const isUserWidget = type.kind === "class" && baseChain(model, type.name).includes("UUserWidget");
    for (const property of type.properties) {
      const meta = BIND_WIDGET_META.find((key) => property.specifiers.meta.has(key));
      if (!meta) continue;
      const where = { file: property.file, line: property.line };
      if (!isUserWidget) {
        out.push({
          rule: "bind-widget",
          ...where,
          message: `${type.name}::${property.name}: ${meta} binds only in a UUserWidget subclass`,
        });
        continue;
      }
      const pointee = /^(?:TObjectPtr<\s*(\w+)\s*>|(\w+)\s*\*)$/.exec(property.type.replace(/\bclass\s+/, "").trim());
      const widget = pointee?.[1] ?? pointee?.[2];
      if (!widget || !(widget === "UWidget" || baseChain(model, widget).includes("UWidget"))) {
        out.push({
          rule: "bind-widget",
          ...where,
          message: `${type.name}::${property.name} (${property.type}): ${meta} needs a pointer to a UWidget-derived class (UButton*, TObjectPtr<UTextBlock>, ...)`,
        });
      }
    }
  }
  return out;
}

/** UHT: a BlueprintAssignable property must be a dynamic multicast delegate. */
export function checkBlueprintAssignable(model: SourceModel): Violation[] {
  const out: Violation[] = [];
  for (const type of model.types.values())
    for (const property of type.properties) {
      if (!property.specifiers.flags.has("blueprintassignable")) continue;
      if (model.delegates.get(property.type)?.multicast) continue;
      out.push({
        rule: "blueprint-assignable",
        file: property.file,
        line: property.line,
        message: `${type.name}::${property.name} (${property.type}): BlueprintAssignable needs a DECLARE_DYNAMIC_MULTICAST_DELEGATE type`,
      });
    }
  return out;
}

/** Every rule over `model`, in file and line order. */
export function checkRules(model: SourceModel): Violation[] {
  return [
    ...checkReflectedTypes(model),
    ...checkAutoCreateRefTerm(model),
    ...checkShadowing(model),
    ...checkDynamicDelegates(model),
    ...checkAsyncFactories(model),
    ...checkNodeTitles(model),
    ...checkDynamicBindings(model),
    ...checkBlueprintEnums(model),
    ...checkPureOutputs(model),
    ...checkBindWidgets(model),
    ...checkBlueprintAssignable(model),
  ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

export const formatViolation = (v: Violation) => `${v.file}:${v.line} [${v.rule}] ${v.message}`;
