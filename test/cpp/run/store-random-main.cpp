// Runs FHelpshiftTSFileStore and HelpshiftTSRandom (the runtime module's shared helpers) and prints one
// `name=value` line per observation; test/cpp/helpers.test.ts asserts them. argv[1]: an empty scratch folder.
#include <cstdio>
#include <filesystem>
#include <string>

#include "HelpshiftTSFileStore.h"
#include "HelpshiftTSRandom.h"
#include "observe.h"

extern bool GHsFailWrites;
std::string HsNarrow(const TCHAR* In);

static std::string Listing(const std::filesystem::path& Dir)
{
	std::string Out;
	if (!std::filesystem::exists(Dir))
	{
		return "(none)";
	}
	for (const auto& Entry : std::filesystem::directory_iterator(Dir))
	{
		Out += (Out.empty() ? "" : ",") + Entry.path().filename().string();
	}
	return Out;
}

static bool IsLowerHex(const FString& Text)
{
	for (const TCHAR Ch : Text)
	{
		if (!((Ch >= u'0' && Ch <= u'9') || (Ch >= u'a' && Ch <= u'f')))
		{
			return false;
		}
	}
	return true;
}

int main(int Argc, char** Argv)
{
	if (Argc < 2)
	{
		return 2;
	}
	const std::filesystem::path Scratch(Argv[1]);

	// Key rules, at the length limit and around the alphabet.
	Print("key.200", FHelpshiftTSFileStore::IsSafeKey(Wide(std::string(200, 'a'))));
	Print("key.201", FHelpshiftTSFileStore::IsSafeKey(Wide(std::string(201, 'a'))));
	Print("key.empty", FHelpshiftTSFileStore::IsSafeKey(FString()));
	Print("key.alphabet", FHelpshiftTSFileStore::IsSafeKey(TEXT("azAZ09_-")));
	for (const char* Bad : {".", "..", "a.b", "a/b", "a\\b", "a b", "a:b", "a.tmp"})
	{
		Print((std::string("key.refused ") + Bad).c_str(), FHelpshiftTSFileStore::IsSafeKey(Wide(Bad)));
	}
	Print("key.refused non-ascii", FHelpshiftTSFileStore::IsSafeKey(TEXT("caf\u00e9")));

	// The store: folder created on the first save, atomic replace, refusal before any disk access.
	const std::filesystem::path Dir = Scratch / "Saved" / "HelpshiftTS";
	const FHelpshiftTSFileStore Store(Wide(Dir.string()));
	FString Value;
	Print("load.absent", Store.Load(TEXT("session"), Value));
	Print("save.first", Store.Save(TEXT("session"), TEXT("{\"v\":1}")));
	Print("files.after-save", Listing(Dir));
	Print("load.first", Store.Load(TEXT("session"), Value));
	Print("load.first.value", HsNarrow(*Value));
	Print("save.replace", Store.Save(TEXT("session"), TEXT("{\"v\":2}")));
	Store.Load(TEXT("session"), Value);
	Print("load.replaced.value", HsNarrow(*Value));
	Print("files.after-replace", Listing(Dir));

	GHsFailWrites = true;
	Print("save.failing", Store.Save(TEXT("session"), TEXT("{\"v\":3}")));
	GHsFailWrites = false;
	Store.Load(TEXT("session"), Value);
	Print("load.after-failed-save.value", HsNarrow(*Value));

	Print("save.escape", Store.Save(TEXT(".._x"), TEXT("x")));
	Print("save.traversal", Store.Save(TEXT("../outside"), TEXT("x")));
	Print("files.parent", Listing(Dir.parent_path()));
	Print("load.traversal", Store.Load(TEXT("../HelpshiftTS/session"), Value));
	Print("remove.refused", Store.Remove(TEXT("../HelpshiftTS/session")));
	Print("files.after-refusals", Listing(Dir));
	Print("remove.present", Store.Remove(TEXT("session")));
	Print("load.removed", Store.Load(TEXT("session"), Value));
	Print("files.after-remove", Listing(Dir));

	// Random bytes: 2 hex characters per byte, lower case, clamped to [0, MaxBytes].
	for (const int32 Count : {-1, 0, 1, 16, 17, HelpshiftTSRandom::MaxBytes, HelpshiftTSRandom::MaxBytes + 1})
	{
		const FString Hex = HelpshiftTSRandom::BytesHex(Count);
		Print(("random.len " + std::to_string(Count)).c_str(), std::to_string(Hex.Len()));
		Print(("random.lowerhex " + std::to_string(Count)).c_str(), IsLowerHex(Hex));
	}
	Print("random.differs", !(HelpshiftTSRandom::BytesHex(16) == HelpshiftTSRandom::BytesHex(16)));
	return 0;
}
