#include "HelpshiftTSLoginAsyncAction.h"

#include "Engine/GameInstance.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSSubsystem.h"

UHelpshiftTSLoginAsyncAction* UHelpshiftTSLoginAsyncAction::LoginWithIdentity(UObject* WorldContextObject, const FString& IdentityJWT, const TMap<FString, FHelpshiftConfigParameter>& LoginConfig)
{
	return LoginWithIdentityFromJson(WorldContextObject, IdentityJWT, HelpshiftConfigJson::ToJson(LoginConfig));
}

UHelpshiftTSLoginAsyncAction* UHelpshiftTSLoginAsyncAction::LoginWithIdentityFromJson(UObject* WorldContextObject, const FString& IdentityJWT, const FString& LoginConfigJson)
{
	UHelpshiftTSLoginAsyncAction* Action = NewObject<UHelpshiftTSLoginAsyncAction>();
	UGameInstance* GameInstance = UHelpshiftTSSubsystem::FindGameInstance(WorldContextObject);
	Action->GameInstance = GameInstance;
	Action->IdentityJWT = IdentityJWT;
	Action->LoginConfigJson = LoginConfigJson;
	if (GameInstance)
	{
		// The game instance itself, not the world context: during _Event Init_ it may have no world yet.
		Action->RegisterWithGameInstance(GameInstance);
	}
	else
	{
		UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: Login With Identity has no game instance (world context without a world); it cannot report"));
	}
	return Action;
}

void UHelpshiftTSLoginAsyncAction::Activate()
{
	// Activated from _Event Init_, the login waits for the subsystem the game instance starts right after.
	if (UHelpshiftTSSubsystem::StartNowOrWhenStarted(GameInstance.Get(), TEXT("LoginWithIdentity"), this, &UHelpshiftTSLoginAsyncAction::StartWith))
	{
		return;
	}
	FailNextTick(HelpshiftTSDetail::NotInitialized);
}

void UHelpshiftTSLoginAsyncAction::StartWith(UHelpshiftTSSubsystem& Owner)
{
	if (!IsActive())
	{
		// Cancelled while it waited for the subsystem.
		return;
	}
	Subsystem = &Owner;
	// The subsystem never completes inside this call, so the pins are wired before any result.
	RequestId = Owner.LoginWithIdentity(IdentityJWT, LoginConfigJson,
		FHelpshiftTSLoginCompletion::CreateUObject(this, &UHelpshiftTSLoginAsyncAction::HandleResult));
	// The token is not needed any more; do not keep it in memory longer than the call.
	IdentityJWT.Empty();
}

void UHelpshiftTSLoginAsyncAction::FailNextTick(const TCHAR* Detail)
{
	IdentityJWT.Empty();
	const FString DetailText(Detail);
	TWeakObjectPtr<UHelpshiftTSLoginAsyncAction> WeakThis(this);
	DeferredFailure = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([WeakThis, DetailText](float) {
		if (UHelpshiftTSLoginAsyncAction* Self = WeakThis.Get())
		{
			Self->DeferredFailure.Reset();
			FHelpshiftTSLoginResult Result;
			Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
			Result.Detail = DetailText;
			Self->HandleResult(Result);
		}
		return false;
	}));
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
