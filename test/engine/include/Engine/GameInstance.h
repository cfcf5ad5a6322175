// RUNNABLE overlay of test/cpp/engine/Engine/GameInstance.h. Init/Shutdown in the engine's order
// (GameInstance.cpp, ENGINE-FACTS): Init runs ReceiveInit (_Event Init_) FIRST and initializes the subsystem
// collection LAST; Shutdown runs ReceiveShutdown FIRST and deinitializes the subsystems after. A scenario's game
// instance overrides ReceiveInit/ReceiveShutdown as a Blueprint subclass does.
#pragma once
#include "CoreMinimal.h"

class USubsystem;
class UBlueprintAsyncActionBase;

class UGameInstance : public UObject
{
public:
	virtual void Init();
	virtual void Shutdown();
	/** _Event Init_ / _Event Shutdown_ (BlueprintImplementableEvent in the engine). */
	virtual void ReceiveInit() {}
	virtual void ReceiveShutdown() {}

	template <typename TSubsystemClass> TSubsystemClass* GetSubsystem() const
	{
		for (USubsystem* Subsystem : Subsystems)
		{
			if (TSubsystemClass* Found = dynamic_cast<TSubsystemClass*>(Subsystem))
			{
				return Found;
			}
		}
		return nullptr;
	}

	/** UGameInstance::RegisterReferencedObject / UnregisterReferencedObject (async actions). */
	void RegisterReferencedObject(UObject* Object);
	void UnregisterReferencedObject(UObject* Object);
	int32 HsNumReferencedObjects() const { return ReferencedObjects.Num(); }

	class UWorld* HsWorld = nullptr;

private:
	TArray<USubsystem*> Subsystems;
	TArray<UObject*> ReferencedObjects;
};

/** The game-instance subsystem classes the collection creates (the engine finds them by reflection). */
void HsRegisterGameInstanceSubsystemClass(std::function<USubsystem*(UGameInstance*)> Factory);
