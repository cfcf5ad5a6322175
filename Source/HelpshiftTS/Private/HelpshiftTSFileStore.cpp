#include "HelpshiftTSFileStore.h"

#include "HAL/FileManager.h"
#include "Misc/FileHelper.h"
#include "Misc/Paths.h"

FHelpshiftTSFileStore::FHelpshiftTSFileStore(const FString& InDir)
	: Dir(InDir)
{
}

bool FHelpshiftTSFileStore::IsSafeKey(const FString& Key)
{
	if (Key.IsEmpty() || Key.Len() > MaxKeyLength)
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

bool FHelpshiftTSFileStore::Load(const FString& Key, FString& OutValue) const
{
	return IsSafeKey(Key) && FFileHelper::LoadFileToString(OutValue, *FPaths::Combine(Dir, Key));
}

bool FHelpshiftTSFileStore::Save(const FString& Key, const FString& Value) const
{
	if (!IsSafeKey(Key))
	{
		return false;
	}
	IFileManager::Get().MakeDirectory(*Dir, true);
	const FString Target = FPaths::Combine(Dir, Key);
	// The temp name cannot collide with a key: keys never contain '.'.
	const FString Temp = Target + TEXT(".tmp");
	if (!FFileHelper::SaveStringToFile(Value, *Temp, FFileHelper::EEncodingOptions::ForceUTF8WithoutBOM))
	{
		return false;
	}
	return IFileManager::Get().Move(*Target, *Temp, true, true);
}

bool FHelpshiftTSFileStore::Remove(const FString& Key) const
{
	return IsSafeKey(Key) && IFileManager::Get().Delete(*FPaths::Combine(Dir, Key), false, true, true);
}
