#pragma once
#include "CoreMinimal.h"

class FPaths
{
public:
	static FString ProjectSavedDir();
	static FString ProjectContentDir();
	static bool FileExists(const FString& InPath);
	static FString GetExtension(const FString& InPath, bool bIncludeDot = false);
	template <typename... PathTypes> static FString Combine(PathTypes&&... InPaths);
};
