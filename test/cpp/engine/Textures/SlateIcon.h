// Stand-in for SlateCore's FSlateIcon (Textures/SlateIcon.h); an empty icon is FSlateIcon().
#pragma once
#include "CoreMinimal.h"

class FSlateIcon
{
public:
	FSlateIcon() = default;
	FSlateIcon(const FName StyleSetName, const FName StyleName) {}
};
