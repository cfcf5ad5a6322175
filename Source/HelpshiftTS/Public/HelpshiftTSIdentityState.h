// The identity state as Blueprints and C++ see it: the client's state (TypeScript/core: notInitialized, loggedOut,
// loggingIn, loggedIn, refreshing, expired) with the user and the session's expiry on the trusted clock.
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftTSIdentityState.generated.h"

UENUM(BlueprintType)
enum class EHelpshiftIdentityState : uint8
{
	NotInitialized,
	LoggedOut,
	LoggingIn,
	LoggedIn,
	/** The user stays logged in while the client gets a fresh session. */
	Refreshing,
	/** The session ended (userSessionExpired was sent); until a login succeeds. */
	Expired,
};

USTRUCT(BlueprintType)
struct HELPSHIFTTS_API FHelpshiftIdentityState
{
	GENERATED_BODY()

	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	EHelpshiftIdentityState State = EHelpshiftIdentityState::NotInitialized;

	/** The service's user id while a session exists; empty otherwise. */
	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	FString UserId;

	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	bool bAnonymous = false;

	/** Session expiry, Unix epoch milliseconds on the trusted clock; 0 without a session. */
	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	int64 ExpiresAtUnixMs = 0;

	/** While Refreshing: why ("refresh" ahead of expiry, or "expired"); empty otherwise. */
	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	FString RefreshReason;

	/**
	 * Reads the JSON TypeScript publishes ({"state":"loggedIn","userId":"usr_…","anonymous":false,"expiresAt":…},
	 * plus "refreshReason" while refreshing); false (and Out unchanged) when it is not that shape.
	 */
	static bool FromJson(const FString& Json, FHelpshiftIdentityState& Out);
};
