// Runs the runtime module's lifecycle helpers as the engine drives them, and prints one `name=value` line per
// observation; test/cpp/lifecycle.test.ts asserts them. argv[1]: an empty scratch folder.
//  - FHelpshiftTSEarlyCalls: UGameInstance::Init runs ReceiveInit (_Event Init_) before it initializes the
//    subsystems, and the calls made there wait for the subsystem (ENGINE-FACTS, GameInstance.cpp).
//  - FHelpshiftTSDeliveries: what reaches game code runs on a later tick, in order.
//  - FHelpshiftTSModuleLoader: the search order over this plugin's, the project's and Puerts' folders, with
//    Puerts' default loader (test definitions below) looking only under the project's Content/JavaScript.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "HelpshiftTSDeliveries.h"
#include "HelpshiftTSEarlyCalls.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSMostRecent.h"
#include "Interfaces/IPluginManager.h"
#include "Misc/Paths.h"
#include "observe.h"

std::string HsNarrow(const TCHAR* In);

// ---- test definitions of the engine and Puerts calls the loader makes ----------------------------------
static std::map<std::string, std::string> GPluginContent;
static std::string GProjectContent;

namespace
{
	class FTestPlugin : public IPlugin
	{
	public:
		explicit FTestPlugin(std::string InContent) : Content(std::move(InContent)) {}
		FString GetContentDir() const override { return Wide(Content); }
		FString GetBaseDir() const override { return Wide(Content + "/.."); }

	private:
		std::string Content;
	};

	class FTestPluginManager : public IPluginManager
	{
	public:
		TSharedPtr<IPlugin> FindPlugin(const FString& Name) override
		{
			const auto Found = GPluginContent.find(HsNarrow(*Name));
			return Found == GPluginContent.end() ? TSharedPtr<IPlugin>() : TSharedPtr<IPlugin>(std::shared_ptr<IPlugin>(new FTestPlugin(Found->second)));
		}
	};
}

IPluginManager& IPluginManager::Get()
{
	static FTestPluginManager Manager;
	return Manager;
}

FString FPaths::ProjectContentDir()
{
	return Wide(GProjectContent);
}

namespace PUERTS_NAMESPACE
{
	bool DefaultJSModuleLoader::CheckExists(const FString& PathIn, FString& Path, FString& AbsolutePath)
	{
		if (!std::filesystem::is_regular_file(HsNarrow(*PathIn)))
		{
			return false;
		}
		Path = PathIn;
		AbsolutePath = PathIn;
		return true;
	}

	// Puerts' rule, reduced: <Dir>/<Module>, then with ".js", then <Module>/index.js.
	bool DefaultJSModuleLoader::SearchModuleInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		const FString Base = Dir / RequiredModule;
		return CheckExists(Base, Path, AbsolutePath) || CheckExists(Base + TEXT(".js"), Path, AbsolutePath) ||
			CheckExists(Base / TEXT("index.js"), Path, AbsolutePath);
	}

	bool DefaultJSModuleLoader::SearchModuleWithExtInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		return CheckExists(Dir / RequiredModule, Path, AbsolutePath);
	}

	// Puerts' default: the requiring file's folder, then only the project's Content/<ScriptRoot>.
	bool DefaultJSModuleLoader::Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		return (!RequiredDir.IsEmpty() && SearchModuleInDir(RequiredDir, RequiredModule, Path, AbsolutePath)) ||
			SearchModuleInDir(FPaths::ProjectContentDir() / ScriptRoot, RequiredModule, Path, AbsolutePath);
	}

	bool DefaultJSModuleLoader::Load(const FString&, TArray<uint8>&)
	{
		return false;
	}

	FString& DefaultJSModuleLoader::GetScriptRoot()
	{
		return ScriptRoot;
	}
}

// ---- the observations --------------------------------------------------------------------------------------
static void Touch(const std::filesystem::path& File)
{
	std::filesystem::create_directories(File.parent_path());
	std::ofstream(File) << "0";
}

static std::string Where(FHelpshiftTSModuleLoader& Loader, const char* RequiredDir, const char* Module, const std::string& Scratch)
{
	FString Path;
	FString AbsolutePath;
	if (!Loader.Search(Wide(RequiredDir), Wide(Module), Path, AbsolutePath))
	{
		return "(not found)";
	}
	std::string Found = HsNarrow(*AbsolutePath);
	return Found.rfind(Scratch, 0) == 0 ? Found.substr(Scratch.size() + 1) : Found;
}

static void ModuleSearch(const std::string& Scratch)
{
	const std::string Ours = Scratch + "/Plugins/HelpshiftTS/Content";
	const std::string Puerts = Scratch + "/Plugins/Puerts/Content";
	GProjectContent = Scratch + "/Content";
	GPluginContent = {{"HelpshiftTS", Ours}, {"Puerts", Puerts}};
	// A clean project: Puerts' bootstrap modules only in the Puerts plugin; ours in our plugin; a game module.
	Touch(Puerts + "/JavaScript/puerts/first_run.js");
	Touch(Puerts + "/JavaScript/puerts/uelazyload.js");
	Touch(Ours + "/JavaScript/HelpshiftTS/main.js");
	Touch(GProjectContent + "/JavaScript/game/main.js");
	FHelpshiftTSModuleLoader Loader(FHelpshiftTSModuleLoader::DefaultRoots());
	Print("search.bootstrap", Where(Loader, "", "puerts/first_run.js", Scratch));
	Print("search.lazyload", Where(Loader, "", "puerts/uelazyload", Scratch));
	Print("search.ours", Where(Loader, "", "HelpshiftTS/main", Scratch));
	Print("search.project", Where(Loader, "", "game/main", Scratch));
	Print("search.missing", Where(Loader, "", "nowhere/module", Scratch));
	// A project that ran Puerts' generator has its own copy: the project's wins over the plugin's.
	Touch(GProjectContent + "/JavaScript/puerts/first_run.js");
	Print("search.bootstrap-copied", Where(Loader, "", "puerts/first_run.js", Scratch));
	// Relative requires resolve against the requiring folder, never a root.
	Touch(Ours + "/JavaScript/HelpshiftTS/lib.js");
	Print("search.relative", Where(Loader, (Ours + "/JavaScript/HelpshiftTS").c_str(), "./lib.js", Scratch));
	// Without the Puerts plugin found, the default search still runs.
	GPluginContent.erase("Puerts");
	FHelpshiftTSModuleLoader Without(FHelpshiftTSModuleLoader::DefaultRoots());
	Print("search.no-puerts-plugin", Where(Without, "", "game/main", Scratch));
}

class UGameInstance;
class UHelpshiftTSSubsystem;

static void EarlyCalls()
{
	FHelpshiftTSEarlyCalls Calls;
	std::string Log;
	// Two game instances (PIE with two clients); stand-in addresses, compared only.
	const UGameInstance* First = reinterpret_cast<const UGameInstance*>(0x1000);
	const UGameInstance* Second = reinterpret_cast<const UGameInstance*>(0x2000);
	const auto Record = [&Log](const char* What) {
		return [&Log, What](UHelpshiftTSSubsystem&) { Log += (Log.empty() ? "" : ",") + std::string(What); };
	};
	// _Event Init_ of the first client: static calls (untied) and a node tied to its game instance.
	Calls.Add(nullptr, HelpshiftTSEarlyCall::Init, Record("init"));
	Calls.Add(First, TEXT("ListenForHelpshiftEvents"), Record("listen-first"));
	Calls.Add(nullptr, TEXT("LoginWithIdentity"), Record("login"));
	Calls.Add(Second, TEXT("LoginWithIdentity"), Record("login-second"));
	Print("early.has-init-first", Calls.Has(First, HelpshiftTSEarlyCall::Init) ? "true" : "false");
	Print("early.has-logout", Calls.Has(First, TEXT("Logout")) ? "true" : "false");
	// Then UGameInstance::Init initializes the first client's subsystems: it runs what is its own and untied.
	alignas(16) unsigned char Storage[64] = {};
	UHelpshiftTSSubsystem& Subsystem = *reinterpret_cast<UHelpshiftTSSubsystem*>(Storage);
	for (auto& Call : Calls.Take(First))
	{
		Call(Subsystem);
	}
	Print("early.first-ran", Log);
	Print("early.left", std::to_string(Calls.Num()));
	Log.clear();
	for (auto& Call : Calls.Take(Second))
	{
		Call(Subsystem);
	}
	Print("early.second-ran", Log);
	// The bound: MaxCalls wait, the next is refused (and reported by the caller).
	FHelpshiftTSEarlyCalls Full;
	bool bAllTaken = true;
	for (int32 Index = 0; Index < FHelpshiftTSEarlyCalls::MaxCalls; ++Index)
	{
		bAllTaken = Full.Add(nullptr, TEXT("Logout"), [](UHelpshiftTSSubsystem&) {}) && bAllTaken;
	}
	Print("early.max-accepted", bAllTaken ? "true" : "false");
	Print("early.max-plus-one", Full.Add(nullptr, TEXT("Logout"), [](UHelpshiftTSSubsystem&) {}) ? "true" : "false");
}

static void Deliveries()
{
	FHelpshiftTSDeliveries Queue;
	std::string Log;
	int Ticks = 0;
	const bool bFirstSchedules = Queue.Add([&Log] { Log += "result,"; });
	const bool bSecondSchedules = Queue.Add([&Log, &Queue, &Ticks] {
		Log += "event,";
		// Game code reacting to the event queues more: that waits for a later tick.
		Ticks += Queue.Add([&Log] { Log += "later,"; }) ? 1 : 0;
	});
	Print("deliveries.first-schedules", bFirstSchedules ? "true" : "false");
	Print("deliveries.second-schedules", bSecondSchedules ? "true" : "false");
	Print("deliveries.before-tick", Log.empty() ? "(nothing)" : Log);
	Queue.RunDue();
	Print("deliveries.tick-1", Log);
	Print("deliveries.rescheduled", std::to_string(Ticks));
	Queue.RunDue();
	Print("deliveries.tick-2", Log);
	Queue.Add([&Log] { Log += "dropped,"; });
	Queue.Reset();
	Queue.RunDue();
	Print("deliveries.after-reset", Log);
}

// UObject's one out-of-line virtual (its key function), so stand-in UObjects can be made here.
UWorld* UObject::GetWorld() const
{
	return nullptr;
}

/** Two PIE clients' subsystems (stand-ins: any UObject); the static calls go to the most recent one alive. */
class UTestSubsystem : public UObject
{
public:
	explicit UTestSubsystem(const char* InName) : Name(InName) {}
	const char* Name;
};

static void MostRecent()
{
	THelpshiftTSMostRecent<UTestSubsystem> Live;
	UTestSubsystem First("first");
	UTestSubsystem Second("second");
	const auto Primary = [&Live] { return std::string(Live.Get() ? Live.Get()->Name : "(none)"); };
	Print("primary.empty", Primary());
	Live.Add(&First);
	Live.Add(&Second);
	Print("primary.both", Primary());
	Live.Remove(&Second);
	Print("primary.second-ended", Primary());
	Live.Add(&Second);
	Live.Remove(&First);
	Print("primary.first-ended", Primary());
	Live.Remove(&Second);
	Print("primary.all-ended", Primary());
}

int main(int Argc, char** Argv)
{
	if (Argc < 2)
	{
		return 2;
	}
	ModuleSearch(Argv[1]);
	EarlyCalls();
	Deliveries();
	MostRecent();
	return 0;
}
