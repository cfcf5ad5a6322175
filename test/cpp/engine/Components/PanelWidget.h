// Stand-in for UMG's UPanelWidget (Components/PanelWidget.h): a widget with children in slots.
#pragma once
#include "Components/Widget.h"

class UPanelWidget : public UWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }

	/** Adds Content at the end; returns its slot (null when the panel takes no more children). */
	UPanelSlot* AddChild(UWidget* Content)
	{
		if (!Content || (!bCanHaveMultipleChildren && GetChildrenCount() > 0))
		{
			return nullptr;
		}
		Content->RemoveFromParent();
		UPanelSlot* Slot = HsMakeSlot();
		Slot->Parent = this;
		Slot->Content = Content;
		Content->HsParent = this;
		HsSlots.push_back(Slot);
		return Slot;
	}
	int32 GetChildrenCount() const { return (int32)HsSlots.size(); }
	UWidget* GetChildAt(int32 Index) const { return Index >= 0 && Index < GetChildrenCount() ? HsSlots[Index]->Content : nullptr; }
	bool HasAnyChildren() const { return GetChildrenCount() > 0; }
	bool RemoveChild(UWidget* Content)
	{
		for (auto It = HsSlots.begin(); It != HsSlots.end(); ++It)
		{
			if ((*It)->Content == Content)
			{
				Content->HsParent = nullptr;
				HsSlots.erase(It);
				return true;
			}
		}
		return false;
	}

	std::vector<UPanelSlot*> HsSlots;

protected:
	bool bCanHaveMultipleChildren = true;
	virtual UPanelSlot* HsMakeSlot();
};

inline void UWidget::RemoveFromParent()
{
	if (HsParent)
	{
		HsParent->RemoveChild(this);
	}
}

template <typename SlotT>
SlotT* HsNewSlot()
{
	return NewObject<SlotT>();
}

inline UPanelSlot* UPanelWidget::HsMakeSlot() { return HsNewSlot<UPanelSlot>(); }
