#include "HelpshiftTSSubsystem.h"

#include "Async/Async.h"
#include "Containers/Ticker.h"
#include "CoreGlobals.h"
#include "Engine/Engine.h"
#include "Engine/EngineTypes.h"
#include "Engine/GameInstance.h"
#include "Engine/World.h"
#include "HAL/FileManager.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftTSBridge.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEarlyCalls.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSPayload.h"
#include "HelpshiftTSSettings.h"
#include "JsEnv.h"
#include "Misc/CoreDelegates.h"
#include "Misc/Paths.h"
#include "Templates/Casts.h"

THelpshiftTSMostRecent<UHelpshiftTSSubsystem> UHelpshiftTSSubsystem::Live;
FString UHelpshiftTSSubsystem::LastInitParameters;

bool UHelpshiftTSSubsystem::ShouldCreateSubsystem(UObject* Outer) const
{
	return !IsRunningDedicatedServer() && Super::ShouldCreateSubsystem(Outer);
}

void UHelpshiftTSSubsystem::Initialize(FSubsystemCollectionBase& Collection)
{
	Super::Initialize(Collection);
	Live.Add(this);
	bShuttingDown = false;
	ForegroundHandle = FCoreDelegates::ApplicationHasEnteredForegroundDelegate.AddUObject(this, &UHelpshiftTSSubsystem::HandleAppForeground);
	// iOS suspends the game thread before WillEnterBackground is broadcast; WillDeactivate runs on the game thread
	// before suspension, so the background flush happens while the app can still send (ENGINE-FACTS).
	DeactivateHandle = FCoreDelegates::ApplicationWillDeactivateDelegate.AddUObject(this, &UHelpshiftTSSubsystem::HandleAppBackground);
	BackgroundHandle = FCoreDelegates::ApplicationWillEnterBackgroundDelegate.AddUObject(this, &UHelpshiftTSSubsystem::HandleAppBackground);
	StartScript();
	InitWithoutWaitingInit();
	RunEarlyCalls();
}

void UHelpshiftTSSubsystem::Deinitialize()
{
	FCoreDelegates::ApplicationHasEnteredForegroundDelegate.Remove(ForegroundHandle);
	FCoreDelegates::ApplicationWillDeactivateDelegate.Remove(DeactivateHandle);
	FCoreDelegates::ApplicationWillEnterBackgroundDelegate.Remove(BackgroundHandle);
	StopScript();
	Live.Remove(this);
	Super::Deinitialize();
}

UGameInstance* UHelpshiftTSSubsystem::FindGameInstance(const UObject* WorldContextObject)
{
	if (!WorldContextObject)
	{
		return nullptr;
	}
	// During _Event Init_ the game instance may have no world yet: take it as it is when it is the context.
	if (UGameInstance* GameInstance = Cast<UGameInstance>(const_cast<UObject*>(WorldContextObject)))
	{
		return GameInstance;
	}
	const UWorld* World = GEngine ? GEngine->GetWorldFromContextObject(WorldContextObject, EGetWorldErrorMode::ReturnNull) : nullptr;
	return World ? World->GetGameInstance() : nullptr;
}

UHelpshiftTSSubsystem* UHelpshiftTSSubsystem::Get(const UObject* WorldContextObject)
{
	return OfGameInstance(FindGameInstance(WorldContextObject));
}

UHelpshiftTSSubsystem* UHelpshiftTSSubsystem::OfGameInstance(const UGameInstance* GameInstance)
{
	return GameInstance ? GameInstance->GetSubsystem<UHelpshiftTSSubsystem>() : nullptr;
}

bool UHelpshiftTSSubsystem::CanStartLater(const UGameInstance* GameInstance)
{
	return GameInstance != nullptr && !IsRunningDedicatedServer();
}

UHelpshiftTSSubsystem* UHelpshiftTSSubsystem::GetPrimary()
{
	return Live.Get();
}

void UHelpshiftTSSubsystem::InitWithoutWaitingInit()
{
	if (FHelpshiftTSEarlyCalls::Get().Has(GetGameInstance(), HelpshiftTSEarlyCall::Init))
	{
		return;
	}
	if (!LastInitParameters.IsEmpty())
	{
		// A second PIE client: its _Event Init_ Init went to the client already running (the static call has no
		// world context), so it starts with what that Init said. Every client runs the same game code.
		Init(LastInitParameters);
	}
	else if (GetDefault<UHelpshiftTSSettings>()->IsComplete())
	{
		// The settings travel with every Init; the parameters are empty here.
		Init(HelpshiftTSPayload::Empty());
	}
}

void UHelpshiftTSSubsystem::RunEarlyCalls()
{
	TArray<FHelpshiftTSEarlyCalls::FCall> Calls = FHelpshiftTSEarlyCalls::Get().Take(GetGameInstance());
	for (FHelpshiftTSEarlyCalls::FCall& Call : Calls)
	{
		Call(*this);
	}
}

void UHelpshiftTSSubsystem::Deliver(FHelpshiftTSDeliveries::FDelivery Delivery)
{
	if (!Deliveries.Add(MoveTemp(Delivery)))
	{
		return;
	}
	TWeakObjectPtr<UHelpshiftTSSubsystem> WeakThis(this);
	DeliveryTick = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([WeakThis](float) {
		if (UHelpshiftTSSubsystem* Self = WeakThis.Get())
		{
			Self->DeliveryTick.Reset();
			Self->Deliveries.RunDue();
		}
		return false;
	}));
}

bool UHelpshiftTSSubsystem::IsRunning() const
{
	return JsEnv.IsValid() && bReady && !bShuttingDown;
}

void UHelpshiftTSSubsystem::StartScript()
{
	Bridge = NewObject<UHelpshiftTSBridge>(this);
	Bridge->SetOwner(this);
	JsEnv = MakeShared<PUERTS_NAMESPACE::FJsEnv>(std::make_shared<FHelpshiftTSModuleLoader>(FHelpshiftTSModuleLoader::DefaultRoots()), std::make_shared<PUERTS_NAMESPACE::FDefaultLogger>(), -1);
	TArray<TPair<FString, UObject*>> Arguments;
	Arguments.Add(TPair<FString, UObject*>(HelpshiftTSScript::BridgeArgument, Bridge));
	// The entry binds OnCommand and calls NotifyReady while Start runs; if it does not, the bundle is missing.
	JsEnv->Start(HelpshiftTSScript::EntryModule, Arguments);
	if (!bReady)
	{
		UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: %s did not start; run `npm run build` and stage Content/JavaScript"), HelpshiftTSScript::EntryModule);
	}
}

void UHelpshiftTSSubsystem::StopScript()
{
	if (bReady && Bridge)
	{
		// TypeScript fails its own pending work with unknownError/disposed and unbinds OnCommand.
		SendCommand(0, HelpshiftTSCommand::Dispose, HelpshiftTSPayload::Empty());
	}
	bShuttingDown = true;
	bReady = false;
	Http.CancelAll();
	// Queued deliveries never run: the pending logins among them fail below, and events are dropped.
	Deliveries.Reset();
	if (DeliveryTick.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(DeliveryTick);
		DeliveryTick.Reset();
	}
	// What TypeScript could not answer fails now, synchronously: after this nothing may fire.
	TMap<int32, FHelpshiftTSLoginCompletion> Unanswered = MoveTemp(PendingLogins);
	PendingLogins.Empty();
	for (TPair<int32, FHelpshiftTSLoginCompletion>& Entry : Unanswered)
	{
		FHelpshiftTSLoginResult Result;
		Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
		Result.Detail = HelpshiftTSDetail::Disposed;
		Entry.Value.ExecuteIfBound(Result);
	}
	if (Bridge)
	{
		Bridge->OnCommand.Unbind();
		Bridge->Detach();
	}
	JsEnv.Reset();
	Bridge = nullptr;
	BoundEventDelegate.Unbind();
	EventNative.Clear();
}

void UHelpshiftTSSubsystem::SendCommand(int32 RequestId, const FString& Command, const FString& PayloadJson)
{
	check(IsInGameThread());
	if (Bridge && !bShuttingDown)
	{
		Bridge->OnCommand.ExecuteIfBound(RequestId, Command, PayloadJson);
	}
}

int32 UHelpshiftTSSubsystem::NewRequestId()
{
	// 0 means "no answer wanted"; wrap before int32 overflow.
	const int32 Id = NextRequestId;
	NextRequestId = NextRequestId >= MAX_int32 - 1 ? 1 : NextRequestId + 1;
	return Id;
}

void UHelpshiftTSSubsystem::Init(const FString& ParametersJson)
{
	LastInitParameters = ParametersJson;
	if (!IsRunning())
	{
		UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: Init ignored, the script is not running"));
		return;
	}
	SendCommand(0, HelpshiftTSCommand::Init, HelpshiftTSPayload::Init(GetDefault<UHelpshiftTSSettings>()->ToJson(), ParametersJson));
}

int32 UHelpshiftTSSubsystem::LoginWithIdentity(const FString& IdentityJWT, const FString& LoginConfigJson, const FHelpshiftTSLoginCompletion& Completion)
{
	const int32 RequestId = NewRequestId();
	PendingLogins.Add(RequestId, Completion);
	if (!IsRunning())
	{
		FailLoginNextTick(RequestId, HelpshiftTSDetail::NotInitialized);
		return RequestId;
	}
	SendCommand(RequestId, HelpshiftTSCommand::Login, HelpshiftTSPayload::Login(IdentityJWT, LoginConfigJson));
	return RequestId;
}

void UHelpshiftTSSubsystem::FailLoginNextTick(int32 RequestId, const FString& Detail)
{
	FHelpshiftTSLoginResult Result;
	Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
	Result.Detail = Detail;
	HandleLoginResult(RequestId, Result);
}

void UHelpshiftTSSubsystem::CancelLogin(int32 RequestId)
{
	PendingLogins.Remove(RequestId);
}

void UHelpshiftTSSubsystem::Logout()
{
	SendCommand(0, HelpshiftTSCommand::Logout, HelpshiftTSPayload::Empty());
}

void UHelpshiftTSSubsystem::AddUserIdentities(const FString& IdentitiesJWT)
{
	SendCommand(0, HelpshiftTSCommand::AddUserIdentities, HelpshiftTSPayload::Token(IdentitiesJWT));
}

void UHelpshiftTSSubsystem::UpdateMasterAttributes(const FString& AttributesJson)
{
	SendCommand(0, HelpshiftTSCommand::UpdateMasterAttributes, HelpshiftTSPayload::Attributes(AttributesJson));
}

void UHelpshiftTSSubsystem::UpdateAppAttributes(const FString& AttributesJson)
{
	SendCommand(0, HelpshiftTSCommand::UpdateAppAttributes, HelpshiftTSPayload::Attributes(AttributesJson));
}

void UHelpshiftTSSubsystem::ClearAnonymousUserOnLogin(bool bClear)
{
	SendCommand(0, HelpshiftTSCommand::ClearAnonymousUserOnLogin, HelpshiftTSPayload::Flag(TEXT("clear"), bClear));
}

void UHelpshiftTSSubsystem::ProvideIdentityToken(const FString& IdentityJWT, int32 TokenRequestId)
{
	SendCommand(0, HelpshiftTSCommand::ProvideIdentityToken, HelpshiftTSPayload::TokenAnswer(IdentityJWT, TokenRequestId));
}

void UHelpshiftTSSubsystem::ProvideIdentityTokenFailed(int32 TokenRequestId)
{
	SendCommand(0, HelpshiftTSCommand::ProvideIdentityTokenFailed, HelpshiftTSPayload::TokenAnswer(FString(), TokenRequestId));
}

void UHelpshiftTSSubsystem::SetEventDelegate(const FHelpshiftEventDelegate& Delegate)
{
	BoundEventDelegate = Delegate;
}

void UHelpshiftTSSubsystem::HandleReady()
{
	bReady = true;
}

void UHelpshiftTSSubsystem::HandleLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result)
{
	if (bShuttingDown)
	{
		return;
	}
	// The completion stays pending until delivered, so a shutdown in between still fails it with disposed.
	Deliver([this, RequestId, Result]() { DeliverLoginResult(RequestId, Result); });
}

void UHelpshiftTSSubsystem::DeliverLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result)
{
	if (bShuttingDown)
	{
		return;
	}
	FHelpshiftTSLoginCompletion Completion;
	if (PendingLogins.RemoveAndCopyValue(RequestId, Completion))
	{
		Completion.ExecuteIfBound(Result);
	}
}

void UHelpshiftTSSubsystem::HandleEvent(const FString& EventName, const FString& DataJson)
{
	if (bShuttingDown)
	{
		return;
	}
	FHelpshiftStringMap Data;
	HelpshiftConfigJson::StringMapFromJson(DataJson, Data.Entries);
	DeliverEvent(EventName, Data);
}

void UHelpshiftTSSubsystem::DeliverEvent(const FString& EventName, const FHelpshiftStringMap& Data)
{
	Deliver([this, EventName, Data]() {
		BoundEventDelegate.ExecuteIfBound(EventName, Data);
		EventNative.Broadcast(EventName, Data);
	});
}

void UHelpshiftTSSubsystem::HandleIdentityTokenRequest(int32 TokenRequestId, const FString& Reason)
{
	if (bShuttingDown)
	{
		return;
	}
	FHelpshiftStringMap Data;
	Data.Entries.Add(TEXT("requestId"), FString::FromInt(TokenRequestId));
	Data.Entries.Add(TEXT("reason"), Reason);
	DeliverEvent(HelpshiftTSHostEvent::IdentityTokenRequested, Data);
}

void UHelpshiftTSSubsystem::HandleIdentityState(const FString& StateJson)
{
	FHelpshiftIdentityState Parsed;
	if (bShuttingDown || !FHelpshiftIdentityState::FromJson(StateJson, Parsed))
	{
		return;
	}
	// GetIdentityState answers at once; listeners hear it on a later tick, in order with events and results.
	IdentityState = Parsed;
	Deliver([this, Parsed]() { IdentityStateNative.Broadcast(Parsed); });
}

void UHelpshiftTSSubsystem::HandleHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body)
{
	if (bShuttingDown)
	{
		return;
	}
	// Http holds this subsystem weakly: the completion runs only while it lives.
	const bool bStarted = Http.Send(RequestId, Method, Url, HeadersJson, Body, this,
		[this](int32 DoneId, const FHelpshiftTSHttpResult& Result) { DeliverHttpResponse(DoneId, Result); });
	if (!bStarted)
	{
		SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HelpshiftTSPayload::HttpAnswer({HelpshiftTSHttpError::NotStarted}));
	}
}

void UHelpshiftTSSubsystem::DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result)
{
	if (bShuttingDown || !Http.Finish(RequestId))
	{
		return;
	}
	SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HelpshiftTSPayload::HttpAnswer(Result));
}

void UHelpshiftTSSubsystem::HandleLog(const FString& Level, const FString& Message) const
{
	if (Level == TEXT("error"))
	{
		UE_LOG(LogHelpshiftTS, Error, TEXT("%s"), *Message);
	}
	else if (Level == TEXT("warn"))
	{
		UE_LOG(LogHelpshiftTS, Warning, TEXT("%s"), *Message);
	}
	else if (Level == TEXT("info"))
	{
		UE_LOG(LogHelpshiftTS, Log, TEXT("%s"), *Message);
	}
	else
	{
		UE_LOG(LogHelpshiftTS, Verbose, TEXT("%s"), *Message);
	}
}

FString UHelpshiftTSSubsystem::GetStorageDir() const
{
	const FString Root = FPaths::Combine(FPaths::ProjectSavedDir(), TEXT("HelpshiftTS"));
	// PIE clients share one process and one Saved/: each keeps its own anonymous id, session and outbox in
	// PIE-<PIEInstance>. A standalone or packaged game keeps Saved/HelpshiftTS. The engine sets the world context
	// before Init (GameInstance.cpp, InitializeForPlayInEditor: WorldType PIE, PIEInstance = the client's index);
	// FWorldContext::WorldType/PIEInstance (Engine/Engine.h) and UGameInstance::GetWorldContext (GameInstance.h)
	// are not editor-only, and in a game no world is PIE.
	const UGameInstance* GameInstance = GetGameInstance();
	const FWorldContext* Context = GameInstance ? GameInstance->GetWorldContext() : nullptr;
	if (Context && Context->WorldType == EWorldType::PIE && Context->PIEInstance != INDEX_NONE)
	{
		return FPaths::Combine(Root, FString(TEXT("PIE-")) + FString::FromInt(Context->PIEInstance));
	}
	return Root;
}

void UHelpshiftTSSubsystem::HandleAppForeground()
{
	if (IsInGameThread())
	{
		SendForeground();
		return;
	}
	TWeakObjectPtr<UHelpshiftTSSubsystem> WeakThis(this);
	AsyncTask(ENamedThreads::GameThread, [WeakThis]() {
		if (UHelpshiftTSSubsystem* Self = WeakThis.Get())
		{
			Self->SendForeground();
		}
	});
}

void UHelpshiftTSSubsystem::HandleAppBackground()
{
	// Android broadcasts on the game thread and iOS' WillDeactivate runs there before suspension: send now.
	// Only a broadcast from another thread hops, and that one may run after resume.
	if (IsInGameThread())
	{
		SendBackground();
		return;
	}
	TWeakObjectPtr<UHelpshiftTSSubsystem> WeakThis(this);
	AsyncTask(ENamedThreads::GameThread, [WeakThis]() {
		if (UHelpshiftTSSubsystem* Self = WeakThis.Get())
		{
			Self->SendBackground();
		}
	});
}

void UHelpshiftTSSubsystem::SendForeground()
{
	SendCommand(0, HelpshiftTSCommand::Foreground, HelpshiftTSPayload::Empty());
}

void UHelpshiftTSSubsystem::SendBackground()
{
	// iOS sends WillDeactivate, then WillEnterBackground (or, after a passing interruption, only the first): each
	// flushes what is pending, and a second flush finds nothing left to send.
	SendCommand(0, HelpshiftTSCommand::Background, HelpshiftTSPayload::Empty());
}
