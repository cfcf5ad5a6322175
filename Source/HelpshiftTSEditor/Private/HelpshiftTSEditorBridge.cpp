#include "HelpshiftTSEditorBridge.h"

#include "HelpshiftTSEditorTester.h"
#include "HelpshiftTSFileStore.h"
#include "HAL/PlatformTime.h"
#include "HelpshiftTSRandom.h"

void UHelpshiftTSEditorBridge::SetOwner(FHelpshiftTSEditorTester* InOwner)
{
	Owner = InOwner;
}

void UHelpshiftTSEditorBridge::Detach()
{
	Owner = nullptr;
}

void UHelpshiftTSEditorBridge::DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result)
{
	if (Owner)
	{
		Owner->DeliverHttpResponse(RequestId, Result);
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
	return Owner && FHelpshiftTSFileStore(Owner->GetStorageDir()).Load(Key, Value);
}

bool UHelpshiftTSEditorBridge::SaveValue(const FString& Key, const FString& Value)
{
	return Owner && FHelpshiftTSFileStore(Owner->GetStorageDir()).Save(Key, Value);
}

bool UHelpshiftTSEditorBridge::RemoveValue(const FString& Key)
{
	return Owner && FHelpshiftTSFileStore(Owner->GetStorageDir()).Remove(Key);
}

double UHelpshiftTSEditorBridge::MonotonicSeconds()
{
	return FPlatformTime::Seconds();
}

FString UHelpshiftTSEditorBridge::RandomBytesHex(int32 Count)
{
	return HelpshiftTSRandom::BytesHex(Count);
}

void UHelpshiftTSEditorBridge::WriteLog(const FString& Level, const FString& Message)
{
	if (Owner)
	{
		Owner->HandleLog(Level, Message);
	}
}
