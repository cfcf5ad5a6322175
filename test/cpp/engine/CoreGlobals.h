// CoreGlobals.h: the few engine globals the bridge reads.
#pragma once
#include "CoreMinimal.h"

/** True in a dedicated server build or a -server run. */
bool IsRunningDedicatedServer();
