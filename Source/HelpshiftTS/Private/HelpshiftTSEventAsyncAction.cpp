#include "HelpshiftTSEventAsyncAction.h"

#include "Engine/GameInstance.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSSubsystem.h"

UHelpshiftTSEventAsyncAction* UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(UObject* WorldContextObject)
{
	UHelpshiftTSEventAsyncAction* Action = NewObject<UHelpshiftTSEventAsyncAction>();
	UGameInstance* GameInstance = UHelpshiftTSSubsystem::FindGameInstance(WorldContextObject);
	Action->GameInstance = GameInstance;
	if (GameInstance)
	{
		Action->RegisterWithGameInstance(GameInstance);
	}
	return Action;
}

void UHelpshiftTSEventAsyncAction::Activate()
{
	if (UHelpshiftTSSubsystem::StartNowOrWhenStarted(GameInstance.Get(), TEXT("ListenForHelpshiftEvents"), this, &UHelpshiftTSEventAsyncAction::ListenTo))
	{
		return;
	}
	UE_LOG(LogHelpshiftTS, Warning, TEXT("HelpshiftTS: Listen For Helpshift Events has no game instance to listen to"));
	SetReadyToDestroy();
}

void UHelpshiftTSEventAsyncAction::ListenTo(UHelpshiftTSSubsystem& Owner)
{
	if (!IsActive())
	{
		return;
	}
	Subsystem = &Owner;
	EventHandle = Owner.OnEvent().AddUObject(this, &UHelpshiftTSEventAsyncAction::HandleEvent);
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
