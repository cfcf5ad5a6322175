// Stand-in for UMG's UMultiLineEditableTextBox (Components/MultiLineEditableTextBox.h): multi-line text entry.
#pragma once
#include "Components/Widget.h"

class UMultiLineEditableTextBox : public UWidget
{
public:
	DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FOnMultiLineEditableTextBoxChangedEvent, const FText&, Text);

	static UClass* StaticClass() { static UClass Class; return &Class; }
	FOnMultiLineEditableTextBoxChangedEvent OnTextChanged;

	FText GetText() const { return HsText; }
	void SetText(FText InText)
	{
		const bool bChanged = !InText.ToString().Equals(HsText.ToString(), ESearchCase::CaseSensitive);
		HsText = InText;
		if (bChanged)
		{
			OnTextChanged.Broadcast(HsText);
		}
	}
	void SetHintText(FText InHintText) { HsHint = InHintText; }
	void SetIsReadOnly(bool bReadOnly) { bHsReadOnly = bReadOnly; }

	FText HsText;
	FText HsHint;
	bool bHsReadOnly = false;
};
