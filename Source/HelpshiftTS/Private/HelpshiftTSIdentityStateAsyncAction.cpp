#include "HelpshiftTSIdentityStateAsyncAction.h"

#include "Containers/Ticker.h"
#include "Engine/GameInstance.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSSubsystem.h"

UHelpshiftTSIdentityStateAsyncAction* UHelpshiftTSIdentityStateAsyncAction::ListenForIdentityState(UObject* WorldContextObject)
{
	UHelpshiftTSIdentityStateAsyncAction* Action = NewObject<UHelpshiftTSIdentityStateAsyncAction>();
	UGameInstance* GameInstance = UHelpshiftTSSubsystem::FindGameInstance(WorldContextObject);
	Action->GameInstance = GameInstance;
	if (GameInstance)
	{
		Action->RegisterWithGameInstance(GameInstance);
	}
	return Action;
}

void UHelpshiftTSIdentityStateAsyncAction::Activate()
{
	if (UHelpshiftTSSubsystem::StartNowOrWhenStarted(GameInstance.Get(), TEXT("ListenForIdentityState"), this, &UHelpshiftTSIdentityStateAsyncAction::ListenTo))
	{
		return;
	}
	UE_LOG(LogHelpshiftTS, Warning, TEXT("HelpshiftTS: Listen For Identity State has no game instance to listen to"));
	SetReadyToDestroy();
}

void UHelpshiftTSIdentityStateAsyncAction::ListenTo(UHelpshiftTSSubsystem& Owner)
{
	if (!IsActive())
	{
		return;
	}
	Subsystem = &Owner;
	StateHandle = Owner.OnIdentityStateChanged().AddUObject(this, &UHelpshiftTSIdentityStateAsyncAction::HandleState);
	// The current state first, on the next tick: Blueprint wires the pin after Activate returns.
	TWeakObjectPtr<UHelpshiftTSIdentityStateAsyncAction> WeakThis(this);
	FirstState = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([WeakThis](float) {
		if (UHelpshiftTSIdentityStateAsyncAction* Self = WeakThis.Get())
		{
			Self->FirstState.Reset();
			if (const UHelpshiftTSSubsystem* Live = Self->Subsystem.Get())
			{
				Self->HandleState(Live->GetIdentityState());
			}
		}
		return false;
	}));
}

void UHelpshiftTSIdentityStateAsyncAction::HandleState(const FHelpshiftIdentityState& State)
{
	if (ShouldBroadcastDelegates())
	{
		OnStateChanged.Broadcast(State);
	}
}

void UHelpshiftTSIdentityStateAsyncAction::Cancel()
{
	if (FirstState.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(FirstState);
		FirstState.Reset();
	}
	if (UHelpshiftTSSubsystem* Owner = Subsystem.Get())
	{
		Owner->OnIdentityStateChanged().Remove(StateHandle);
	}
	StateHandle.Reset();
	OnStateChanged.Clear();
	Super::Cancel();
}
