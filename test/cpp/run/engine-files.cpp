// Test-only definitions of the few engine file and GUID functions FHelpshiftTSFileStore and HelpshiftTSRandom
// call, over the C++ standard library, so those helpers run here (test/cpp/helpers.test.ts). Not the engine:
// paths and file contents are ASCII in these tests; Digits GUIDs are upper case, as the engine writes them.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "HAL/FileManager.h"
#include "Misc/FileHelper.h"
#include "Misc/Guid.h"

/** When set, SaveStringToFile fails as a full disk would (the test's stand-in for a crash mid-write). */
bool GHsFailWrites = false;

std::string HsNarrow(const TCHAR* In)
{
	std::string Out;
	for (; *In; ++In)
	{
		Out += (char)*In;
	}
	return Out;
}

static FString Widen(const std::string& In)
{
	std::u16string Out(In.begin(), In.end());
	return FString(Out.c_str());
}

bool FFileHelper::LoadFileToString(FString& Result, const TCHAR* Filename, EHashOptions, uint32)
{
	std::ifstream In(HsNarrow(Filename), std::ios::binary);
	if (!In)
	{
		return false;
	}
	std::stringstream Text;
	Text << In.rdbuf();
	Result = Widen(Text.str());
	return true;
}

bool FFileHelper::SaveStringToFile(const FString& String, const TCHAR* Filename, EEncodingOptions, IFileManager*, uint32)
{
	if (GHsFailWrites)
	{
		return false;
	}
	std::ofstream Out(HsNarrow(Filename), std::ios::binary | std::ios::trunc);
	Out << HsNarrow(*String);
	return (bool)Out;
}

namespace
{
	class FStdFileManager : public IFileManager
	{
	public:
		bool MakeDirectory(const TCHAR* Path, bool Tree) override
		{
			std::error_code Error;
			return Tree ? (std::filesystem::create_directories(HsNarrow(Path), Error) || !Error)
						: std::filesystem::create_directory(HsNarrow(Path), Error);
		}
		bool Move(const TCHAR* Dest, const TCHAR* Src, bool Replace, bool, bool, bool) override
		{
			if (!Replace && std::filesystem::exists(HsNarrow(Dest)))
			{
				return false;
			}
			std::error_code Error;
			std::filesystem::rename(HsNarrow(Src), HsNarrow(Dest), Error);
			return !Error;
		}
		bool Delete(const TCHAR* Filename, bool RequireExists, bool, bool) override
		{
			if (!std::filesystem::exists(HsNarrow(Filename)))
			{
				return !RequireExists;
			}
			std::error_code Error;
			return std::filesystem::remove(HsNarrow(Filename), Error);
		}
	};
}

IFileManager& IFileManager::Get()
{
	static FStdFileManager Manager;
	return Manager;
}

namespace
{
	std::mt19937_64& Generator()
	{
		static std::mt19937_64 Engine{std::random_device{}()};
		return Engine;
	}
}

FGuid FGuid::NewGuid()
{
	return FGuid();
}

FString FGuid::ToString(EGuidFormats) const
{
	static const char* const Digits = "0123456789ABCDEF";
	std::string Out;
	for (int I = 0; I < 32; ++I)
	{
		Out += Digits[Generator()() % 16];
	}
	return Widen(Out);
}
