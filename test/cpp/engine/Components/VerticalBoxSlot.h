// Stand-in for UMG's UVerticalBoxSlot (Components/VerticalBoxSlot.h).
#pragma once
#include "Components/PanelWidget.h"
#include "Layout/Margin.h"

class UVerticalBoxSlot : public UPanelSlot
{
public:
	void SetPadding(FMargin InPadding) { Padding = InPadding; }
	FMargin Padding;
};
