// Stand-in for Blutility's UEditorUtilityWidget (Editor/Blutility/Classes/EditorUtilityWidget.h): the base of
// Editor Utility Widget Blueprints, a UUserWidget that runs in an editor tab.
#pragma once
#include "Blueprint/UserWidget.h"

class UEditorUtilityWidget : public UUserWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	virtual bool IsEditorUtility() const { return true; }
};
