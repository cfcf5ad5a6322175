// Runs the stand-in headers' own semantics that code here relies on to fail as the engine would, and prints one
// `name=value` line per observation; test/cpp/stand-ins.test.ts asserts them. With the argument
// `variant-mismatch` it reads an FVariant as another type than it holds, which must stop the program (check()).
#include <cstdio>
#include <string>

#include "CoreMinimal.h"
#include "Misc/Variant.h"

static void Print(const char* Name, const std::string& Value)
{
	std::printf("%s=%s\n", Name, Value.c_str());
}

static void Print(const char* Name, bool Value)
{
	Print(Name, std::string(Value ? "true" : "false"));
}

static std::string Narrow(const FString& In)
{
	std::string Out;
	for (const TCHAR Ch : In)
	{
		Out += (char)Ch;
	}
	return Out;
}

int main(int Argc, char** Argv)
{
	if (Argc > 1 && std::string(Argv[1]) == "variant-mismatch")
	{
		const FVariant Held(FString(TEXT("text")));
		std::printf("before=%d\n", (int)Held.GetType());
		std::fflush(stdout);
		const int64 Wrong = Held.GetValue<int64>();
		std::printf("after=%lld\n", (long long)Wrong);
		return 0;
	}

	// FString: == and != ignore case (FString::operator==); Equals is case-sensitive unless asked.
	const FString Upper(TEXT("Content-Type"));
	const FString Lower(TEXT("content-type"));
	Print("fstring.eq.ignorecase", Upper == Lower);
	Print("fstring.eq.tchar", Upper == TEXT("CONTENT-TYPE"));
	Print("fstring.eq.tchar.left", TEXT("CONTENT-TYPE") == Upper);
	Print("fstring.ne.ignorecase", Upper != Lower);
	Print("fstring.ne.different", Upper != TEXT("content-length"));
	Print("fstring.equals.default", Upper.Equals(Lower));
	Print("fstring.equals.ignorecase", Upper.Equals(Lower, ESearchCase::IgnoreCase));
	Print("fstring.startswith.default", Upper.StartsWith(TEXT("CONTENT")));
	Print("fstring.startswith.casesensitive", Upper.StartsWith(TEXT("CONTENT"), ESearchCase::CaseSensitive));
	Print("fstring.less.ignorecase", FString(TEXT("a")) < FString(TEXT("B")));
	Print("fstring.hash.ignorecase", GetTypeHash(Upper) == GetTypeHash(Lower));

	// TMap<FString, V>: keys found regardless of case; Add of an equal key replaces the entry.
	TMap<FString, int32> Map;
	Map.Add(TEXT("UserId"), 1);
	Print("tmap.contains.othercase", Map.Contains(TEXT("userid")));
	const int32* Found = Map.Find(TEXT("USERID"));
	Print("tmap.find.othercase", std::to_string(Found ? *Found : -1));
	Map.Add(TEXT("userId"), 2);
	Print("tmap.num.after-add-othercase", std::to_string(Map.Num()));
	for (const TPair<FString, int32>& Pair : Map)
	{
		Print("tmap.entry", Narrow(Pair.Key) + ":" + std::to_string(Pair.Value));
	}
	int32 Removed = 0;
	Print("tmap.removeandcopy.othercase", Map.RemoveAndCopyValue(TEXT("USERid"), Removed));
	Print("tmap.removed.value", std::to_string(Removed));
	Print("tmap.num.after-remove", std::to_string(Map.Num()));
	Map.Add(TEXT("Email"), 3);
	Print("tmap.remove.othercase", std::to_string(Map.Remove(TEXT("EMAIL"))));
	Print("tmap.num.end", std::to_string(Map.Num()));

	// FVariant: holds what it was given, reports its type, reads back the same type.
	const FVariant Text(FString(TEXT("abc")));
	const FVariant Flag(true);
	const FVariant Whole((int64)42);
	const FVariant Real(2.5);
	const FVariant Literal(TEXT("lit"));
	Print("variant.string.type", std::to_string((int)Text.GetType()));
	Print("variant.string.value", Narrow(Text.GetValue<FString>()));
	Print("variant.bool.type", std::to_string((int)Flag.GetType()));
	Print("variant.bool.value", Flag.GetValue<bool>());
	Print("variant.int64.type", std::to_string((int)Whole.GetType()));
	Print("variant.int64.value", std::to_string(Whole.GetValue<int64>()));
	Print("variant.double.type", std::to_string((int)Real.GetType()));
	Print("variant.double.value", std::to_string(Real.GetValue<double>()));
	Print("variant.tchar.type", std::to_string((int)Literal.GetType()));
	Print("variant.empty", FVariant().IsEmpty());
	return 0;
}
