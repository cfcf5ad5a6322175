// What the runnable test programs share: ASCII text into FString, and one `name=value` line per observation
// (test/cpp/run-program.ts reads them).
#pragma once

#include <cstdio>
#include <string>

#include "CoreMinimal.h"

inline FString Wide(const std::string& In)
{
	const std::u16string Out(In.begin(), In.end());
	return FString(Out.c_str());
}

inline void Print(const char* Name, const std::string& Value)
{
	std::printf("%s=%s\n", Name, Value.c_str());
}

// Without this, a string literal would pick the bool overload (pointer to bool beats a conversion to string).
inline void Print(const char* Name, const char* Value)
{
	Print(Name, std::string(Value));
}

inline void Print(const char* Name, bool Value)
{
	Print(Name, std::string(Value ? "true" : "false"));
}
