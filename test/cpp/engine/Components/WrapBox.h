// Stand-in for UMG's UWrapBox (Components/WrapBox.h): children laid out in rows that wrap.
#pragma once
#include "Components/PanelWidget.h"
#include "Components/WrapBoxSlot.h"

class UWrapBox : public UPanelWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	UWrapBoxSlot* AddChildToWrapBox(UWidget* Content) { return static_cast<UWrapBoxSlot*>(AddChild(Content)); }

protected:
	UPanelSlot* HsMakeSlot() override { return HsNewSlot<UWrapBoxSlot>(); }
};
