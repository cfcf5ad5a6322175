/**
 * The engine stand-ins (test/cpp/engine) behave like the engine where code could otherwise pass here and fail
 * there (../shared/ENGINE-FACTS.md):
 * - run (test/cpp/run/stand-ins-main.cpp): FString `==`/`!=` ignore case, TMap<FString, …> keys ignore case,
 *   FVariant reads back what it holds and a read of another type stops the program (check()).
 * - compile probes: each strictness has a snippet the stand-ins must refuse, beside the same snippet written
 *   correctly that they must accept, so a refusal is the rule's and not a typo's: TWeakObjectPtr<T> from a
 *   `const T*`, CreateUObject/AddUObject/CreateRaw/CreateLambda/BindDynamic/AddDynamic with a function whose
 *   signature is not the delegate's (or a non-UObject for the UObject binders), FVariant of a type without
 *   TVariantTraits.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const ENGINE = join(ROOT, "test/cpp/engine");
const work = mkdtempSync(join(tmpdir(), "hsts-stand-ins-"));
const binary = join(work, "stand-ins");
const seen = new Map<string, string[]>();

const compiled = new Map<string, { status: number | null; output: string }>();
const FLAGS = ["-std=c++20", "-Wall", "-Wno-unused", "-I", work, "-I", ENGINE];

/** The probes' common headers, precompiled once (g++ falls back to the header itself if the PCH is unusable). */
function precompileProbeHeader() {
  const header = join(work, "probe.h");
  writeFileSync(
    header,
    ['#include "CoreMinimal.h"', '#include "Misc/Variant.h"', '#include "Containers/Ticker.h"', ""].join("\n"),
  );
  const result = spawnSync("g++", [...FLAGS, "-x", "c++-header", header, "-o", `${header}.gch`], { encoding: "utf8" });
  expect(result.error).toBeUndefined();
  expect(`${result.stdout}${result.stderr}`).toBe("");
}

function compile(name: string, body: string): { status: number | null; output: string } {
  const known = compiled.get(body);
  if (known) return known;
  const file = join(work, `${name}.cpp`);
  writeFileSync(file, ['#include "probe.h"', body, ""].join("\n"));
  const result = spawnSync("g++", [...FLAGS, "-fsyntax-only", file], { encoding: "utf8" });
  expect(result.error).toBeUndefined();
  const outcome = { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
  compiled.set(body, outcome);
  return outcome;
}

/** `ok` compiles cleanly and `bad` does not; `because` (when given) is in g++'s output for `bad`. */
function probe(name: string, ok: string, bad: string, because?: string) {
  const good = compile(`${name}-ok`, ok);
  expect(good.output, `${name}: the correct form must compile`).toBe("");
  expect(good.status).toBe(0);
  const wrong = compile(`${name}-bad`, bad);
  expect(wrong.status, `${name}: the wrong form must not compile`).not.toBe(0);
  if (because) expect(wrong.output).toContain(because);
}

const CLASSES = `
DECLARE_DELEGATE_OneParam(FOnText, const FString&);
DECLARE_MULTICAST_DELEGATE_TwoParams(FOnPair, const FString&, int32);
DECLARE_DYNAMIC_DELEGATE_OneParam(FOnTextDynamic, const FString&, Text);
DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(FOnPairDynamic, const FString&, Text, int32, Count);
class UTarget : public UObject
{
public:
	void HandleText(const FString& Text);
	void HandleCount(int32 Count);
	void HandlePair(const FString& Text, int32 Count);
	void HandlePairByValue(FString Text, int32 Count);
	void HandleTextConst(const FString& Text) const;
};
class FPlain
{
public:
	void HandleText(const FString& Text);
	void HandleCount(int32 Count);
};
enum class EColour : uint8 { Red, Green };
struct FOwnStruct { int32 Value = 0; };
`;

beforeAll(() => {
  const build = spawnSync(
    "g++",
    ["-std=c++20", "-Wall", "-Wno-unused", "-I", ENGINE, "-o", binary, join(ROOT, "test/cpp/run/stand-ins-main.cpp")],
    { encoding: "utf8" },
  );
  expect(build.error).toBeUndefined();
  expect(`${build.stdout}${build.stderr}`).toBe("");
  expect(build.status).toBe(0);
  const run = spawnSync(binary, [], { encoding: "utf8", timeout: 20_000 });
  expect(run.status).toBe(0);
  precompileProbeHeader();
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const at = line.indexOf("=");
    const key = line.slice(0, at);
    seen.set(key, [...(seen.get(key) ?? []), line.slice(at + 1)]);
  }
}, 120_000);

const one = (key: string) => seen.get(key)?.join("|");

describe("FString and TMap<FString, …> compare as the engine does (run)", () => {
  it("== and != ignore case, against FString and TCHAR* on either side", () => {
    expect(one("fstring.eq.ignorecase")).toBe("true");
    expect(one("fstring.eq.tchar")).toBe("true");
    expect(one("fstring.eq.tchar.left")).toBe("true");
    expect(one("fstring.ne.ignorecase")).toBe("false");
    expect(one("fstring.ne.different")).toBe("true");
  });

  it("Equals is case-sensitive unless asked; StartsWith ignores case unless asked; < and the hash ignore case", () => {
    expect(one("fstring.equals.default")).toBe("false");
    expect(one("fstring.equals.ignorecase")).toBe("true");
    expect(one("fstring.startswith.default")).toBe("true");
    expect(one("fstring.startswith.casesensitive")).toBe("false");
    expect(one("fstring.less.ignorecase")).toBe("true");
    expect(one("fstring.hash.ignorecase")).toBe("true");
  });

  it("finds, replaces and removes FString keys whatever their case: 'UserId' and 'userId' are one entry", () => {
    expect(one("tmap.contains.othercase")).toBe("true");
    expect(one("tmap.find.othercase")).toBe("1");
    expect(one("tmap.num.after-add-othercase")).toBe("1");
    expect(one("tmap.entry")).toBe("userId:2");
    expect(one("tmap.removeandcopy.othercase")).toBe("true");
    expect(one("tmap.removed.value")).toBe("2");
    expect(one("tmap.num.after-remove")).toBe("0");
    expect(one("tmap.remove.othercase")).toBe("1");
    expect(one("tmap.num.end")).toBe("0");
  });
});

describe("FVariant holds only types with variant traits (run)", () => {
  it("reads back the type it holds (EVariantTypes: String 24, Bool 2, Int64 15, Double 8)", () => {
    expect(one("variant.string.type")).toBe("24");
    expect(one("variant.string.value")).toBe("abc");
    expect(one("variant.bool.type")).toBe("2");
    expect(one("variant.bool.value")).toBe("true");
    expect(one("variant.int64.type")).toBe("15");
    expect(one("variant.int64.value")).toBe("42");
    expect(one("variant.double.type")).toBe("8");
    expect(one("variant.double.value")).toBe("2.500000");
    expect(one("variant.tchar.type")).toBe("24");
    expect(one("variant.empty")).toBe("true");
  });

  it("stops the program when read as another type (check failure), as the engine does", () => {
    const run = spawnSync(binary, ["variant-mismatch"], { encoding: "utf8", timeout: 20_000 });
    expect(run.stdout).toContain("before=24");
    expect(run.stdout).not.toContain("after=");
    expect(run.status === 0).toBe(false);
    expect(run.stderr).toContain("Assertion failed");
  });
});

describe("stand-ins refuse at compile time what the engine refuses (negative probes)", { timeout: 120_000 }, () => {
  it("TWeakObjectPtr<T> is not constructible from a const T* (nor assignable)", () => {
    probe(
      "weak-const",
      `${CLASSES}
class UHolder : public UObject
{
public:
	void Keep() { TWeakObjectPtr<UHolder> Weak(this); Weak = this; }
	void KeepConst() const { TWeakObjectPtr<const UHolder> Weak(this); }
};`,
      `${CLASSES}
class UHolder : public UObject
{
public:
	void KeepConst() const { TWeakObjectPtr<UHolder> Weak(this); }
};`,
    );
    probe(
      "weak-const-assign",
      `${CLASSES}
void Assign(UTarget* Target) { TWeakObjectPtr<UTarget> Weak; Weak = Target; }`,
      `${CLASSES}
void Assign(const UTarget* Target) { TWeakObjectPtr<UTarget> Weak; Weak = Target; }`,
    );
  });

  it("CreateUObject/BindUObject take only a member function of the delegate's signature, on a UObject", () => {
    probe(
      "create-uobject",
      `${CLASSES}
FOnText Make(UTarget* Target) { FOnText D; D.BindUObject(Target, &UTarget::HandleText); return FOnText::CreateUObject(Target, &UTarget::HandleText); }
FOnText MakeConst(const UTarget* Target) { return FOnText::CreateUObject(Target, &UTarget::HandleTextConst); }
FOnText MakePayload(UTarget* Target) { return FOnText::CreateUObject(Target, &UTarget::HandlePair, 7); }`,
      `${CLASSES}
FOnText Make(UTarget* Target) { return FOnText::CreateUObject(Target, &UTarget::HandleCount); }`,
    );
    probe(
      "create-uobject-not-uobject",
      `${CLASSES}
FOnText Make(FPlain* Plain) { return FOnText::CreateRaw(Plain, &FPlain::HandleText); }`,
      `${CLASSES}
FOnText Make(FPlain* Plain) { return FOnText::CreateUObject(Plain, &FPlain::HandleText); }`,
      "UObject delegates bind only UObjects",
    );
    probe(
      "create-raw",
      `${CLASSES}
FOnText Make(FPlain* Plain) { return FOnText::CreateRaw(Plain, &FPlain::HandleText); }`,
      `${CLASSES}
FOnText Make(FPlain* Plain) { return FOnText::CreateRaw(Plain, &FPlain::HandleCount); }`,
    );
  });

  it("AddUObject takes only a member function of the multicast delegate's signature, on a UObject", () => {
    probe(
      "add-uobject",
      `${CLASSES}
void Listen(FOnPair& Event, UTarget* Target) { Event.AddUObject(Target, &UTarget::HandlePair); }`,
      `${CLASSES}
void Listen(FOnPair& Event, UTarget* Target) { Event.AddUObject(Target, &UTarget::HandlePairByValue); }`,
    );
    probe(
      "add-uobject-arity",
      `${CLASSES}
void Listen(FOnPair& Event, UTarget* Target) { Event.AddUObject(Target, &UTarget::HandlePair); }`,
      `${CLASSES}
void Listen(FOnPair& Event, UTarget* Target) { Event.AddUObject(Target, &UTarget::HandleText); }`,
    );
  });

  it("CreateLambda/BindLambda/AddLambda take only a callable of the delegate's parameters and return", () => {
    probe(
      "create-lambda",
      `${CLASSES}
FTickerDelegate Tick() { return FTickerDelegate::CreateLambda([](float) { return true; }); }
FOnText Text() { return FOnText::CreateLambda([](const FString&) {}); }`,
      `${CLASSES}
FOnText Text() { return FOnText::CreateLambda([](int32*) {}); }`,
      "do not match the delegate's signature",
    );
    probe(
      "create-lambda-return",
      `${CLASSES}
FTickerDelegate Tick() { return FTickerDelegate::CreateLambda([](float) { return false; }); }`,
      `${CLASSES}
FTickerDelegate Tick() { return FTickerDelegate::CreateLambda([](float) {}); }`,
      "do not match the delegate's signature",
    );
    probe(
      "add-lambda",
      `${CLASSES}
void Listen(FOnPair& Event) { Event.AddLambda([](const FString&, int32) {}); }`,
      `${CLASSES}
void Listen(FOnPair& Event) { Event.AddLambda([](const FString&) {}); }`,
      "do not match the delegate's signature",
    );
  });

  it("BindDynamic/AddDynamic (macros taking Object, &Class::Function) take only the delegate's signature, on a UObject", () => {
    probe(
      "bind-dynamic",
      `${CLASSES}
void Bind(FOnTextDynamic& D, UTarget* Target) { D.BindDynamic(Target, &UTarget::HandleText); }`,
      `${CLASSES}
void Bind(FOnTextDynamic& D, UTarget* Target) { D.BindDynamic(Target, &UTarget::HandleCount); }`,
    );
    probe(
      "bind-dynamic-not-uobject",
      `${CLASSES}
void Bind(FOnTextDynamic& D, UTarget* Target) { D.BindDynamic(Target, &UTarget::HandleText); }`,
      `${CLASSES}
void Bind(FOnTextDynamic& D, FPlain* Plain) { D.BindDynamic(Plain, &FPlain::HandleText); }`,
      "UObject delegates bind only UObjects",
    );
    probe(
      "add-dynamic",
      `${CLASSES}
void Bind(FOnPairDynamic& D, UTarget* Target) { D.AddDynamic(Target, &UTarget::HandlePair); D.RemoveDynamic(Target, &UTarget::HandlePair); }`,
      `${CLASSES}
void Bind(FOnPairDynamic& D, UTarget* Target) { D.AddDynamic(Target, &UTarget::HandlePairByValue); }`,
    );
  });

  it("FVariant holds only types with TVariantTraits; GetValue of another type does not compile either", () => {
    const ok = `${CLASSES}
void Hold()
{
	FVariant A(FString(TEXT("a"))); FVariant B(true); FVariant C((int64)1); FVariant D(1.5); FVariant E(1.5f);
	FVariant F((int32)1); FVariant G((uint8)1); FVariant H(TEXT("t")); FVariant I(FName(TEXT("n")));
	A = (int64)2;
	const FString S = A.GetValue<FString>();
}`;
    probe(
      "variant-enum",
      ok,
      `${CLASSES}
void Hold() { FVariant A(EColour::Red); }`,
      "FVariant cannot hold it",
    );
    probe(
      "variant-struct",
      ok,
      `${CLASSES}
void Hold() { FVariant A; A = FOwnStruct(); }`,
      "FVariant cannot hold it",
    );
    probe(
      "variant-map",
      ok,
      `${CLASSES}
void Hold() { FVariant A{TMap<FString, FString>{}}; }`,
      "FVariant cannot hold it",
    );
    probe(
      "variant-get",
      ok,
      `${CLASSES}
void Read(const FVariant& V) { const EColour C = V.GetValue<EColour>(); }`,
      "FVariant cannot hold it",
    );
  });
});
