// Stand-in for Slate's SEditableTextBox: one line of text, optionally a password field.
#pragma once
#include "CoreMinimal.h"
#include "Framework/SlateDelegates.h"
#include "Misc/Attribute.h"
#include "Widgets/SlateStub.h"

class SEditableTextBox : public SWidget
{
public:
	struct FArguments : TSlateArgumentsStub<SEditableTextBox>
	{
		FArguments& Text(TAttribute<FText> InText);
		FArguments& HintText(TAttribute<FText> InHintText);
		FArguments& IsPassword(TAttribute<bool> InIsPassword);
		FArguments& IsReadOnly(TAttribute<bool> InIsReadOnly);
		FArguments& OnTextChanged(const FOnTextChanged& InOnTextChanged);
		/** As SLATE_EVENT's _Lambda: the functor must be callable as void(const FText&). */
		template <typename FunctorType>
		FArguments& OnTextChanged_Lambda(FunctorType&& InFunctor)
		{
			return OnTextChanged(FOnTextChanged::CreateLambda(std::forward<FunctorType>(InFunctor)));
		}
	};
};
