#include "HelpshiftTSLoginAsyncAction.h"

#include "HelpshiftConfigJson.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSSubsystem.h"

UHelpshiftTSLoginAsyncAction* UHelpshiftTSLoginAsyncAction::LoginWithIdentity(UObject* WorldContextObject, const FString& IdentityJWT, const TMap<FString, FHelpshiftConfigParameter>& LoginConfig)
{
	return LoginWithIdentityFromJson(WorldContextObject, IdentityJWT, HelpshiftConfigJson::ToJson(LoginConfig));
}

UHelpshiftTSLoginAsyncAction* UHelpshiftTSLoginAsyncAction::LoginWithIdentityFromJson(UObject* WorldContextObject, const FString& IdentityJWT, const FString& LoginConfigJson)
{
	UHelpshiftTSLoginAsyncAction* Action = NewObject<UHelpshiftTSLoginAsyncAction>();
	Action->Subsystem = UHelpshiftTSSubsystem::Get(WorldContextObject);
	Action->IdentityJWT = IdentityJWT;
	Action->LoginConfigJson = LoginConfigJson;
	Action->RegisterWithGameInstance(WorldContextObject);
	return Action;
}

void UHelpshiftTSLoginAsyncAction::Activate()
{
	UHelpshiftTSSubsystem* Owner = Subsystem.Get();
	if (!Owner)
	{
		// Blueprint wires the pins after Activate returns: an immediate failure must wait for the next tick.
		TWeakObjectPtr<UHelpshiftTSLoginAsyncAction> WeakThis(this);
		DeferredFailure = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([WeakThis](float) {
			if (UHelpshiftTSLoginAsyncAction* Self = WeakThis.Get())
			{
				Self->DeferredFailure.Reset();
				FHelpshiftTSLoginResult Result;
				Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
				Result.Detail = HelpshiftTSDetail::NotInitialized;
				Self->HandleResult(Result);
			}
			return false;
		}));
		return;
	}
	// The subsystem never completes inside this call, so the pins are wired before any result.
	RequestId = Owner->LoginWithIdentity(IdentityJWT, LoginConfigJson,
		FHelpshiftTSLoginCompletion::CreateUObject(this, &UHelpshiftTSLoginAsyncAction::HandleResult));
	// The token is not needed any more; do not keep it in memory longer than the call.
	IdentityJWT.Empty();
}

void UHelpshiftTSLoginAsyncAction::HandleResult(const FHelpshiftTSLoginResult& Result)
{
	RequestId = 0;
	if (ShouldBroadcastDelegates())
	{
		if (Result.bSuccess)
		{
			OnSuccess.Broadcast();
		}
		else
		{
			OnFailure.Broadcast(Result.Reason, Result.Errors, Result.Detail);
		}
	}
	Unbind();
	SetReadyToDestroy();
}

void UHelpshiftTSLoginAsyncAction::Cancel()
{
	Unbind();
	Super::Cancel();
}

void UHelpshiftTSLoginAsyncAction::Unbind()
{
	if (DeferredFailure.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(DeferredFailure);
		DeferredFailure.Reset();
	}
	if (RequestId != 0)
	{
		if (UHelpshiftTSSubsystem* Owner = Subsystem.Get())
		{
			Owner->CancelLogin(RequestId);
		}
		RequestId = 0;
	}
	OnSuccess.Clear();
	OnFailure.Clear();
}
