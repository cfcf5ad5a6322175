// "Listen For Identity State": an async node whose On State Changed pin fires with the identity state as it was
// when the node started listening (on a later tick), then with every later change, once each and in order, until
// cancelled. A listener that binds late still learns where the client is. From _Event Init_ it starts when the
// subsystem starts.
#pragma once

#include "CoreMinimal.h"
#include "Engine/CancellableAsyncAction.h"
#include "HelpshiftTSIdentityState.h"
#include "HelpshiftTSIdentityStateAsyncAction.generated.h"

class UGameInstance;
class UHelpshiftTSSubsystem;

DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FHelpshiftTSIdentityStatePin, const FHelpshiftIdentityState&, State);

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSIdentityStateAsyncAction : public UCancellableAsyncAction
{
	GENERATED_BODY()

public:
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Session", meta = (BlueprintInternalUseOnly = "true", WorldContext = "WorldContextObject"))
	static UHelpshiftTSIdentityStateAsyncAction* ListenForIdentityState(UObject* WorldContextObject);

	UPROPERTY(BlueprintAssignable)
	FHelpshiftTSIdentityStatePin OnStateChanged;

	virtual void Activate() override;
	virtual void Cancel() override;

private:
	void ListenTo(UHelpshiftTSSubsystem& Owner);
	void HandleState(const FHelpshiftIdentityState& State);

	TWeakObjectPtr<UGameInstance> GameInstance;
	TWeakObjectPtr<UHelpshiftTSSubsystem> Subsystem;
	FDelegateHandle StateHandle;
};
