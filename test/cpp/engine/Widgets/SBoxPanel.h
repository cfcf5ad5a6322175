// Stand-in for SlateCore's Widgets/SBoxPanel.h (UE 5 slot arguments): SVerticalBox / SHorizontalBox, whose
// `+ Slot()` takes the slot's sizing, padding and alignment, and whose slot `[ ]` takes the content.
#pragma once
#include "CoreMinimal.h"
#include "Layout/Margin.h"
#include "Misc/Attribute.h"
#include "Types/SlateEnums.h"
#include "Widgets/SlateStub.h"

/** The slot arguments every box slot shares (padding, alignment, content). */
template <typename SlotArgumentsType>
struct TBoxSlotArgumentsStub
{
	SlotArgumentsType& Padding(TAttribute<FMargin> InPadding);
	SlotArgumentsType& Padding(float Uniform);
	SlotArgumentsType& Padding(float Horizontal, float Vertical);
	SlotArgumentsType& Padding(float Left, float Top, float Right, float Bottom);
	SlotArgumentsType& HAlign(EHorizontalAlignment InHAlignment);
	SlotArgumentsType& VAlign(EVerticalAlignment InVAlignment);
	SlotArgumentsType& operator[](const TSharedRef<SWidget>& InChildWidget);
};

class SVerticalBox : public SWidget
{
public:
	class FSlot
	{
	public:
		struct FSlotArguments : TBoxSlotArgumentsStub<FSlotArguments>
		{
			FSlotArguments& AutoHeight();
			FSlotArguments& FillHeight(TAttribute<float> StretchCoefficient);
			FSlotArguments& MaxHeight(TAttribute<float> InMaxHeight);
		};
	};
	static FSlot::FSlotArguments Slot();

	struct FArguments : TSlateArgumentsStub<SVerticalBox>
	{
		FArguments& operator+(FSlot::FSlotArguments& SlotToAdd);
		FArguments& operator+(FSlot::FSlotArguments&& SlotToAdd);
	};
};

class SHorizontalBox : public SWidget
{
public:
	class FSlot
	{
	public:
		struct FSlotArguments : TBoxSlotArgumentsStub<FSlotArguments>
		{
			FSlotArguments& AutoWidth();
			FSlotArguments& FillWidth(TAttribute<float> StretchCoefficient);
			FSlotArguments& MaxWidth(TAttribute<float> InMaxWidth);
		};
	};
	static FSlot::FSlotArguments Slot();

	struct FArguments : TSlateArgumentsStub<SHorizontalBox>
	{
		FArguments& operator+(FSlot::FSlotArguments& SlotToAdd);
		FArguments& operator+(FSlot::FSlotArguments&& SlotToAdd);
	};
};
