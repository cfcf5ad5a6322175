#pragma once
#include "CoreMinimal.h"

template <class CharType = TCHAR>
class TJsonReader
{
};

template <class CharType = TCHAR>
class TJsonReaderFactory
{
public:
	static TSharedRef<TJsonReader<TCHAR>> Create(const FString& JsonString);
};
