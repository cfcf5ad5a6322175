#pragma once
#include "CoreMinimal.h"

class FCoreDelegates
{
public:
	typedef TMulticastDelegate<void()> FApplicationLifetimeDelegate;
	static FApplicationLifetimeDelegate ApplicationWillEnterBackgroundDelegate;
	static FApplicationLifetimeDelegate ApplicationHasEnteredForegroundDelegate;
};
