// Stand-in for UMG's UWidget (Runtime/UMG/Public/Components/Widget.h, UE 5.x): only what the editor module's
// UHelpshiftTSTesterWidget uses, with the engine's signatures. Runnable (inline bodies) so the harness can host
// a widget: no Slate is drawn; a widget built here knows its name and its parent panel.
#pragma once
#include "CoreMinimal.h"
#include "Templates/Casts.h"
#include "Templates/SubclassOf.h"
#include "Widgets/SlateStub.h"

class UPanelWidget;
class UPanelSlot;

/** UVisual (Components/Visual.h): the base of widgets and slots. */
class UVisual : public UObject
{
public:
	virtual void ReleaseSlateResources(bool bReleaseChildren) {}
};

class UWidget : public UVisual
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }

	/** True in the UMG designer (preview), false in a running widget. */
	bool IsDesignTime() const { return bHsDesignTime; }

	/** The Slate widget, built on first use (RebuildWidget), as the engine's TakeWidget does. */
	TSharedRef<SWidget> TakeWidget()
	{
		if (!HsSlate.IsValid())
		{
			HsSlate = RebuildWidget();
			OnWidgetRebuilt();
		}
		return HsSlate.ToSharedRef();
	}

	/** The panel holding this widget, or null. */
	UPanelWidget* GetParent() const { return HsParent; }

	/** Engine: removes the widget from its parent (for a user widget in a tab: the tab closed). */
	virtual void RemoveFromParent();

	/** UObjectBase::GetFName in the engine: the name given at construction (the designer's name). */
	FName GetFName() const { return HsName; }

	// Stand-in only (Hs*): what the engine keeps elsewhere.
	FName HsName;
	UPanelWidget* HsParent = nullptr;
	bool bHsDesignTime = false;
	TSharedPtr<SWidget> HsSlate;

protected:
	virtual TSharedRef<SWidget> RebuildWidget() { return TSharedRef<SWidget>(std::make_shared<SWidget>()); }
	virtual void OnWidgetRebuilt() {}
};

/** UPanelSlot (Components/PanelSlot.h): where a child sits in a panel. */
class UPanelSlot : public UVisual
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	UPanelWidget* Parent = nullptr;
	UWidget* Content = nullptr;
};
