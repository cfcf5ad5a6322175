#pragma once
#include "CoreMinimal.h"

typedef TDelegate<bool(float)> FTickerDelegate;

class FTSTicker
{
public:
	struct FElement;
	/** The engine's handle is a TWeakPtr<FElement>: IsValid and Reset are what callers use. */
	class FDelegateHandle
	{
	public:
		bool IsValid() const;
		void Reset();
	};

	static FTSTicker& GetCoreTicker();
	FDelegateHandle AddTicker(const FTickerDelegate& InDelegate, float InDelay = 0.0f);
	static void RemoveTicker(FDelegateHandle Handle);
};
