// Stand-in for Slate's SMultiLineEditableTextBox: several lines, editable or read-only, text bound to a getter.
#pragma once
#include "CoreMinimal.h"
#include "Framework/SlateDelegates.h"
#include "Misc/Attribute.h"
#include "Widgets/SlateStub.h"

class SMultiLineEditableTextBox : public SWidget
{
public:
	struct FArguments : TSlateArgumentsStub<SMultiLineEditableTextBox>
	{
		FArguments& Text(TAttribute<FText> InText);
		/** As SLATE_ATTRIBUTE's _Lambda: the functor must return an FText. */
		template <typename FunctorType>
		FArguments& Text_Lambda(FunctorType&& InFunctor)
		{
			return Text(TAttribute<FText>::CreateLambda(std::forward<FunctorType>(InFunctor)));
		}
		FArguments& HintText(TAttribute<FText> InHintText);
		FArguments& IsReadOnly(TAttribute<bool> InIsReadOnly);
		FArguments& AutoWrapText(TAttribute<bool> InAutoWrapText);
		FArguments& OnTextChanged(const FOnTextChanged& InOnTextChanged);
		template <typename FunctorType>
		FArguments& OnTextChanged_Lambda(FunctorType&& InFunctor)
		{
			return OnTextChanged(FOnTextChanged::CreateLambda(std::forward<FunctorType>(InFunctor)));
		}
	};
};
