// Stand-in for UMG's UEditableTextBox (Components/EditableTextBox.h): single-line text entry. SetText changes
// the text (and, as in the engine, broadcasts OnTextChanged only when the text differs).
#pragma once
#include "Components/Widget.h"

class UEditableTextBox : public UWidget
{
public:
	DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FOnEditableTextBoxChangedEvent, const FText&, Text);

	static UClass* StaticClass() { static UClass Class; return &Class; }
	/** Called whenever the text is changed programmatically or interactively by the user. */
	FOnEditableTextBoxChangedEvent OnTextChanged;

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
	void SetHintText(FText InText) { HsHint = InText; }
	void SetIsPassword(bool bIsPassword) { bHsPassword = bIsPassword; }

	FText HsText;
	FText HsHint;
	bool bHsPassword = false;
};
