// Stand-in for SlateCore's FMargin (Layout/Margin.h).
#pragma once
#include "CoreMinimal.h"

struct FMargin
{
	FMargin() = default;
	FMargin(float UniformMargin);
	FMargin(float Horizontal, float Vertical);
	FMargin(float InLeft, float InTop, float InRight, float InBottom);
	float Left = 0.f;
	float Top = 0.f;
	float Right = 0.f;
	float Bottom = 0.f;
};
