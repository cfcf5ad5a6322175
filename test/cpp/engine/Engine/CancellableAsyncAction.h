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
};

class UCancellableAsyncAction : public UBlueprintAsyncActionBase
{
public:
	virtual void Cancel();
	virtual bool IsActive() const;
	virtual bool ShouldBroadcastDelegates() const;
	virtual bool IsRegistered() const;
};
