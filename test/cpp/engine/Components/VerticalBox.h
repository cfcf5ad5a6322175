// Stand-in for UMG's UVerticalBox (Components/VerticalBox.h).
#pragma once
#include "Components/PanelWidget.h"
#include "Components/VerticalBoxSlot.h"

class UVerticalBox : public UPanelWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	UVerticalBoxSlot* AddChildToVerticalBox(UWidget* Content) { return static_cast<UVerticalBoxSlot*>(AddChild(Content)); }

protected:
	UPanelSlot* HsMakeSlot() override { return HsNewSlot<UVerticalBoxSlot>(); }
};
