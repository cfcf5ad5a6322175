#pragma once
#include "CoreMinimal.h"

class IFileManager
{
public:
	static IFileManager& Get();
	virtual bool MakeDirectory(const TCHAR* Path, bool Tree = false) = 0;
	virtual bool Move(const TCHAR* Dest, const TCHAR* Src, bool Replace = 1, bool EvenIfReadOnly = 0, bool Attributes = 0, bool bDoNotRetryOrError = 0) = 0;
	virtual bool Delete(const TCHAR* Filename, bool RequireExists = 0, bool EvenReadOnly = 0, bool Quiet = 0) = 0;
	virtual ~IFileManager() = default;
};
