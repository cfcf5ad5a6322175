#include "HelpshiftTSEditorFiles.h"

#include "HAL/FileManager.h"
#include "Misc/FileHelper.h"
#include "Misc/Paths.h"

bool HelpshiftTSEditorFiles::IsSafeKey(const FString& Key)
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

bool HelpshiftTSEditorFiles::Load(const FString& Dir, const FString& Key, FString& OutValue)
{
	return IsSafeKey(Key) && FFileHelper::LoadFileToString(OutValue, *FPaths::Combine(Dir, Key));
}

bool HelpshiftTSEditorFiles::Save(const FString& Dir, const FString& Key, const FString& Value)
{
	if (!IsSafeKey(Key))
	{
		return false;
	}
	IFileManager::Get().MakeDirectory(*Dir, true);
	const FString Target = FPaths::Combine(Dir, Key);
	const FString Temp = Target + TEXT(".tmp");
	if (!FFileHelper::SaveStringToFile(Value, *Temp, FFileHelper::EEncodingOptions::ForceUTF8WithoutBOM))
	{
		return false;
	}
	return IFileManager::Get().Move(*Target, *Temp, true, true);
}

bool HelpshiftTSEditorFiles::Remove(const FString& Dir, const FString& Key)
{
	return IsSafeKey(Key) && IFileManager::Get().Delete(*FPaths::Combine(Dir, Key), false, true, true);
}
