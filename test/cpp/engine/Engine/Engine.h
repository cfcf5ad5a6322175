#pragma once
#include "CoreMinimal.h"
#include "Engine/EngineTypes.h"

class UWorld;
class UGameInstance;

/**
 * Engine/Engine.h: the engine's track of one world (one per game instance; in the editor one per PIE client).
 * Only the members the bridge reads, with the engine's types and defaults; neither is editor-only in the engine.
 */
struct FWorldContext
{
	TEnumAsByte<EWorldType::Type> WorldType = EWorldType::None;
	/** The PIE instance of this world, INDEX_NONE (-1) unless it is a PIE client's. */
	int32 PIEInstance = INDEX_NONE;
};

enum class EGetWorldErrorMode
{
	ReturnNull,
	LogAndReturnNull,
	Assert
};

class UEngine : public UObject
{
public:
	UWorld* GetWorldFromContextObject(const UObject* Object, EGetWorldErrorMode ErrorMode) const;
};

extern UEngine* GEngine;
