// The "Login With Identity (Async)" Blueprint node (and the per-call object the gameplay TS facade binds to).
// Holds the subsystem weakly, reports even an immediate failure on the next tick, unbinds what it bound and
// calls SetReadyToDestroy once it has reported. Activated before its game instance's subsystem exists (from
// _Event Init_), it waits for that subsystem to start. An action that could not register with a game instance
// never broadcasts (engine rule): IsActive() is false at once, and the gameplay facade reports it.
#pragma once

#include "CoreMinimal.h"
#include "Engine/CancellableAsyncAction.h"
#include "Containers/Ticker.h"
#include "HelpshiftConfigParameter.h"
#include "HelpshiftTSDelegates.h"
#include "HelpshiftTSLoginAsyncAction.generated.h"

class UGameInstance;
class UHelpshiftTSSubsystem;

DECLARE_DYNAMIC_MULTICAST_DELEGATE(FHelpshiftTSLoginSucceededPin);
DECLARE_DYNAMIC_MULTICAST_DELEGATE_ThreeParams(FHelpshiftTSLoginFailedPin, const FString&, Reason, const FHelpshiftStringMap&, Errors, const FString&, Detail);

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSLoginAsyncAction : public UCancellableAsyncAction
{
	GENERATED_BODY()

public:
	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (BlueprintInternalUseOnly = "true", WorldContext = "WorldContextObject", AutoCreateRefTerm = "LoginConfig", DisplayName = "Login With Identity (Async)"))
	static UHelpshiftTSLoginAsyncAction* LoginWithIdentity(UObject* WorldContextObject, const FString& IdentityJWT, const TMap<FString, FHelpshiftConfigParameter>& LoginConfig);

	/** The same, with the config as JSON text (for gameplay TypeScript, which cannot build an FVariant). */
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Script", meta = (BlueprintInternalUseOnly = "true", WorldContext = "WorldContextObject"))
	static UHelpshiftTSLoginAsyncAction* LoginWithIdentityFromJson(UObject* WorldContextObject, const FString& IdentityJWT, const FString& LoginConfigJson);

	UPROPERTY(BlueprintAssignable)
	FHelpshiftTSLoginSucceededPin OnSuccess;

	UPROPERTY(BlueprintAssignable)
	FHelpshiftTSLoginFailedPin OnFailure;

	virtual void Activate() override;
	virtual void Cancel() override;

private:
	/** Sends the login through Owner (now, or once the subsystem started after _Event Init_). */
	void StartWith(UHelpshiftTSSubsystem& Owner);
	/** Reports unknownError with Detail on the next tick (Blueprint wires the pins after Activate returns). */
	void FailNextTick(const TCHAR* Detail);
	void HandleResult(const FHelpshiftTSLoginResult& Result);
	/** Forgets the pending callback and the deferred failure, clears the pins. */
	void Unbind();

	TWeakObjectPtr<UGameInstance> GameInstance;
	TWeakObjectPtr<UHelpshiftTSSubsystem> Subsystem;
	FString IdentityJWT;
	FString LoginConfigJson;
	int32 RequestId = 0;
	FTSTicker::FDelegateHandle DeferredFailure;
};
