// Stand-in for UMG's UWidgetTree (Runtime/UMG/Public/Blueprint/WidgetTree.h): the widgets of a user widget, its
// root, construction by class and name (ConstructWidget), and lookup by name (FindWidget).
#pragma once
#include "Components/PanelWidget.h"

class UWidgetTree : public UObject
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }

	/** Finds the widget in the tree by name. */
	UWidget* FindWidget(const FName& Name) const
	{
		UWidget* Found = nullptr;
		ForEachWidget([&](UWidget* Widget) {
			if (!Found && Widget->GetFName() == Name)
			{
				Found = Widget;
			}
		});
		return Found;
	}
	template <typename WidgetT>
	WidgetT* FindWidget(const FName& Name) const
	{
		return Cast<WidgetT>(FindWidget(Name));
	}

	/** Every widget reachable from the root (panels' children included), depth first. */
	void ForEachWidget(TFunctionRef<void(UWidget*)> Predicate) const { HsVisit(RootWidget.Get(), Predicate); }

	/** Constructs the widget, and adds it to the tree (the engine: NewObject in this tree, named WidgetName). */
	template <typename WidgetT>
	WidgetT* ConstructWidget(TSubclassOf<UWidget> WidgetClass = WidgetT::StaticClass(), FName WidgetName = NAME_None)
	{
		static_assert(std::is_base_of_v<UWidget, WidgetT>, "WidgetTree::ConstructWidget can only create UWidget objects.");
		WidgetT* Widget = NewObject<WidgetT>(this, WidgetName, 0);
		Widget->HsName = WidgetName;
		return Widget;
	}

	/** The root widget of the tree. */
	TObjectPtr<UWidget> RootWidget;

private:
	static void HsVisit(UWidget* Widget, TFunctionRef<void(UWidget*)> Predicate)
	{
		if (!Widget)
		{
			return;
		}
		Predicate(Widget);
		if (UPanelWidget* Panel = Cast<UPanelWidget>(Widget))
		{
			for (int32 I = 0; I < Panel->GetChildrenCount(); ++I)
			{
				HsVisit(Panel->GetChildAt(I), Predicate);
			}
		}
	}
};
