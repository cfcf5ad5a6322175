// The delegates of the seed's API. Dynamic, so Blueprints can bind them.
#pragma once

#include "CoreMinimal.h"

/** Login succeeded. */
DECLARE_DYNAMIC_DELEGATE(FHelpshiftLoginSuccessDelegate);

/** Login failed: a failure reason (UHelpshiftTSConstants) and the per-key errors map. */
DECLARE_DYNAMIC_DELEGATE_TwoParams(FHelpshiftLoginFailureDelegate, const FString&, Reason, const TMap<FString, FString>&, Errors);

/** An SDK event (userSessionExpired, masterAttributesValidationFailed, ...) and its data map. */
DECLARE_DYNAMIC_DELEGATE_TwoParams(FHelpshiftEventDelegate, const FString&, EventName, const TMap<FString, FString>&, Data);

/** C++-side fan-out of events to every listener (async actions, the bound FHelpshiftEventDelegate). */
DECLARE_MULTICAST_DELEGATE_TwoParams(FHelpshiftTSEventNative, const FString& /*EventName*/, const TMap<FString, FString>& /*Data*/);

/** What the subsystem reports for one login: success, or a reason with errors and a diagnostic detail. */
struct FHelpshiftTSLoginResult
{
	bool bSuccess = false;
	FString Reason;
	TMap<FString, FString> Errors;
	FString Detail;
};

DECLARE_DELEGATE_OneParam(FHelpshiftTSLoginCompletion, const FHelpshiftTSLoginResult& /*Result*/);
