// Stand-in for Slate's declarative syntax: SNew(W) yields W::FArguments, whose setters chain, whose `[ ]` takes
// the slot content, and which converts to the widget reference, as SNew(...)'s result does in the engine.
#pragma once
#include "CoreMinimal.h"

class SWidget
{
public:
	virtual ~SWidget() = default;
};

template <typename WidgetType>
struct TSlateArgumentsStub
{
	operator TSharedRef<WidgetType>() const;
	operator TSharedRef<SWidget>() const;
};

#define SNew(WidgetType, ...) WidgetType::FArguments()
