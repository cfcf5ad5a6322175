// RUNNABLE overlay of test/cpp/engine/Engine/World.h: a world knows its game instance.
#pragma once
#include "CoreMinimal.h"

class UGameInstance;

class UWorld : public UObject
{
public:
	UGameInstance* GetGameInstance() const { return OwningGameInstance; }
	UGameInstance* OwningGameInstance = nullptr;
};
