// RUNNABLE overlay of test/cpp/engine/Engine/GameInstance.h. Init/Shutdown in the engine's order
// (GameInstance.cpp, ENGINE-FACTS): Init runs ReceiveInit (_Event Init_) FIRST and initializes the subsystem
// collection LAST; Shutdown runs ReceiveShutdown FIRST and deinitializes the subsystems after. A scenario's game
// instance overrides ReceiveInit/ReceiveShutdown as a Blueprint subclass does.
//
// The world context (Engine/Engine.h FWorldContext) is made before Init, as the engine's InitializeStandalone
// (EWorldType::Game) and InitializeForPlayInEditor (EWorldType::PIE, PIEInstance = the client's index) do; both
// then call Init.
#pragma once
#include "CoreMinimal.h"
#include "Engine/Engine.h"

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

	/** GameInstance.h: the engine's world context of this game instance (null before it is initialized). */
	struct FWorldContext* GetWorldContext() const { return WorldContext; }
	/** UGameInstance::InitializeStandalone: a Game world context, then Init. */
	void HsInitializeStandalone();
	/** UGameInstance::InitializeForPlayInEditor(PIEInstanceIndex, ...): a PIE world context, then Init. */
	void HsInitializeForPlayInEditor(int32 PIEInstanceIndex);

protected:
	FWorldContext* WorldContext = nullptr;

private:
	FWorldContext HsOwnedContext;
	TArray<USubsystem*> Subsystems;
	TArray<UObject*> ReferencedObjects;
};

/** The game-instance subsystem classes the collection creates (the engine finds them by reflection). */
void HsRegisterGameInstanceSubsystemClass(std::function<USubsystem*(UGameInstance*)> Factory);
