// Stand-in for UMG's UContentWidget (Components/ContentWidget.h): a panel with one child.
#pragma once
#include "Components/PanelWidget.h"

class UContentWidget : public UPanelWidget
{
public:
	UContentWidget() { bCanHaveMultipleChildren = false; }
	UPanelSlot* SetContent(UWidget* Content)
	{
		if (UWidget* Old = GetContent())
		{
			RemoveChild(Old);
		}
		return AddChild(Content);
	}
	UWidget* GetContent() const { return GetChildAt(0); }
};
