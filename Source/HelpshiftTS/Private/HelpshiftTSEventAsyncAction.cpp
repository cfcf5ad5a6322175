#include "HelpshiftTSEventAsyncAction.h"

#include "HelpshiftTSSubsystem.h"

UHelpshiftTSEventAsyncAction* UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(UObject* WorldContextObject)
{
	UHelpshiftTSEventAsyncAction* Action = NewObject<UHelpshiftTSEventAsyncAction>();
	Action->Subsystem = UHelpshiftTSSubsystem::Get(WorldContextObject);
	Action->RegisterWithGameInstance(WorldContextObject);
	return Action;
}

void UHelpshiftTSEventAsyncAction::Activate()
{
	if (UHelpshiftTSSubsystem* Owner = Subsystem.Get())
	{
		EventHandle = Owner->OnEvent().AddUObject(this, &UHelpshiftTSEventAsyncAction::HandleEvent);
		return;
	}
	// No game instance: nothing will ever be sent, so do not stay alive.
	SetReadyToDestroy();
}

void UHelpshiftTSEventAsyncAction::HandleEvent(const FString& EventName, const FHelpshiftStringMap& Data)
{
	if (ShouldBroadcastDelegates())
	{
		OnEvent.Broadcast(EventName, Data);
	}
}

void UHelpshiftTSEventAsyncAction::Cancel()
{
	if (UHelpshiftTSSubsystem* Owner = Subsystem.Get())
	{
		Owner->OnEvent().Remove(EventHandle);
	}
	EventHandle.Reset();
	OnEvent.Clear();
	Super::Cancel();
}
