#pragma once
#include "CoreMinimal.h"

enum class EGuidFormats
{
	Digits,
	DigitsLower,
	DigitsWithHyphens,
	DigitsWithHyphensLower,
	DigitsWithHyphensInBraces,
	DigitsWithHyphensInParentheses,
	HexValuesInBraces,
	UniqueObjectGuid,
	Short,
	Base36Encoded,
};

struct FGuid
{
	static FGuid NewGuid();
	FString ToString(EGuidFormats Format = EGuidFormats::Digits) const;
};
