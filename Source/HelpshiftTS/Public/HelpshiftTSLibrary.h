// The vendor's static API (docs/contract.md), BlueprintCallable. Calls go to the primary UHelpshiftTSSubsystem
// (the vendor's API has no world context); use the "Login With Identity (Async)" node when you have one. Calls made before any subsystem
// exists (a GameInstance's _Event Init_ runs before its subsystems start) wait and run, in order, when it starts.
#pragma once

#include "CoreMinimal.h"
#include "Kismet/BlueprintFunctionLibrary.h"
#include "HelpshiftConfigParameter.h"
#include "HelpshiftTSDelegates.h"
#include "HelpshiftTSIdentityState.h"
#include "HelpshiftTSLibrary.generated.h"

UCLASS()
class HELPSHIFTTS_API UHelpshiftTSLibrary : public UBlueprintFunctionLibrary
{
	GENERATED_BODY()

public:
	/**
	 * Install config (serviceUrl, appId, flushIntervalMs, refreshLeadSeconds, multilineCustomFields, logLevel,
	 * requestIdentityTokens); call first, or leave it to Project Settings.
	 */
	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (AutoCreateRefTerm = "Parameters"))
	static void Init(const TMap<FString, FHelpshiftConfigParameter>& Parameters);

	/** Init with the parameters as JSON text (for gameplay TypeScript). */
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Script")
	static void InitFromJson(const FString& ParametersJson);

	/** Exactly one of the callbacks runs, on the game thread, after this call returns. */
	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (AutoCreateRefTerm = "LoginConfig"))
	static void LoginWithIdentity(const FString& IdentityJWT,
		const TMap<FString, FHelpshiftConfigParameter>& LoginConfig,
		const FHelpshiftLoginSuccessDelegate& SuccessCallback,
		const FHelpshiftLoginFailureDelegate& FailureCallback);

	UFUNCTION(BlueprintCallable, Category = "Helpshift")
	static void Logout();

	/** No-op for anonymous or logged-out users; problems arrive as events. */
	UFUNCTION(BlueprintCallable, Category = "Helpshift")
	static void AddUserIdentities(const FString& IdentitiesJWT);

	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (AutoCreateRefTerm = "Attributes"))
	static void UpdateMasterAttributes(const TMap<FString, FHelpshiftConfigParameter>& Attributes);

	UFUNCTION(BlueprintCallable, Category = "Helpshift", meta = (AutoCreateRefTerm = "Attributes"))
	static void UpdateAppAttributes(const TMap<FString, FHelpshiftConfigParameter>& Attributes);

	UFUNCTION(BlueprintCallable, Category = "Helpshift|Script")
	static void UpdateMasterAttributesFromJson(const FString& AttributesJson);

	UFUNCTION(BlueprintCallable, Category = "Helpshift|Script")
	static void UpdateAppAttributesFromJson(const FString& AttributesJson);

	/**
	 * The vendor's ClearAnonymousUserOnLogin: true (the default) makes the next identified login discard the
	 * anonymous user; false keeps it for the next anonymous login. Held until the client is disposed: call it
	 * after Init.
	 */
	UFUNCTION(BlueprintCallable, Category = "Helpshift")
	static void ClearAnonymousUserOnLogin(bool bClear);

	/**
	 * Answers the event identityTokenRequested (Init with requestIdentityTokens, or the Project Setting): a fresh
	 * JWT for the user logged in now. The client renews that user's session in place. TokenRequestId: the event's
	 * requestId, or 0 for whichever request is pending.
	 */
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Session")
	static void ProvideIdentityToken(const FString& IdentityJWT, int32 TokenRequestId = 0);

	/** The game cannot get a token now: the client retries with backoff, within a budget, then the session ends. */
	UFUNCTION(BlueprintCallable, Category = "Helpshift|Session")
	static void ProvideIdentityTokenFailed(int32 TokenRequestId = 0);

	/** The identity state now (NotInitialized when no game instance runs HelpshiftTS). */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Session")
	static FHelpshiftIdentityState GetIdentityState();

	/** The one event delegate (the vendor's delegates): replaces the previous binding. */
	UFUNCTION(BlueprintCallable, Category = "Helpshift")
	static void BindEventDelegate(const FHelpshiftEventDelegate& EventDelegate);
};
