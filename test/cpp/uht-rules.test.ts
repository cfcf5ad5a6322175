/**
 * The rule check of test/cpp/uht-rules.ts: what UnrealHeaderTool and the Blueprint compiler refuse and g++ does
 * not. Each rule is shown failing on a small inline header that breaks it (and passing on the same header
 * written correctly), then every rule runs over the real Source/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkRules,
  displayName,
  formatViolation,
  parseSpecifiers,
  type RuleName,
  readSnippets,
  readSourceTree,
  stripComments,
} from "./uht-rules";

const ROOT = new URL("../..", import.meta.url).pathname;

/** The violations of `rule` in snippets given as { "File.h": text, ... }. */
function violations(rule: RuleName, files: Record<string, string>) {
  return checkRules(readSnippets(files)).filter((v) => v.rule === rule);
}

const LIBRARY = (body: string) => `
UCLASS()
class MY_API UMyLibrary : public UBlueprintFunctionLibrary
{
	GENERATED_BODY()
public:
${body}
};`;

describe("reading the reflection markup", () => {
  it("reads specifiers, meta, and keeps strings when blanking comments", () => {
    const s = parseSpecifiers(
      'BlueprintCallable, Category = "A|B", meta = (AutoCreateRefTerm = "X, Y", BlueprintAutocast, DisplayName = "T")',
    );
    expect(s.flags.has("blueprintcallable")).toBe(true);
    expect(s.values.get("category")).toBe("A|B");
    expect(s.meta.get("autocreaterefterm")).toBe("X, Y");
    expect(s.meta.get("blueprintautocast")).toBe("");
    expect(s.meta.get("displayname")).toBe("T");
    expect(stripComments('a // x\nb /* y\n */ "http://u"')).toBe('a     \nb     \n    "http://u"');
  });

  it("reads classes, functions (parameters, defaults, UPARAM), properties, enums and delegates", () => {
    const model = readSnippets({
      "A.h": `
UENUM(BlueprintType)
enum class EMyKind : uint8 { A, B };
DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(FMyPin, const FString&, Name, int32, Count);
USTRUCT(BlueprintType)
struct FMyStruct
{
	GENERATED_BODY()
	UPROPERTY(BlueprintReadOnly, Category = "X")
	TMap<FString, FString> Entries;
	UPROPERTY()
	EMyKind Kind = EMyKind::A;
};
${LIBRARY(`	UFUNCTION(BlueprintPure, Category = "X")
	static FString Name(const TMap<FString, int32>& Map, UPARAM(ref) TArray<int32>& Items, int32 Count = 3) { return TEXT("a,b"); }`)}`,
    });
    expect(model.enums.has("EMyKind")).toBe(true);
    expect(model.delegates.get("FMyPin")?.parameters).toEqual([
      { type: "const FString&", name: "Name", upRef: false },
      { type: "int32", name: "Count", upRef: false },
    ]);
    expect(model.types.get("FMyStruct")?.properties.map((p) => `${p.type} ${p.name}`)).toEqual([
      "TMap<FString, FString> Entries",
      "EMyKind Kind",
    ]);
    const fn = model.types.get("UMyLibrary")?.functions[0];
    expect(fn?.isStatic).toBe(true);
    expect(fn?.returnType).toBe("FString");
    expect(fn?.parameters).toEqual([
      { type: "const TMap<FString, int32>&", name: "Map", upRef: false },
      { type: "TArray<int32>&", name: "Items", upRef: true },
      { type: "int32", name: "Count", upRef: false },
    ]);
    expect(model.types.get("UMyLibrary")?.base).toBe("UBlueprintFunctionLibrary");
  });

  it("titles nodes as the editor splits names", () => {
    expect(displayName("LoginWithIdentity")).toBe("Login With Identity");
    expect(displayName("AddUserIdentitiesJWT")).toBe("Add User Identities JWT");
    expect(displayName("Conv_IntToHelpshiftConfig")).toBe("Conv Int To Helpshift Config");
    expect(displayName("GetVector2D")).toBe("Get Vector 2D");
  });
});

describe("rule: only reflected types in UFUNCTION/UPROPERTY signatures", () => {
  const header = (signature: string, property = "FString Name;") => ({
    "A.h": `
UENUM() enum class EMine : uint8 { A };
USTRUCT() struct FMine { GENERATED_BODY() };
struct FPlainStruct { int32 X; };
DECLARE_DYNAMIC_DELEGATE_OneParam(FMyCallback, const FString&, Text);
DECLARE_DYNAMIC_MULTICAST_DELEGATE(FMyPin);
UCLASS()
class MY_API UThing : public UObject
{
	GENERATED_BODY()
public:
	UFUNCTION(BlueprintCallable, Category = "X")
	${signature};
	UPROPERTY()
	${property}
};`,
  });

  it("accepts the basics, own USTRUCT/UENUM, containers of them, UObject pointers and dynamic delegates", () => {
    expect(
      violations(
        "unreflected-type",
        header(
          "UThing* Do(const FString& A, FName B, const FText& C, bool D, uint8 E, int32 F, int64 G, float H, double I, const FMine& J, EMine K, const TArray<FMine>& L, const TMap<FString, EMine>& M, const TSet<FName>& N, UObject* O, TSubclassOf<UObject> P, const FMyCallback& Q, FString& R, FVector S)",
          "TObjectPtr<UThing> Other;",
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    ["FVariant", "void Do(const FVariant& Value)"],
    ["TSharedPtr", "void Do(TSharedPtr<FMine> Value)"],
    ["TFunction", "void Do(TFunction<void()> Value)"],
    ["std::", "void Do(const std::string& Value)"],
    ["a struct that is not a USTRUCT", "void Do(const FPlainStruct& Value)"],
    ["a struct pointer", "void Do(FMine* Value)"],
    ["a UObject by value", "void Do(UThing Value)"],
    ["a nested container", "void Do(const TArray<TArray<int32>>& Value)"],
    ["a container of an unreflected type", "void Do(const TMap<FString, FVariant>& Value)"],
    ["an unreflected return type", "TSharedRef<FMine> Do()"],
    ["a multicast delegate parameter", "void Do(const FMyPin& Value)"],
    ["a non-Blueprint integer in a BlueprintCallable", "void Do(uint32 Value)"],
    ["a plain int", "void Do(int Value)"],
  ])("refuses %s", (_what, signature) => {
    expect(violations("unreflected-type", header(signature))).toHaveLength(1);
  });

  it("refuses an unreflected UPROPERTY type", () => {
    expect(violations("unreflected-type", header("void Do()", "FVariant Value;"))).toHaveLength(1);
    expect(violations("unreflected-type", header("void Do()", "TSharedPtr<FMine> Value;"))).toHaveLength(1);
  });
});

describe("rule: Blueprint container inputs are listed in AutoCreateRefTerm", () => {
  const fn = (meta: string) =>
    LIBRARY(`	UFUNCTION(BlueprintCallable, Category = "X"${meta})
	static void Update(const TMap<FString, FString>& Attributes, const TArray<FString>& Names, const TSet<FName>& Tags, TArray<FString>& OutNames, const FString& Text);`);

  it("flags each unlisted const TMap/TArray/TSet reference input, not outputs or other types", () => {
    const found = violations("auto-create-ref-term", { "A.h": fn("") });
    expect(found.map((v) => /input (\w+)/.exec(v.message)?.[1])).toEqual(["Attributes", "Names", "Tags"]);
  });

  it("passes when every one is listed (spaces allowed), and flags only the one missing", () => {
    expect(
      violations("auto-create-ref-term", { "A.h": fn(', meta = (AutoCreateRefTerm = "Attributes, Names,Tags")') }),
    ).toEqual([]);
    expect(
      violations("auto-create-ref-term", { "A.h": fn(', meta = (AutoCreateRefTerm = "Attributes,Tags")') }),
    ).toHaveLength(1);
  });

  it("applies to BlueprintPure too, and not to functions Blueprints cannot call", () => {
    expect(
      violations("auto-create-ref-term", {
        "A.h": LIBRARY(`	UFUNCTION(BlueprintPure, Category = "X")
	static int32 Count(const TArray<FString>& Names);
	UFUNCTION()
	void FromScript(const TArray<FString>& Names);`),
      }),
    ).toHaveLength(1);
  });
});

describe("rule: no shadowing (UFUNCTION of a base class, parameter named like a UPROPERTY)", () => {
  const action = (members: string) => ({
    "A.h": `
UCLASS()
class MY_API UMyAction : public UCancellableAsyncAction
{
	GENERATED_BODY()
public:
${members}
};
UCLASS()
class MY_API UMyDerived : public UMyAction
{
	GENERATED_BODY()
public:
	UFUNCTION(BlueprintCallable, Category = "X")
	void Retry();
};`,
  });

  it("flags Cancel/Activate re-declared as UFUNCTION in an async action, and a Source base's UFUNCTION", () => {
    expect(violations("shadowed-function", action("\tUFUNCTION(BlueprintCallable)\n\tvoid Cancel();"))).toHaveLength(1);
    expect(violations("shadowed-function", action("\tUFUNCTION()\n\tvirtual void activate();"))).toHaveLength(1);
    expect(violations("shadowed-function", action("\tUFUNCTION()\n\tvoid Retry();"))).toHaveLength(1);
    expect(
      violations("shadowed-function", action("\tvirtual void Activate() override;\n\tvirtual void Cancel() override;")),
    ).toEqual([]);
  });

  it("flags a UFUNCTION parameter named like a UPROPERTY of the class or a base, ignoring case", () => {
    const members = (parameter: string) => `
	UPROPERTY(BlueprintAssignable)
	FMyPin OnSuccess;
	UPROPERTY()
	FString IdentityJwt;
	FString NotReflected;
	UFUNCTION(BlueprintCallable, Category = "X")
	static UMyAction* Start(const FString& ${parameter});`;
    expect(violations("shadowed-parameter", action(members("IdentityJWT")))).toHaveLength(1);
    expect(violations("shadowed-parameter", action(members("onsuccess")))).toHaveLength(1);
    expect(violations("shadowed-parameter", action(members("NotReflected")))).toEqual([]);
    expect(violations("shadowed-parameter", action(members("Token")))).toEqual([]);
  });
});

describe("rule: DECLARE_DYNAMIC_* parameters", () => {
  it("flags a TMap written inside the macro and an unreflected parameter type", () => {
    expect(
      violations("dynamic-delegate", {
        "A.h": "DECLARE_DYNAMIC_DELEGATE_OneParam(FOnMap, const TMap<FString, FString>&, Map);",
      }),
    ).toHaveLength(1);
    expect(
      violations("dynamic-delegate", {
        "A.h": "DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(FOnThing, const FVariant&, Value, int32, Count);",
      }),
    ).toHaveLength(1);
    expect(
      violations("dynamic-delegate", {
        "A.h": `USTRUCT() struct FMap { GENERATED_BODY() };
DECLARE_DYNAMIC_DELEGATE_TwoParams(FOnOk, const FString&, Reason, const FMap&, Errors);
DECLARE_DYNAMIC_DELEGATE_RetVal_OneParam(bool, FOnAsk, const TArray<FString>&, Names);`,
      }),
    ).toEqual([]);
  });
});

describe("rule: async action factories are BlueprintInternalUseOnly", () => {
  const factory = (meta: string) => ({
    "A.h": `
UCLASS()
class MY_API UMyAction : public UBlueprintAsyncActionBase
{
	GENERATED_BODY()
public:
	UFUNCTION(BlueprintCallable, Category = "X"${meta})
	static UMyAction* StartMyAction(UObject* WorldContextObject);
	UFUNCTION(BlueprintCallable, Category = "X")
	void Poke();
};`,
  });

  it("flags a static factory without it, passes with it (members are not factories)", () => {
    expect(violations("async-factory-internal", factory(""))).toHaveLength(1);
    expect(violations("async-factory-internal", factory(', meta = (BlueprintInternalUseOnly = "false")'))).toHaveLength(
      1,
    );
    expect(violations("async-factory-internal", factory(', meta = (BlueprintInternalUseOnly = "true")'))).toEqual([]);
  });
});

describe("rule: no two Blueprint nodes titled alike in one category tree", () => {
  const files = (asyncMeta: string, libraryCategory = "Helpshift") => ({
    "A.h": `
UCLASS()
class MY_API UMyLibrary : public UBlueprintFunctionLibrary
{
	GENERATED_BODY()
public:
	UFUNCTION(BlueprintCallable, Category = "${libraryCategory}")
	static void LoginWithIdentity(const FString& Token);
	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (BlueprintInternalUseOnly = "true"))
	static void Hidden();
};
UCLASS()
class MY_API UMyAction : public UCancellableAsyncAction
{
	GENERATED_BODY()
public:
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Async", meta = (BlueprintInternalUseOnly = "true"${asyncMeta}))
	static UMyAction* Login(UObject* WorldContextObject);
	UFUNCTION(BlueprintCallable, Category = "Other")
	static void Hidden();
};`,
  });

  it("flags an async node whose title equals a library function's in the same tree (DisplayName or split name)", () => {
    expect(violations("duplicate-node-title", files(', DisplayName = "Login With Identity"'))).toHaveLength(1);
    expect(violations("duplicate-node-title", files(', DisplayName = "login with identity"'))).toHaveLength(1);
  });

  it("passes for distinct titles, other trees, and hidden non-factory functions", () => {
    expect(violations("duplicate-node-title", files(', DisplayName = "Login With Identity (Async)"'))).toEqual([]);
    expect(violations("duplicate-node-title", files(', DisplayName = "Login With Identity"', "Game"))).toEqual([]);
    expect(violations("duplicate-node-title", files(""))).toEqual([]);
  });
});

describe("rule: BindDynamic/AddDynamic targets are UFUNCTIONs", () => {
  const header = `
DECLARE_DYNAMIC_MULTICAST_DELEGATE(FMyPin);
UCLASS()
class MY_API UMyListener : public UObject
{
	GENERATED_BODY()
public:
	UFUNCTION()
	void HandleReflected();
	void HandlePlain();
	void Start(UMyListener* Other);
	UPROPERTY(BlueprintAssignable)
	FMyPin OnDone;
};`;
  const cpp = (target: string) => ({
    "A.h": header,
    "A.cpp": `void UMyListener::Start(UMyListener* Other)
{
	Other->OnDone.AddDynamic(this, ${target});
	Other->OnDone.AddUniqueDynamic(this, &UMyListener::HandleReflected);
}`,
  });

  it("flags a target that is not a UFUNCTION (ThisClass resolved to the enclosing class)", () => {
    expect(violations("dynamic-binding-ufunction", cpp("&UMyListener::HandlePlain"))).toHaveLength(1);
    expect(violations("dynamic-binding-ufunction", cpp("&ThisClass::HandlePlain"))).toHaveLength(1);
    expect(violations("dynamic-binding-ufunction", cpp("&UMyListener::HandleReflected"))).toEqual([]);
    expect(violations("dynamic-binding-ufunction", cpp("&ThisClass::HandleReflected"))).toEqual([]);
  });

  it("flags a target whose class is not a UCLASS read from Source", () => {
    expect(violations("dynamic-binding-ufunction", cpp("&UElsewhere::HandleReflected"))).toHaveLength(1);
  });
});

describe("rule: BlueprintType enums are uint8; BlueprintPure functions give something back", () => {
  it("flags a BlueprintType enum without uint8 underneath, not a plain UENUM", () => {
    expect(
      violations("blueprint-enum-uint8", { "A.h": "UENUM(BlueprintType)\nenum class ELevel : int32 { A };" }),
    ).toHaveLength(1);
    expect(
      violations("blueprint-enum-uint8", { "A.h": "UENUM(BlueprintType)\nenum class ELevel { A };" }),
    ).toHaveLength(1);
    expect(
      violations("blueprint-enum-uint8", { "A.h": "UENUM(BlueprintType)\nenum class ELevel : uint8 { A };" }),
    ).toEqual([]);
    expect(violations("blueprint-enum-uint8", { "A.h": "UENUM()\nenum class ELevel : int32 { A };" })).toEqual([]);
  });

  it("flags a void BlueprintPure with only inputs", () => {
    const fn = (signature: string) => ({
      "A.h": LIBRARY(`\tUFUNCTION(BlueprintPure, Category = "X")\n\tstatic ${signature};`),
    });
    expect(
      violations("blueprint-pure-output", fn("void Peek(const FString& A, UPARAM(ref) TArray<int32>& B)")),
    ).toHaveLength(1);
    expect(violations("blueprint-pure-output", fn("void Peek(const FString& A, FString& Out)"))).toEqual([]);
    expect(violations("blueprint-pure-output", fn("bool Peek(const FString& A)"))).toEqual([]);
  });
});

describe("rule: BindWidget slots are UWidget pointers of a UUserWidget; BlueprintAssignable is multicast", () => {
  const widget = (base: string, property: string) => ({
    "A.h": `
DECLARE_DYNAMIC_MULTICAST_DELEGATE(FMyPin);
DECLARE_DYNAMIC_DELEGATE(FMyCallback);
UCLASS()
class MY_API UMyWidget : public ${base}
{
	GENERATED_BODY()
public:
	${property}
};`,
  });
  const slot = (type: string, meta = "BindWidgetOptional") =>
    `UPROPERTY(BlueprintReadOnly, Category = "X", meta = (${meta}))\n\t${type} Slot;`;

  it("accepts UWidget-derived pointers (raw or TObjectPtr) in a UUserWidget or an Editor Utility Widget", () => {
    for (const type of ["TObjectPtr<UButton>", "UTextBlock*", "class UEditableTextBox*", "TObjectPtr<UPanelWidget>"])
      expect(violations("bind-widget", widget("UEditorUtilityWidget", slot(type)))).toEqual([]);
    expect(violations("bind-widget", widget("UUserWidget", slot("UMultiLineEditableTextBox*", "BindWidget")))).toEqual(
      [],
    );
  });

  it("refuses a non-widget, a weak pointer, a container, and a slot outside a UUserWidget", () => {
    expect(violations("bind-widget", widget("UUserWidget", slot("TObjectPtr<UObject>")))).toHaveLength(1);
    expect(violations("bind-widget", widget("UUserWidget", slot("TWeakObjectPtr<UButton>")))).toHaveLength(1);
    expect(violations("bind-widget", widget("UUserWidget", slot("TArray<UButton*>")))).toHaveLength(1);
    expect(violations("bind-widget", widget("UObject", slot("TObjectPtr<UButton>")))).toHaveLength(1);
  });

  it("refuses a BlueprintAssignable that is not a dynamic multicast delegate", () => {
    const assignable = (type: string) => `UPROPERTY(BlueprintAssignable, Category = "X")\n\t${type} OnDone;`;
    expect(violations("blueprint-assignable", widget("UUserWidget", assignable("FMyPin")))).toEqual([]);
    expect(violations("blueprint-assignable", widget("UUserWidget", assignable("FMyCallback")))).toHaveLength(1);
    expect(violations("blueprint-assignable", widget("UUserWidget", assignable("FString")))).toHaveLength(1);
  });

  it("reads the tester widget's slots in Source (the rule has something to check)", () => {
    const model = readSourceTree(join(ROOT, "Source"), ROOT);
    const slots = model.types
      .get("UHelpshiftTSTesterWidget")
      ?.properties.filter((p) => p.specifiers.meta.has("bindwidgetoptional"));
    expect(slots?.length).toBeGreaterThanOrEqual(20);
  });
});

describe("Source/ passes every rule", () => {
  const model = readSourceTree(join(ROOT, "Source"), ROOT);

  it("reads every UCLASS/USTRUCT/UFUNCTION/UPROPERTY in Source (the reader skips none)", () => {
    const headers = readdirSync(join(ROOT, "Source"), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".h"),
    );
    let markers = 0;
    for (const file of headers) {
      const text = stripComments(readFileSync(join(ROOT, "Source", file), "utf8"));
      markers += (text.match(/\b(UFUNCTION|UPROPERTY)\s*\(/g) ?? []).length;
    }
    const read = [...model.types.values()].reduce((n, t) => n + t.functions.length + t.properties.length, 0);
    expect(read).toBe(markers);
    expect(model.types.size).toBeGreaterThanOrEqual(8);
    expect(model.delegates.size).toBeGreaterThanOrEqual(3);
  });

  it("has no violation", () => {
    expect(checkRules(model).map(formatViolation)).toEqual([]);
  });
});
