#pragma once
#include "CoreMinimal.h"

class FCoreDelegates
{
public:
	typedef TMulticastDelegate<void()> FApplicationLifetimeDelegate;
	/** iOS: a game-thread task the main thread waits for before suspension (ENGINE-FACTS); Android: on pause. */
	static FApplicationLifetimeDelegate ApplicationWillDeactivateDelegate;
	static FApplicationLifetimeDelegate ApplicationWillEnterBackgroundDelegate;
	static FApplicationLifetimeDelegate ApplicationHasEnteredForegroundDelegate;
};
