#include "HelpshiftTSTesterPanel.h"

#include "HelpshiftTSEditorConstants.h"
#include "Input/Reply.h"
#include "Widgets/Input/SButton.h"
#include "Widgets/Input/SEditableTextBox.h"
#include "Widgets/Input/SMultiLineEditableTextBox.h"
#include "Widgets/SBoxPanel.h"
#include "Widgets/Text/STextBlock.h"

namespace
{
	typedef FString FHelpshiftTSTesterInputs::*FInputField;

	/** A label and a text box whose every change lands in Inputs->*Field. */
	TSharedRef<SWidget> InputRow(const TSharedRef<FHelpshiftTSTesterInputs>& Inputs, const TCHAR* Label, FInputField Field, bool bPassword, bool bMultiLine)
	{
		const FText Initial = FText::FromString((*Inputs).*Field);
		TSharedRef<SWidget> Box = bMultiLine
			? TSharedRef<SWidget>(SNew(SMultiLineEditableTextBox)
				.Text(Initial)
				.AutoWrapText(true)
				.OnTextChanged_Lambda([Inputs, Field](const FText& Text) { (*Inputs).*Field = Text.ToString(); }))
			: TSharedRef<SWidget>(SNew(SEditableTextBox)
				.Text(Initial)
				.IsPassword(bPassword)
				.OnTextChanged_Lambda([Inputs, Field](const FText& Text) { (*Inputs).*Field = Text.ToString(); }));
		return SNew(SHorizontalBox)
			+ SHorizontalBox::Slot()
			.FillWidth(0.25f)
			.VAlign(VAlign_Center)
			.Padding(2.f)
			[
				SNew(STextBlock).Text(FText::FromString(Label))
			]
			+ SHorizontalBox::Slot()
			.FillWidth(0.75f)
			.Padding(2.f)
			[
				Box
			];
	}

	/** One button: one action with every input's text. */
	TSharedRef<SWidget> ActionButton(const TSharedRef<FHelpshiftTSEditorTester>& Tester, const TSharedRef<FHelpshiftTSTesterInputs>& Inputs, const TCHAR* Label, const TCHAR* Action)
	{
		const FString ActionName(Action);
		return SNew(SButton)
			.Text(FText::FromString(Label))
			.OnClicked_Lambda([Tester, Inputs, ActionName]() {
				Tester->SendAction(ActionName, *Inputs);
				return FReply::Handled();
			});
	}
}

TSharedRef<SWidget> MakeHelpshiftTSTesterPanel(const TSharedRef<FHelpshiftTSEditorTester>& Tester, const FHelpshiftTSTesterInputs& Initial)
{
	const TSharedRef<FHelpshiftTSTesterInputs> Inputs = MakeShared<FHelpshiftTSTesterInputs>(Initial);
	return SNew(SVerticalBox)
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("Service URL"), &FHelpshiftTSTesterInputs::ServiceUrl, false, false)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("App id"), &FHelpshiftTSTesterInputs::AppId, false, false)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("Dev secret"), &FHelpshiftTSTesterInputs::Secret, true, false)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("uid"), &FHelpshiftTSTesterInputs::Uid, false, false)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("email"), &FHelpshiftTSTesterInputs::Email, false, false)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("More identities (identifier=value lines)"), &FHelpshiftTSTesterInputs::Identity, false, true)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("Login config (JSON)"), &FHelpshiftTSTesterInputs::ConfigJson, false, true)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("Master attributes (JSON)"), &FHelpshiftTSTesterInputs::MasterAttributesJson, false, true)]
		+ SVerticalBox::Slot().AutoHeight()[InputRow(Inputs, TEXT("App attributes (JSON)"), &FHelpshiftTSTesterInputs::AppAttributesJson, false, true)]
		// Two rows of buttons, grouped as the web page groups them: the session, then attributes and the event log.
		+ SVerticalBox::Slot()
		.AutoHeight()
		.Padding(2.f, 6.f, 2.f, 0.f)
		[
			SNew(SHorizontalBox)
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Mint"), HelpshiftTSEditorAction::Mint)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Inspect"), HelpshiftTSEditorAction::Inspect)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Log in"), HelpshiftTSEditorAction::Login)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Log out"), HelpshiftTSEditorAction::Logout)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Add identities"), HelpshiftTSEditorAction::AddIdentities)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("App foreground"), HelpshiftTSEditorAction::Foreground)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Refresh now"), HelpshiftTSEditorAction::RefreshSession)]
		]
		+ SVerticalBox::Slot()
		.AutoHeight()
		.Padding(2.f, 0.f, 2.f, 6.f)
		[
			SNew(SHorizontalBox)
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Push master attributes"), HelpshiftTSEditorAction::PushMasterAttributes)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Push app attributes"), HelpshiftTSEditorAction::PushAppAttributes)]
			+ SHorizontalBox::Slot().AutoWidth().Padding(2.f)[ActionButton(Tester, Inputs, TEXT("Clear events"), HelpshiftTSEditorAction::ClearEvents)]
		]
		+ SVerticalBox::Slot()
		.FillHeight(1.f)
		.Padding(2.f)
		[
			// The state and event log, exactly as TypeScript published it (polled each frame by the attribute).
			SNew(SMultiLineEditableTextBox)
			.IsReadOnly(true)
			.AutoWrapText(true)
			.Text_Lambda([Tester]() { return FText::FromString(Tester->GetDisplayText()); })
		];
}
