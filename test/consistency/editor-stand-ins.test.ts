/**
 * The Slate stand-ins the editor module compiles against (test/cpp/engine) are not a blank cheque: a button
 * handler that answers no FReply, a text getter that returns no FText, or a text-changed handler with the wrong
 * parameter is refused by g++, as the engine's SLATE_EVENT/SLATE_ATTRIBUTE macros refuse them. A correct use
 * of the same headers compiles, so each refusal is the error's and not a missing include.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = new URL("../cpp/engine", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "hsts-editor-probe-"));
const HEADERS = [
  '#include "Widgets/Input/SButton.h"',
  '#include "Widgets/Input/SEditableTextBox.h"',
  '#include "Widgets/Input/SMultiLineEditableTextBox.h"',
  '#include "Widgets/SBoxPanel.h"',
  '#include "Widgets/Text/STextBlock.h"',
  '#include "UObject/StrongObjectPtr.h"',
].join("\n");

function compiles(name: string, body: string): boolean {
  const file = join(dir, `${name}.cpp`);
  writeFileSync(file, `${HEADERS}\n${body}\n`);
  const result = spawnSync("g++", ["-std=c++20", "-fsyntax-only", "-I", ENGINE, file], { encoding: "utf8" });
  expect(result.error).toBeUndefined();
  return result.status === 0;
}

describe("Slate stand-ins used by the editor tab", () => {
  it("compile a correct panel", () => {
    expect(
      compiles(
        "ok",
        `TSharedRef<SWidget> Panel(FString* Target) {
  return SNew(SVerticalBox)
    + SVerticalBox::Slot().AutoHeight().Padding(2.f, 6.f)[
        SNew(SButton).Text(FText::FromString(TEXT("Go"))).OnClicked_Lambda([]() { return FReply::Handled(); }) ]
    + SVerticalBox::Slot().FillHeight(1.f)[
        SNew(SMultiLineEditableTextBox).IsReadOnly(true).Text_Lambda([]() { return FText::FromString(TEXT("x")); }) ]
    + SVerticalBox::Slot().AutoHeight()[
        SNew(SEditableTextBox).IsPassword(true).OnTextChanged_Lambda([Target](const FText& T) { *Target = T.ToString(); }) ];
}`,
      ),
    ).toBe(true);
  });

  it("refuse a click handler that answers no FReply", () => {
    expect(compiles("click", "TSharedRef<SWidget> B() { return SNew(SButton).OnClicked_Lambda([]() {}); }")).toBe(
      false,
    );
  });

  it("refuse a text getter that returns no FText", () => {
    expect(
      compiles(
        "text",
        "TSharedRef<SWidget> T() { return SNew(SMultiLineEditableTextBox).Text_Lambda([]() { return 42; }); }",
      ),
    ).toBe(false);
  });

  it("refuse a text-changed handler with the wrong parameter", () => {
    expect(
      compiles(
        "changed",
        "TSharedRef<SWidget> E() { return SNew(SEditableTextBox).OnTextChanged_Lambda([](int32 N) {}); }",
      ),
    ).toBe(false);
  });

  it("refuse a slot option the box does not have (AutoHeight on a horizontal box)", () => {
    expect(
      compiles(
        "slot",
        "TSharedRef<SWidget> H() { return SNew(SHorizontalBox) + SHorizontalBox::Slot().AutoHeight(); }",
      ),
    ).toBe(false);
  });
});
