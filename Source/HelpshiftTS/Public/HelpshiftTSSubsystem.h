// The single owner of the identity state: one Puerts FJsEnv per game instance running HelpshiftTS/main.
// Every caller (Blueprints, C++, gameplay TS through the facade) reaches the same TypeScript client through it.
// C++ → TS: commands with request ids over the bridge's OnCommand; TS → C++: bridge UFUNCTIONs. Everything that
// reaches game code runs on the game thread, and nothing fires once the JsEnv is gone.
#pragma once

#include "CoreMinimal.h"
#include "Subsystems/GameInstanceSubsystem.h"
#include "Containers/Ticker.h"
#include "HelpshiftTSDeliveries.h"
#include "HelpshiftTSEarlyCalls.h"
#include "HelpshiftTSHttp.h"
#include "HelpshiftTSDelegates.h"
#include "HelpshiftTSIdentityState.h"
#include "HelpshiftTSMostRecent.h"
#include "PuertsNamespaceDef.h"
#include "HelpshiftTSSubsystem.generated.h"

class UGameInstance;
class UHelpshiftTSBridge;

namespace PUERTS_NAMESPACE
{
	class FJsEnv;
}

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSSubsystem : public UGameInstanceSubsystem
{
	GENERATED_BODY()

public:
	/** Not on dedicated servers: identity is a player's concern, and no JS engine is started there. */
	virtual bool ShouldCreateSubsystem(UObject* Outer) const override;
	/**
	 * Starts the script, initializes from Project Settings when they name a service and an app (unless an Init
	 * is waiting), then runs the calls made before any subsystem existed (FHelpshiftTSEarlyCalls), in order.
	 */
	virtual void Initialize(FSubsystemCollectionBase& Collection) override;
	virtual void Deinitialize() override;

	/** The subsystem of the world context's game instance, or null (also during _Event Init_: not created yet). */
	static UHelpshiftTSSubsystem* Get(const UObject* WorldContextObject);

	/** The world context's game instance: the object itself when it is one, else its world's; or null. */
	static UGameInstance* FindGameInstance(const UObject* WorldContextObject);

	/**
	 * For an async node: (Object->*Start)(Subsystem) now when GameInstance's subsystem runs, or once it starts
	 * (activated from _Event Init_). False when it never will (no game instance, a dedicated server, or too many
	 * calls waiting): the node reports that itself.
	 */
	template <typename T>
	static bool StartNowOrWhenStarted(UGameInstance* GameInstance, const TCHAR* Name, T* Object, void (T::*Start)(UHelpshiftTSSubsystem&))
	{
		if (UHelpshiftTSSubsystem* Found = OfGameInstance(GameInstance))
		{
			(Object->*Start)(*Found);
			return true;
		}
		return CanStartLater(GameInstance) && FHelpshiftTSEarlyCalls::Get().AddFor(GameInstance, Name, Object, Start);
	}

	/** GameInstance's subsystem, or null (none yet, or GameInstance null). */
	static UHelpshiftTSSubsystem* OfGameInstance(const UGameInstance* GameInstance);

	/** A subsystem will start for GameInstance: it exists and this is not a dedicated server. */
	static bool CanStartLater(const UGameInstance* GameInstance);

	/**
	 * The most recently initialized subsystem still alive: the vendor's static API has no world context, so the
	 * static calls of UHelpshiftTSLibrary go here (in PIE with several clients, the last one started; when it
	 * ends, the one started before it).
	 */
	static UHelpshiftTSSubsystem* GetPrimary();

	/** True while the TypeScript entry is loaded and listening. */
	bool IsRunning() const;

	/** The vendor's Init: ParametersJson is the Init parameter map as JSON; the developer settings fill the rest. */
	void Init(const FString& ParametersJson);

	/**
	 * Starts a login; Completion runs exactly once on the game thread, never inside this call.
	 * Returns the request id (for CancelLogin).
	 */
	int32 LoginWithIdentity(const FString& IdentityJWT, const FString& LoginConfigJson, const FHelpshiftTSLoginCompletion& Completion);

	/** Forgets a login's completion (its async action was cancelled); the login itself runs to its end. */
	void CancelLogin(int32 RequestId);

	void Logout();
	void AddUserIdentities(const FString& IdentitiesJWT);
	void UpdateMasterAttributes(const FString& AttributesJson);
	void UpdateAppAttributes(const FString& AttributesJson);
	void ClearAnonymousUserOnLogin(bool bClear);

	/** Answers the pending identity token request (TokenRequestId 0: whichever is pending). */
	void ProvideIdentityToken(const FString& IdentityJWT, int32 TokenRequestId);
	void ProvideIdentityTokenFailed(int32 TokenRequestId);

	/** The identity state TypeScript last published (NotInitialized before the script reported one). */
	const FHelpshiftIdentityState& GetIdentityState() const { return IdentityState; }

	/** Every identity state change, on a later tick than the call that caused it (the state node binds here). */
	FHelpshiftTSIdentityStateNative& OnIdentityStateChanged() { return IdentityStateNative; }

	/**
	 * Runs Delivery on a later tick, after every result, event and state change queued before this call and before
	 * any queued after it (the state node starts listening this way, so it hears each change once, in order).
	 */
	void DeliverInOrder(FHelpshiftTSDeliveries::FDelivery Delivery) { Deliver(MoveTemp(Delivery)); }

	/** Replaces the one Blueprint event delegate (UHelpshiftTSLibrary::BindEventDelegate). */
	void SetEventDelegate(const FHelpshiftEventDelegate& Delegate);

	/** Every event, for native listeners (the event async action). */
	FHelpshiftTSEventNative& OnEvent() { return EventNative; }

	// Called by UHelpshiftTSBridge (game thread, from TypeScript).
	void HandleReady();
	/** Queues the result for the next tick (never calls back inside the call that started the login). */
	void HandleLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result);
	void HandleEvent(const FString& EventName, const FString& DataJson);
	/** Sent to game code as the event identityTokenRequested {requestId, reason}. */
	void HandleIdentityTokenRequest(int32 TokenRequestId, const FString& Reason);
	void HandleIdentityState(const FString& StateJson);
	void HandleHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body);
	void HandleLog(const FString& Level, const FString& Message) const;

	/** Saved/HelpshiftTS/: where the TypeScript Store keeps one file per key. */
	FString GetStorageDir() const;

private:
	/**
	 * When no Init call waits for this subsystem: Init with the parameters of the last Init any subsystem received
	 * (PIE: the second client's _Event Init_ reached the first), else from Project Settings alone when complete.
	 */
	void InitWithoutWaitingInit();
	void RunEarlyCalls();
	/** Queues a delivery to game code for a later tick (FHelpshiftTSDeliveries). */
	void Deliver(FHelpshiftTSDeliveries::FDelivery Delivery);
	/** An event to the bound delegate and the native listeners, through Deliver. */
	void DeliverEvent(const FString& EventName, const FHelpshiftStringMap& Data);
	void StartScript();
	void StopScript();
	void SendCommand(int32 RequestId, const FString& Command, const FString& PayloadJson);
	int32 NewRequestId();
	void FailLoginNextTick(int32 RequestId, const FString& Detail);
	void DeliverLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result);
	void DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result);
	/** Mobile lifetime delegates: may run off the game thread; hop only when they do. */
	void HandleAppForeground();
	void HandleAppBackground();
	void SendForeground();
	void SendBackground();

	/** The live subsystems; the primary is the most recent. */
	static THelpshiftTSMostRecent<UHelpshiftTSSubsystem> Live;
	/** The parameters JSON of the last Init sent to any subsystem of this process. */
	static FString LastInitParameters;

	TSharedPtr<PUERTS_NAMESPACE::FJsEnv> JsEnv;

	UPROPERTY()
	TObjectPtr<UHelpshiftTSBridge> Bridge;

	TMap<int32, FHelpshiftTSLoginCompletion> PendingLogins;
	/** The HTTP requests TypeScript started, in flight. */
	FHelpshiftTSHttp Http;
	FHelpshiftEventDelegate BoundEventDelegate;
	FHelpshiftTSEventNative EventNative;
	FHelpshiftIdentityState IdentityState;
	FHelpshiftTSIdentityStateNative IdentityStateNative;
	FHelpshiftTSDeliveries Deliveries;
	FTSTicker::FDelegateHandle DeliveryTick;
	FDelegateHandle ForegroundHandle;
	FDelegateHandle DeactivateHandle;
	FDelegateHandle BackgroundHandle;
	int32 NextRequestId = 1;
	bool bReady = false;
	bool bShuttingDown = false;
};
