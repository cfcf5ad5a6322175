// RUNNABLE overlay of test/cpp/engine/Engine/CancellableAsyncAction.h, with the engine's rules
// (CancellableAsyncAction.h, BlueprintAsyncActionBase.cpp; ENGINE-FACTS): registering with a game instance keeps
// the action; SetReadyToDestroy unregisters it; a cancellable action broadcasts only while registered.
#pragma once
#include "CoreMinimal.h"

class UGameInstance;

class UBlueprintAsyncActionBase : public UObject
{
public:
	virtual void Activate();
	virtual void RegisterWithGameInstance(const UObject* WorldContextObject);
	virtual void RegisterWithGameInstance(UGameInstance* GameInstance);
	virtual void SetReadyToDestroy();

protected:
	TWeakObjectPtr<UGameInstance> RegisteredWithGameInstance;
};

class UCancellableAsyncAction : public UBlueprintAsyncActionBase
{
public:
	virtual void Cancel();
	virtual bool IsActive() const;
	virtual bool ShouldBroadcastDelegates() const;
	virtual bool IsRegistered() const;
};
