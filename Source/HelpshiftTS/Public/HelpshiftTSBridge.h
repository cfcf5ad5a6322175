// The one UObject the subsystem hands to its JsEnv (argv "Bridge"). C++ → TS: the OnCommand delegate, bound by
// the TypeScript entry. TS → C++: the UFUNCTIONs below, data as JSON text. Every UFUNCTION here is declared in
// Typing/ue/index.d.ts with the same parameters (test/consistency checks it).
#pragma once

#include "CoreMinimal.h"
#include "UObject/Object.h"
#include "HelpshiftTSBridge.generated.h"

class UHelpshiftTSSubsystem;

DECLARE_DYNAMIC_DELEGATE_ThreeParams(FHelpshiftTSCommandDelegate, int32, RequestId, const FString&, Command, const FString&, PayloadJson);

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSBridge : public UObject
{
	GENERATED_BODY()

public:
	/** Bound by TypeScript (HelpshiftTS/main); executed by the subsystem on the game thread. */
	UPROPERTY()
	FHelpshiftTSCommandDelegate OnCommand;

	void SetOwner(UHelpshiftTSSubsystem* InOwner);

	/** Forgets the owner: every UFUNCTION becomes a no-op (the JsEnv is going away). */
	void Detach();

	/** The entry module bound OnCommand: commands may flow. */
	UFUNCTION()
	void NotifyReady();

	UFUNCTION()
	void SucceedLogin(int32 RequestId);

	/** ErrorsJson: {"key":"errorValue"}; Detail may be empty. */
	UFUNCTION()
	void FailLogin(int32 RequestId, const FString& Reason, const FString& ErrorsJson, const FString& Detail);

	/** Ends a non-login request (logout, add identities, attributes) that was sent with this id. */
	UFUNCTION()
	void CompleteRequest(int32 RequestId);

	/** DataJson: {"key":"value"} or {}. */
	UFUNCTION()
	void EmitEvent(const FString& EventName, const FString& DataJson);

	/** The client needs a fresh identity token (Reason: refresh or expired); answered by provideIdentityToken. */
	UFUNCTION()
	void RequestIdentityToken(int32 TokenRequestId, const FString& Reason);

	/** The identity state changed: {"state", "userId"?, "anonymous"?, "expiresAt"?}. */
	UFUNCTION()
	void PublishIdentityState(const FString& StateJson);

	/** FHttpModule request; the answer comes back as the httpResponse command with the same id. */
	UFUNCTION()
	void SendHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body);

	/** Reads Saved/HelpshiftTS/<Key>; false when absent or the key is not file-name safe. */
	UFUNCTION()
	bool LoadValue(const FString& Key, FString& Value);

	UFUNCTION()
	bool SaveValue(const FString& Key, const FString& Value);

	UFUNCTION()
	bool RemoveValue(const FString& Key);

	/** Count random bytes from the OS cryptographic generator as lowercase hex (2 * Count characters); "" if it fails. */
	/** FPlatformTime::Seconds: the engine's monotonic clock, so the client can tell a wall-clock jump or a suspend. */
	UFUNCTION()
	double MonotonicSeconds();

	UFUNCTION()
	FString RandomBytesHex(int32 Count);

	/** Level: debug, info, warn or error. Already redacted by TypeScript. */
	UFUNCTION()
	void WriteLog(const FString& Level, const FString& Message);

private:
	TWeakObjectPtr<UHelpshiftTSSubsystem> Owner;
};
