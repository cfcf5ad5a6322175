// RUNNABLE overlay of test/cpp/engine/Containers/Ticker.h: the core ticker really ticks (HsEngine::Tick).
// Engine rule kept: a ticker added while the ticker ticks first runs on the next Tick; a delegate returning
// false is removed; InDelay is in seconds of the ticker's clock.
#pragma once
#include "CoreMinimal.h"

typedef TDelegate<bool(float)> FTickerDelegate;

class FTSTicker
{
public:
	struct FElement;
	class FDelegateHandle
	{
	public:
		FDelegateHandle() = default;
		explicit FDelegateHandle(std::shared_ptr<FElement> In) : Element(In) {}
		bool IsValid() const { return !Element.expired(); }
		void Reset() { Element.reset(); }
		std::weak_ptr<FElement> Element;
	};

	static FTSTicker& GetCoreTicker();
	FDelegateHandle AddTicker(const FTickerDelegate& InDelegate, float InDelay = 0.0f);
	static void RemoveTicker(FDelegateHandle Handle);
	/** Runs the due tickers (the engine loop calls it once a frame). */
	void Tick(float DeltaTime);
	int32 HsNum() const;
};
