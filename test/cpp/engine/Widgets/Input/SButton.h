// Stand-in for Slate's SButton: a text, a tooltip and an OnClicked delegate answering an FReply.
#pragma once
#include "CoreMinimal.h"
#include "Framework/SlateDelegates.h"
#include "Misc/Attribute.h"
#include "Widgets/SlateStub.h"

class SButton : public SWidget
{
public:
	struct FArguments : TSlateArgumentsStub<SButton>
	{
		FArguments& Text(TAttribute<FText> InText);
		FArguments& ToolTipText(TAttribute<FText> InToolTipText);
		FArguments& IsEnabled(TAttribute<bool> InIsEnabled);
		FArguments& OnClicked(const FOnClicked& InOnClicked);
		/** As SLATE_EVENT's _Lambda: the functor must be callable as FReply(). */
		template <typename FunctorType>
		FArguments& OnClicked_Lambda(FunctorType&& InFunctor)
		{
			return OnClicked(FOnClicked::CreateLambda(std::forward<FunctorType>(InFunctor)));
		}
	};
};
