// Stand-in for UMG's UTextBlock (Components/TextBlock.h, base UTextLayoutWidget): text shown as it is set.
#pragma once
#include "Components/Widget.h"

class UTextLayoutWidget : public UWidget
{
};

class UTextBlock : public UTextLayoutWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	FText GetText() const { return HsText; }
	virtual void SetText(FText InText) { HsText = InText; }
	void SetAutoWrapText(bool InAutoTextWrap) { bHsAutoWrap = InAutoTextWrap; }

	FText HsText;
	bool bHsAutoWrap = false;
};
