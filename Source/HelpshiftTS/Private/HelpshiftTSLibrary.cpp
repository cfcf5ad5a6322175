#include "HelpshiftTSLibrary.h"

#include "Containers/Ticker.h"
#include "CoreGlobals.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEarlyCalls.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSSubsystem.h"

namespace
{
	/**
	 * Runs Call on the primary subsystem now, or keeps it for the first subsystem that starts (a call from a
	 * GameInstance's _Event Init_ comes before subsystems exist). False when it can never run: on a dedicated
	 * server (no subsystem there) or when too many calls already wait.
	 */
	bool Dispatch(const TCHAR* Name, FHelpshiftTSEarlyCalls::FCall Call)
	{
		if (UHelpshiftTSSubsystem* Subsystem = UHelpshiftTSSubsystem::GetPrimary())
		{
			Call(*Subsystem);
			return true;
		}
		if (IsRunningDedicatedServer())
		{
			UE_LOG(LogHelpshiftTS, Warning, TEXT("HelpshiftTS: %s ignored, HelpshiftTS does not run on dedicated servers"), Name);
			return false;
		}
		if (!FHelpshiftTSEarlyCalls::Get().Add(nullptr, Name, MoveTemp(Call)))
		{
			UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: %s refused, %d calls already wait for the game instance to start"), Name, FHelpshiftTSEarlyCalls::MaxCalls);
			return false;
		}
		return true;
	}
}

void UHelpshiftTSLibrary::Init(const TMap<FString, FHelpshiftConfigParameter>& Parameters)
{
	InitFromJson(HelpshiftConfigJson::ToJson(Parameters));
}

void UHelpshiftTSLibrary::InitFromJson(const FString& ParametersJson)
{
	Dispatch(HelpshiftTSEarlyCall::Init, [ParametersJson](UHelpshiftTSSubsystem& Subsystem) { Subsystem.Init(ParametersJson); });
}

void UHelpshiftTSLibrary::LoginWithIdentity(const FString& IdentityJWT,
	const TMap<FString, FHelpshiftConfigParameter>& LoginConfig,
	const FHelpshiftLoginSuccessDelegate& SuccessCallback,
	const FHelpshiftLoginFailureDelegate& FailureCallback)
{
	const FHelpshiftTSLoginCompletion Completion = FHelpshiftTSLoginCompletion::CreateLambda(
		[SuccessCallback, FailureCallback](const FHelpshiftTSLoginResult& Result) {
			if (Result.bSuccess)
			{
				SuccessCallback.ExecuteIfBound();
			}
			else
			{
				FailureCallback.ExecuteIfBound(Result.Reason, Result.Errors);
			}
		});
	const FString ConfigJson = HelpshiftConfigJson::ToJson(LoginConfig);
	const bool bTaken = Dispatch(TEXT("LoginWithIdentity"), [IdentityJWT, ConfigJson, Completion](UHelpshiftTSSubsystem& Subsystem) {
		Subsystem.LoginWithIdentity(IdentityJWT, ConfigJson, Completion);
	});
	if (!bTaken)
	{
		// Nobody to defer through: still never call back inside the call.
		FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([Completion](float) {
			FHelpshiftTSLoginResult Result;
			Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
			Result.Detail = HelpshiftTSDetail::NotInitialized;
			Completion.ExecuteIfBound(Result);
			return false;
		}));
	}
}

void UHelpshiftTSLibrary::Logout()
{
	Dispatch(TEXT("Logout"), [](UHelpshiftTSSubsystem& Subsystem) { Subsystem.Logout(); });
}

void UHelpshiftTSLibrary::AddUserIdentities(const FString& IdentitiesJWT)
{
	Dispatch(TEXT("AddUserIdentities"), [IdentitiesJWT](UHelpshiftTSSubsystem& Subsystem) { Subsystem.AddUserIdentities(IdentitiesJWT); });
}

void UHelpshiftTSLibrary::UpdateMasterAttributes(const TMap<FString, FHelpshiftConfigParameter>& Attributes)
{
	UpdateMasterAttributesFromJson(HelpshiftConfigJson::ToJson(Attributes));
}

void UHelpshiftTSLibrary::UpdateAppAttributes(const TMap<FString, FHelpshiftConfigParameter>& Attributes)
{
	UpdateAppAttributesFromJson(HelpshiftConfigJson::ToJson(Attributes));
}

void UHelpshiftTSLibrary::UpdateMasterAttributesFromJson(const FString& AttributesJson)
{
	Dispatch(TEXT("UpdateMasterAttributes"), [AttributesJson](UHelpshiftTSSubsystem& Subsystem) { Subsystem.UpdateMasterAttributes(AttributesJson); });
}

void UHelpshiftTSLibrary::UpdateAppAttributesFromJson(const FString& AttributesJson)
{
	Dispatch(TEXT("UpdateAppAttributes"), [AttributesJson](UHelpshiftTSSubsystem& Subsystem) { Subsystem.UpdateAppAttributes(AttributesJson); });
}

void UHelpshiftTSLibrary::ClearAnonymousUserOnLogin(bool bClear)
{
	Dispatch(TEXT("ClearAnonymousUserOnLogin"), [bClear](UHelpshiftTSSubsystem& Subsystem) { Subsystem.ClearAnonymousUserOnLogin(bClear); });
}

void UHelpshiftTSLibrary::ProvideIdentityToken(const FString& IdentityJWT, int32 TokenRequestId)
{
	Dispatch(TEXT("ProvideIdentityToken"), [IdentityJWT, TokenRequestId](UHelpshiftTSSubsystem& Subsystem) {
		Subsystem.ProvideIdentityToken(IdentityJWT, TokenRequestId);
	});
}

void UHelpshiftTSLibrary::ProvideIdentityTokenFailed(int32 TokenRequestId)
{
	Dispatch(TEXT("ProvideIdentityTokenFailed"), [TokenRequestId](UHelpshiftTSSubsystem& Subsystem) { Subsystem.ProvideIdentityTokenFailed(TokenRequestId); });
}

FHelpshiftIdentityState UHelpshiftTSLibrary::GetIdentityState()
{
	const UHelpshiftTSSubsystem* Subsystem = UHelpshiftTSSubsystem::GetPrimary();
	return Subsystem ? Subsystem->GetIdentityState() : FHelpshiftIdentityState();
}

void UHelpshiftTSLibrary::BindEventDelegate(const FHelpshiftEventDelegate& EventDelegate)
{
	Dispatch(TEXT("BindEventDelegate"), [EventDelegate](UHelpshiftTSSubsystem& Subsystem) { Subsystem.SetEventDelegate(EventDelegate); });
}
