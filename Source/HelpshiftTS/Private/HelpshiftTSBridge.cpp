#include "HelpshiftTSBridge.h"

#include "HAL/FileManager.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftTSSubsystem.h"
#include "Misc/FileHelper.h"
#include "Misc/Guid.h"
#include "Misc/Paths.h"

namespace
{
	/** TypeScript escapes keys to [A-Za-z0-9_-]; refuse anything else so no path can leave Saved/HelpshiftTS. */
	bool IsSafeKey(const FString& Key)
	{
		if (Key.IsEmpty() || Key.Len() > 200)
		{
			return false;
		}
		for (const TCHAR Ch : Key)
		{
			const bool bAllowed = (Ch >= TEXT('a') && Ch <= TEXT('z')) || (Ch >= TEXT('A') && Ch <= TEXT('Z')) ||
				(Ch >= TEXT('0') && Ch <= TEXT('9')) || Ch == TEXT('_') || Ch == TEXT('-');
			if (!bAllowed)
			{
				return false;
			}
		}
		return true;
	}
}

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
	if (!Subsystem || !IsSafeKey(Key))
	{
		return false;
	}
	return FFileHelper::LoadFileToString(Value, *FPaths::Combine(Subsystem->GetStorageDir(), Key));
}

bool UHelpshiftTSBridge::SaveValue(const FString& Key, const FString& Value)
{
	const UHelpshiftTSSubsystem* Subsystem = Owner.Get();
	if (!Subsystem || !IsSafeKey(Key))
	{
		return false;
	}
	const FString Dir = Subsystem->GetStorageDir();
	IFileManager::Get().MakeDirectory(*Dir, true);
	// Write beside, then move over: a crash mid-write never leaves half a session file.
	const FString Target = FPaths::Combine(Dir, Key);
	const FString Temp = Target + TEXT(".tmp");
	if (!FFileHelper::SaveStringToFile(Value, *Temp, FFileHelper::EEncodingOptions::ForceUTF8WithoutBOM))
	{
		return false;
	}
	return IFileManager::Get().Move(*Target, *Temp, true, true);
}

bool UHelpshiftTSBridge::RemoveValue(const FString& Key)
{
	const UHelpshiftTSSubsystem* Subsystem = Owner.Get();
	if (!Subsystem || !IsSafeKey(Key))
	{
		return false;
	}
	return IFileManager::Get().Delete(*FPaths::Combine(Subsystem->GetStorageDir(), Key), false, true, true);
}

FString UHelpshiftTSBridge::RandomBytesHex(int32 Count)
{
	FString Out;
	const int32 Wanted = FMath::Clamp(Count, 0, 1024);
	while (Out.Len() < Wanted * 2)
	{
		// FGuid::NewGuid uses the platform's GUID generator (OS cryptographic randomness on every desktop/mobile OS).
		Out += FGuid::NewGuid().ToString(EGuidFormats::Digits).ToLower();
	}
	return Out.Left(Wanted * 2);
}

void UHelpshiftTSBridge::WriteLog(const FString& Level, const FString& Message)
{
	if (const UHelpshiftTSSubsystem* Subsystem = Owner.Get())
	{
		Subsystem->HandleLog(Level, Message);
	}
}
