#include "HelpshiftTSLibrary.h"

#include "HelpshiftConfigJson.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSSubsystem.h"
#include "Containers/Ticker.h"

namespace
{
	UHelpshiftTSSubsystem* RequireSubsystem(const TCHAR* Call)
	{
		UHelpshiftTSSubsystem* Subsystem = UHelpshiftTSSubsystem::GetPrimary();
		if (!Subsystem)
		{
			UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: %s ignored, no game instance is running"), Call);
		}
		return Subsystem;
	}
}

void UHelpshiftTSLibrary::Init(const TMap<FString, FHelpshiftConfigParameter>& Parameters)
{
	InitFromJson(HelpshiftConfigJson::ToJson(Parameters));
}

void UHelpshiftTSLibrary::InitFromJson(const FString& ParametersJson)
{
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("Init")))
	{
		Subsystem->Init(ParametersJson);
	}
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
	UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("LoginWithIdentity"));
	if (!Subsystem)
	{
		// No subsystem, so nobody to defer through: still never call back inside the call.
		FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([Completion](float) {
			FHelpshiftTSLoginResult Result;
			Result.Reason = UHelpshiftTSConstants::HelpshiftUnknownError();
			Result.Detail = HelpshiftTSDetail::NotInitialized;
			Completion.ExecuteIfBound(Result);
			return false;
		}));
		return;
	}
	Subsystem->LoginWithIdentity(IdentityJWT, HelpshiftConfigJson::ToJson(LoginConfig), Completion);
}

void UHelpshiftTSLibrary::Logout()
{
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("Logout")))
	{
		Subsystem->Logout();
	}
}

void UHelpshiftTSLibrary::AddUserIdentities(const FString& IdentitiesJWT)
{
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("AddUserIdentities")))
	{
		Subsystem->AddUserIdentities(IdentitiesJWT);
	}
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
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("UpdateMasterAttributes")))
	{
		Subsystem->UpdateMasterAttributes(AttributesJson);
	}
}

void UHelpshiftTSLibrary::UpdateAppAttributesFromJson(const FString& AttributesJson)
{
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("UpdateAppAttributes")))
	{
		Subsystem->UpdateAppAttributes(AttributesJson);
	}
}

void UHelpshiftTSLibrary::BindEventDelegate(const FHelpshiftEventDelegate& EventDelegate)
{
	if (UHelpshiftTSSubsystem* Subsystem = RequireSubsystem(TEXT("BindEventDelegate")))
	{
		Subsystem->SetEventDelegate(EventDelegate);
	}
}
