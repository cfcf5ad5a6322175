#include "HelpshiftTSBridge.h"

#include "HelpshiftConfigJson.h"
#include "HelpshiftTSFileStore.h"
#include "HAL/PlatformTime.h"
#include "HelpshiftTSRandom.h"
#include "HelpshiftTSSubsystem.h"

void UHelpshiftTSBridge::SetOwner(UHelpshiftTSSubsystem* InOwner)
{
	Owner = InOwner;
}

void UHelpshiftTSBridge::Detach()
{
	Owner.Reset();
}

void UHelpshiftTSBridge::NotifyReady()
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleReady();
	}
}

void UHelpshiftTSBridge::SucceedLogin(int32 RequestId)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		FHelpshiftTSLoginResult Result;
		Result.bSuccess = true;
		Subsystem->HandleLoginResult(RequestId, Result);
	}
}

void UHelpshiftTSBridge::FailLogin(int32 RequestId, const FString& Reason, const FString& ErrorsJson, const FString& Detail)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		FHelpshiftTSLoginResult Result;
		Result.Reason = Reason;
		Result.Detail = Detail;
		HelpshiftConfigJson::StringMapFromJson(ErrorsJson, Result.Errors.Entries);
		Subsystem->HandleLoginResult(RequestId, Result);
	}
}

void UHelpshiftTSBridge::CompleteRequest(int32 RequestId)
{
	// Non-login requests are fire-and-forget on the C++ side (id 0); nothing waits for them.
}

void UHelpshiftTSBridge::EmitEvent(const FString& EventName, const FString& DataJson)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleEvent(EventName, DataJson);
	}
}

void UHelpshiftTSBridge::RequestIdentityToken(int32 TokenRequestId, const FString& Reason)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleIdentityTokenRequest(TokenRequestId, Reason);
	}
}

void UHelpshiftTSBridge::PublishIdentityState(const FString& StateJson)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleIdentityState(StateJson);
	}
}

void UHelpshiftTSBridge::SendHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body)
{
	if (UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleHttpRequest(RequestId, Method, Url, HeadersJson, Body);
	}
}

bool UHelpshiftTSBridge::LoadValue(const FString& Key, FString& Value)
{
	const UHelpshiftTSSubsystem* Subsystem = Owner.Get();
	return Subsystem && FHelpshiftTSFileStore(Subsystem->GetStorageDir()).Load(Key, Value);
}

bool UHelpshiftTSBridge::SaveValue(const FString& Key, const FString& Value)
{
	const UHelpshiftTSSubsystem* Subsystem = Owner.Get();
	return Subsystem && FHelpshiftTSFileStore(Subsystem->GetStorageDir()).Save(Key, Value);
}

bool UHelpshiftTSBridge::RemoveValue(const FString& Key)
{
	const UHelpshiftTSSubsystem* Subsystem = Owner.Get();
	return Subsystem && FHelpshiftTSFileStore(Subsystem->GetStorageDir()).Remove(Key);
}

double UHelpshiftTSBridge::MonotonicSeconds()
{
	return FPlatformTime::Seconds();
}

FString UHelpshiftTSBridge::RandomBytesHex(int32 Count)
{
	return HelpshiftTSRandom::BytesHex(Count);
}

void UHelpshiftTSBridge::WriteLog(const FString& Level, const FString& Message)
{
	if (const UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleLog(Level, Message);
	}
}
