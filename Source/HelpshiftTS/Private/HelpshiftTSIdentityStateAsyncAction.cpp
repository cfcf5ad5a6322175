#include "HelpshiftTSIdentityStateAsyncAction.h"

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
	// The state as it is now, delivered through the subsystem's own queue, and the binding made only then: the
	// changes queued before this call (already in Current) are delivered ahead of it and not heard again, and
	// every change queued after it comes after it, once. Always on a later tick: Blueprint wires the pin after
	// Activate returns.
	const FHelpshiftIdentityState Current = Owner.GetIdentityState();
	TWeakObjectPtr<UHelpshiftTSIdentityStateAsyncAction> WeakThis(this);
	Owner.DeliverInOrder([WeakThis, Current]() {
		UHelpshiftTSIdentityStateAsyncAction* Self = WeakThis.Get();
		UHelpshiftTSSubsystem* Live = Self ? Self->Subsystem.Get() : nullptr;
		if (!Self || !Live || !Self->IsActive())
		{
			return;
		}
		Self->StateHandle = Live->OnIdentityStateChanged().AddUObject(Self, &UHelpshiftTSIdentityStateAsyncAction::HandleState);
		Self->HandleState(Current);
	});
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
	if (UHelpshiftTSSubsystem* Owner = Subsystem.Get())
	{
		Owner->OnIdentityStateChanged().Remove(StateHandle);
	}
	StateHandle.Reset();
	OnStateChanged.Clear();
	Super::Cancel();
}
