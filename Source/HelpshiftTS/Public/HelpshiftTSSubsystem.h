// The single owner of the identity state: one puerts::FJsEnv per game instance running HelpshiftTS/main.
// Every caller (Blueprints, C++, gameplay TS through the facade) reaches the same TypeScript client through it.
// C++ → TS: commands with request ids over the bridge's OnCommand; TS → C++: bridge UFUNCTIONs. Everything that
// reaches game code runs on the game thread, and nothing fires once the JsEnv is gone.
#pragma once

#include "CoreMinimal.h"
#include "Subsystems/GameInstanceSubsystem.h"
#include "HelpshiftTSHttp.h"
#include "HelpshiftTSDelegates.h"
#include "HelpshiftTSSubsystem.generated.h"

class UHelpshiftTSBridge;

namespace puerts
{
	class FJsEnv;
}

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSSubsystem : public UGameInstanceSubsystem
{
	GENERATED_BODY()

public:
	virtual void Initialize(FSubsystemCollectionBase& Collection) override;
	virtual void Deinitialize() override;

	/** The subsystem of the world context's game instance, or null. */
	static UHelpshiftTSSubsystem* Get(const UObject* WorldContextObject);

	/**
	 * The most recently initialized subsystem: the seed's static API has no world context, so the static calls
	 * of UHelpshiftTSLibrary go here (in PIE with several clients, the last one started).
	 */
	static UHelpshiftTSSubsystem* GetPrimary();

	/** True while the TypeScript entry is loaded and listening. */
	bool IsRunning() const;

	/** The seed's Init: ParametersJson is the Init parameter map as JSON; the developer settings fill the rest. */
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

	/** Replaces the one Blueprint event delegate (UHelpshiftTSLibrary::BindEventDelegate). */
	void SetEventDelegate(const FHelpshiftEventDelegate& Delegate);

	/** Every event, for native listeners (the event async action). */
	FHelpshiftTSEventNative& OnEvent() { return EventNative; }

	// Called by UHelpshiftTSBridge (game thread, from TypeScript).
	void HandleReady();
	/** Queues the result for the next tick (never calls back inside the call that started the login). */
	void HandleLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result);
	void HandleEvent(const FString& EventName, const FString& DataJson);
	void HandleHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body);
	void HandleLog(const FString& Level, const FString& Message) const;

	/** Saved/HelpshiftTS/: where the TypeScript Store keeps one file per key. */
	FString GetStorageDir() const;

private:
	void StartScript();
	void StopScript();
	void SendCommand(int32 RequestId, const FString& Command, const FString& PayloadJson);
	int32 NewRequestId();
	void FailLoginNextTick(int32 RequestId, const FString& Detail);
	void DeliverLoginResult(int32 RequestId, const FHelpshiftTSLoginResult& Result);
	void DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result);
	void HandleAppForeground();
	void HandleAppBackground();

	static TWeakObjectPtr<UHelpshiftTSSubsystem> Primary;

	TSharedPtr<puerts::FJsEnv> JsEnv;

	UPROPERTY()
	TObjectPtr<UHelpshiftTSBridge> Bridge;

	TMap<int32, FHelpshiftTSLoginCompletion> PendingLogins;
	/** The HTTP requests TypeScript started, in flight. */
	FHelpshiftTSHttp Http;
	FHelpshiftEventDelegate BoundEventDelegate;
	FHelpshiftTSEventNative EventNative;
	FDelegateHandle ForegroundHandle;
	FDelegateHandle BackgroundHandle;
	int32 NextRequestId = 1;
	bool bReady = false;
	bool bShuttingDown = false;
};
