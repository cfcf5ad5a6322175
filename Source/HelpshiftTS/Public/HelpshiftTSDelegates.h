// The delegates of the vendor's API (docs/contract.md). Dynamic, so Blueprints can bind them.
//
// The vendor's failure delegate carries (FString reason, TMap<FString, FString> errors). A TMap written inside a
// DECLARE_DYNAMIC_DELEGATE_* macro does not compile (the preprocessor splits `TMap<FString, FString>` at its
// comma) and UnrealHeaderTool refuses typedefs, so the map travels inside FHelpshiftStringMap: one reflected
// field, `Entries`, which Blueprints break into the map and Puerts exposes as a UE.TMap.
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftTSDelegates.generated.h"

/** A string → string map (failure errors, event data), wrapped so it can cross a dynamic delegate. */
USTRUCT(BlueprintType)
struct HELPSHIFTTS_API FHelpshiftStringMap
{
	GENERATED_BODY()

	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	TMap<FString, FString> Entries;
};

/** Login succeeded. */
DECLARE_DYNAMIC_DELEGATE(FHelpshiftLoginSuccessDelegate);

/** Login failed: a failure reason (UHelpshiftTSConstants) and the per-key errors (Errors.Entries). */
DECLARE_DYNAMIC_DELEGATE_TwoParams(FHelpshiftLoginFailureDelegate, const FString&, Reason, const FHelpshiftStringMap&, Errors);

/** An SDK event (userSessionExpired, masterAttributesValidationFailed, ...) and its data (Data.Entries). */
DECLARE_DYNAMIC_DELEGATE_TwoParams(FHelpshiftEventDelegate, const FString&, EventName, const FHelpshiftStringMap&, Data);

/** C++-side fan-out of events to every listener (async actions, the bound FHelpshiftEventDelegate). */
using FHelpshiftTSEventNative = TMulticastDelegate<void(const FString& /*EventName*/, const FHelpshiftStringMap& /*Data*/)>;

struct FHelpshiftIdentityState;

/** C++-side fan-out of identity state changes (the "Listen For Identity State" node). */
using FHelpshiftTSIdentityStateNative = TMulticastDelegate<void(const FHelpshiftIdentityState& /*State*/)>;

/** What the subsystem reports for one login: success, or a reason with errors and a diagnostic detail. */
struct FHelpshiftTSLoginResult
{
	bool bSuccess = false;
	FString Reason;
	FHelpshiftStringMap Errors;
	FString Detail;
};

using FHelpshiftTSLoginCompletion = TDelegate<void(const FHelpshiftTSLoginResult& /*Result*/)>;
