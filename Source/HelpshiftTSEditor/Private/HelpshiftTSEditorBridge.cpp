#include "HelpshiftTSEditorBridge.h"

#include "HelpshiftTSEditorFiles.h"
#include "HelpshiftTSEditorTester.h"
#include "Misc/Guid.h"

void UHelpshiftTSEditorBridge::SetOwner(FHelpshiftTSEditorTester* InOwner)
{
	Owner = InOwner;
}

void UHelpshiftTSEditorBridge::Detach()
{
	Owner = nullptr;
}

void UHelpshiftTSEditorBridge::DeliverHttpResponse(int32 RequestId, bool bConnected, int32 Status, const FString& Body)
{
	if (Owner)
	{
		Owner->DeliverHttpResponse(RequestId, bConnected, Status, Body);
	}
}

void UHelpshiftTSEditorBridge::NotifyReady()
{
	if (Owner)
	{
		Owner->HandleReady();
	}
}

void UHelpshiftTSEditorBridge::PublishState(const FString& StateJson)
{
	if (Owner)
	{
		Owner->HandleState(StateJson);
	}
}

void UHelpshiftTSEditorBridge::SendHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body)
{
	if (Owner)
	{
		Owner->HandleHttpRequest(RequestId, Method, Url, HeadersJson, Body);
	}
}

bool UHelpshiftTSEditorBridge::LoadValue(const FString& Key, FString& Value)
{
	return Owner && HelpshiftTSEditorFiles::Load(Owner->GetStorageDir(), Key, Value);
}

bool UHelpshiftTSEditorBridge::SaveValue(const FString& Key, const FString& Value)
{
	return Owner && HelpshiftTSEditorFiles::Save(Owner->GetStorageDir(), Key, Value);
}

bool UHelpshiftTSEditorBridge::RemoveValue(const FString& Key)
{
	return Owner && HelpshiftTSEditorFiles::Remove(Owner->GetStorageDir(), Key);
}

FString UHelpshiftTSEditorBridge::RandomBytesHex(int32 Count)
{
	FString Out;
	const int32 Wanted = FMath::Clamp(Count, 0, 1024);
	while (Out.Len() < Wanted * 2)
	{
		// FGuid::NewGuid uses the platform's GUID generator (OS randomness), as the runtime bridge does.
		Out += FGuid::NewGuid().ToString(EGuidFormats::Digits).ToLower();
	}
	return Out.Left(Wanted * 2);
}

void UHelpshiftTSEditorBridge::WriteLog(const FString& Level, const FString& Message)
{
	if (Owner)
	{
		Owner->HandleLog(Level, Message);
	}
}
