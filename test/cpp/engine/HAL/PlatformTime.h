// HAL/PlatformTime.h: FPlatformTime::Seconds, the engine's monotonic high-resolution clock (seconds from an
// arbitrary origin; QueryPerformanceCounter, mach_absolute_time or CLOCK_MONOTONIC underneath).
#pragma once
#include "CoreMinimal.h"

struct FPlatformTime
{
	static double Seconds();
};
