// Stand-in for UMG's UUserWidget (Runtime/UMG/Public/Blueprint/UserWidget.h, UE 5.x): a widget made of a
// WidgetTree. The engine's order, kept here: Initialize (CreateWidget) makes the tree; TakeWidget calls
// RebuildWidget (the root's Slate is built from WidgetTree->RootWidget), then OnWidgetRebuilt, which calls
// NativePreConstruct and, outside the designer, NativeConstruct; NativeDestruct when the Slate widget goes
// (RemoveFromParent here: the Editor Utility Widget's tab closed).
#pragma once
#include "Blueprint/WidgetTree.h"
#include "Components/Widget.h"

class UUserWidget : public UWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }

	/** Makes the widget tree (the engine duplicates the Blueprint's tree here). False when already done. */
	virtual bool Initialize()
	{
		if (bHsInitialized)
		{
			return false;
		}
		if (!WidgetTree)
		{
			WidgetTree = NewObject<UWidgetTree>(this, FName(), 0);
		}
		bHsInitialized = true;
		return true;
	}

	UWidget* GetRootWidget() const { return WidgetTree ? WidgetTree->RootWidget.Get() : nullptr; }

	void RemoveFromParent() override
	{
		if (HsSlate.IsValid())
		{
			HsSlate.Reset();
			NativeDestruct();
		}
		UWidget::RemoveFromParent();
	}

	virtual void BeginDestroy() {}

	/** The widget tree contained inside this user widget initialized by the blueprint. */
	TObjectPtr<UWidgetTree> WidgetTree;

protected:
	TSharedRef<SWidget> RebuildWidget() override
	{
		if (!bHsInitialized)
		{
			Initialize();
		}
		if (UWidget* Root = GetRootWidget())
		{
			return Root->TakeWidget();
		}
		return UWidget::RebuildWidget();
	}
	void OnWidgetRebuilt() override
	{
		NativePreConstruct();
		if (!IsDesignTime())
		{
			NativeConstruct();
		}
	}

	virtual void NativeOnInitialized() {}
	virtual void NativePreConstruct() {}
	virtual void NativeConstruct() {}
	virtual void NativeDestruct() {}

	bool bHsInitialized = false;
};
