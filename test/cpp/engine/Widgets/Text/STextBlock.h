#pragma once
#include "CoreMinimal.h"
#include "Widgets/SlateStub.h"

class STextBlock : public SWidget
{
public:
	struct FArguments : TSlateArgumentsStub<STextBlock>
	{
		FArguments& Text(const FText& InText);
		FArguments& AutoWrapText(bool bInAutoWrapText);
	};
};
