// Stand-in for UMG's UScrollBox (Components/ScrollBox.h): a panel that scrolls its children.
#pragma once
#include "Components/PanelWidget.h"

class UScrollBox : public UPanelWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
};
