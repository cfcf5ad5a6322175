// "Listen For Helpshift Events": an async node whose OnEvent pin fires for every SDK event until cancelled,
// always on a later tick than the call that caused the event. Activated from _Event Init_ (before the
// subsystem exists), it starts listening when its game instance's subsystem starts. Gameplay TS binds to
// OnEvent per listener object, so nothing leaks when it stops listening.
#pragma once

#include "CoreMinimal.h"
#include "Engine/CancellableAsyncAction.h"
#include "HelpshiftTSDelegates.h"
#include "HelpshiftTSEventAsyncAction.generated.h"

class UGameInstance;
class UHelpshiftTSSubsystem;

DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(FHelpshiftTSEventPin, const FString&, EventName, const FHelpshiftStringMap&, Data);

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSEventAsyncAction : public UCancellableAsyncAction
{
	GENERATED_BODY()

public:
	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (BlueprintInternalUseOnly = "true", WorldContext = "WorldContextObject"))
	static UHelpshiftTSEventAsyncAction* ListenForHelpshiftEvents(UObject* WorldContextObject);

	UPROPERTY(BlueprintAssignable)
	FHelpshiftTSEventPin OnEvent;

	virtual void Activate() override;
	virtual void Cancel() override;

private:
	void ListenTo(UHelpshiftTSSubsystem& Owner);
	void HandleEvent(const FString& EventName, const FHelpshiftStringMap& Data);

	TWeakObjectPtr<UGameInstance> GameInstance;
	TWeakObjectPtr<UHelpshiftTSSubsystem> Subsystem;
	FDelegateHandle EventHandle;
};
