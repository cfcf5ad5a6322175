#pragma once
#include "CoreMinimal.h"

class FPaths
{
public:
	static FString ProjectSavedDir();
	static FString ProjectContentDir();
	static bool FileExists(const FString& InPath);
	static FString GetExtension(const FString& InPath, bool bIncludeDot = false);
	/** Joins with '/' (the engine also collapses doubled separators; the callers here never produce any). */
	template <typename... PathTypes> static FString Combine(PathTypes&&... InPaths)
	{
		FString Out;
		((Out = Out.IsEmpty() ? FString(InPaths) : Out / InPaths), ...);
		return Out;
	}
};
