// Stand-in for UMG's UWrapBoxSlot (Components/WrapBoxSlot.h).
#pragma once
#include "Components/PanelWidget.h"
#include "Layout/Margin.h"

class UWrapBoxSlot : public UPanelSlot
{
public:
	void SetPadding(FMargin InPadding) { Padding = InPadding; }
	FMargin Padding;
};
