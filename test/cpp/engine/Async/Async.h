#pragma once
#include "CoreMinimal.h"

namespace ENamedThreads
{
	enum Type : int32
	{
		UnusedAnchor = -1,
		RHIThread,
		GameThread,
		ActualRenderingThread = GameThread + 1,
		AnyThread = 0xff,
	};
}

void AsyncTask(ENamedThreads::Type Thread, TUniqueFunction<void()> Function);
