// The stand-in engine's Core/CoreUObject/Engine pieces with the engine's semantics (ENGINE-FACTS): game thread,
// core ticker, AsyncTask(GameThread), game instance Init/Shutdown order, subsystems, async action registration,
// paths and plugins, files. Test-only; not the engine.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "Async/Async.h"
#include "Containers/Ticker.h"
#include "CoreGlobals.h"
#include "Engine/CancellableAsyncAction.h"
#include "Engine/DeveloperSettings.h"
#include "Engine/Engine.h"
#include "Engine/GameInstance.h"
#include "Engine/World.h"
#include "HAL/FileManager.h"
#include "Interfaces/IPluginManager.h"
#include "JSLogger.h"
#include "JSModuleLoader.h"
#include "Misc/CoreDelegates.h"
#include "Misc/FileHelper.h"
#include "Misc/Paths.h"
#include "Subsystems/GameInstanceSubsystem.h"

// ---- strings ------------------------------------------------------------------------------------------
std::string HsEngine::Narrow(const FString& In)
{
	std::string Out;
	const std::u16string_view S(*In);
	for (size_t I = 0; I < S.size(); ++I)
	{
		uint32_t C = S[I];
		if (C >= 0xD800 && C <= 0xDBFF && I + 1 < S.size() && S[I + 1] >= 0xDC00 && S[I + 1] <= 0xDFFF)
		{
			C = 0x10000 + ((C - 0xD800) << 10) + (S[I + 1] - 0xDC00);
			++I;
		}
		if (C < 0x80) Out += (char)C;
		else if (C < 0x800) { Out += (char)(0xC0 | (C >> 6)); Out += (char)(0x80 | (C & 0x3F)); }
		else if (C < 0x10000) { Out += (char)(0xE0 | (C >> 12)); Out += (char)(0x80 | ((C >> 6) & 0x3F)); Out += (char)(0x80 | (C & 0x3F)); }
		else { Out += (char)(0xF0 | (C >> 18)); Out += (char)(0x80 | ((C >> 12) & 0x3F)); Out += (char)(0x80 | ((C >> 6) & 0x3F)); Out += (char)(0x80 | (C & 0x3F)); }
	}
	return Out;
}

FString HsEngine::Wide(const std::string& In)
{
	std::u16string Out;
	for (size_t I = 0; I < In.size();)
	{
		const unsigned char B = (unsigned char)In[I];
		uint32_t C = 0;
		int N = 0;
		if (B < 0x80) { C = B; N = 1; }
		else if ((B >> 5) == 6) { C = B & 0x1F; N = 2; }
		else if ((B >> 4) == 14) { C = B & 0x0F; N = 3; }
		else { C = B & 0x07; N = 4; }
		for (int K = 1; K < N && I + K < In.size(); ++K) C = (C << 6) | ((unsigned char)In[I + K] & 0x3F);
		I += N;
		if (C >= 0x10000) { C -= 0x10000; Out += (char16_t)(0xD800 + (C >> 10)); Out += (char16_t)(0xDC00 + (C & 0x3FF)); }
		else Out += (char16_t)C;
	}
	return FString(Out.c_str());
}

// ---- objects --------------------------------------------------------------------------------------------
namespace
{
	std::unordered_map<const UObject*, UObject*>& Outers()
	{
		static std::unordered_map<const UObject*, UObject*> Map;
		return Map;
	}
	std::thread::id GGameThread = std::this_thread::get_id();
	std::string GOutput;
	std::string GProjectDir, GHelpshiftPluginDir, GPuertsPluginDir;
	bool GDedicatedServer = false;
	int64 GFrame = 0;
	std::mutex GTaskMutex;
	std::vector<std::function<void()>> GGameThreadTasks;
	std::vector<std::function<USubsystem*(UGameInstance*)>>& SubsystemClasses()
	{
		static std::vector<std::function<USubsystem*(UGameInstance*)>> Classes;
		return Classes;
	}
}

int HsEngine::GameCallDepth = 0;
int HsEngine::CallsIntoDeadEnv = 0;
bool HsEngine::TraceScriptCalls = true;
std::vector<std::string> HsEngine::ScriptCalls;
std::vector<std::string> HsEngine::HttpLog;
int HsEngine::HttpInFlight = 0;

void HsEngine::OnNewObject(UObject* Object, UObject* Outer) { Outers()[Object] = Outer; }
UObject* HsEngine::OuterOf(const UObject* Object)
{
	const auto Found = Outers().find(Object);
	return Found == Outers().end() ? nullptr : Found->second;
}

uint64_t HsNextDelegateId()
{
	static uint64_t Next = 0;
	return ++Next;
}

bool FMath::IsFinite(double A) { return std::isfinite(A); }
double FMath::FloorToDouble(double F) { return std::floor(F); }
FLogCategoryBase::FLogCategoryBase(const TCHAR*) {}
bool IsInGameThread() { return std::this_thread::get_id() == GGameThread; }
bool IsRunningDedicatedServer() { return GDedicatedServer; }
void HsEngine::SetDedicatedServer(bool bServer) { GDedicatedServer = bServer; }

UWorld* UObject::GetWorld() const
{
	for (const UObject* At = this; At; At = HsEngine::OuterOf(At))
	{
		if (const UWorld* World = dynamic_cast<const UWorld*>(At))
		{
			return const_cast<UWorld*>(World);
		}
		if (const UGameInstance* GameInstance = dynamic_cast<const UGameInstance*>(At))
		{
			return GameInstance->HsWorld;
		}
	}
	return nullptr;
}
FString UObject::GetName() const { return HsEngine::Wide(typeid(*this).name()); }
UPackage* GetTransientPackage()
{
	static UPackage Package;
	return &Package;
}

UEngine* GEngine = []() { static UEngine Engine; return &Engine; }();
UWorld* UEngine::GetWorldFromContextObject(const UObject* Object, EGetWorldErrorMode) const
{
	return Object ? Object->GetWorld() : nullptr;
}

FName UDeveloperSettings::GetContainerName() const { return TEXT("Project"); }
FName UDeveloperSettings::GetCategoryName() const { return TEXT("Game"); }
FName UDeveloperSettings::GetSectionName() const { return TEXT(""); }

// ---- game instance, subsystems, async actions --------------------------------------------------------------
void HsRegisterGameInstanceSubsystemClass(std::function<USubsystem*(UGameInstance*)> Factory)
{
	SubsystemClasses().push_back(std::move(Factory));
}

bool USubsystem::ShouldCreateSubsystem(UObject*) const { return true; }
void USubsystem::Initialize(FSubsystemCollectionBase&) {}
void USubsystem::Deinitialize() {}

void UGameInstance::Init()
{
	// GameInstance.cpp: ReceiveInit() first, SubsystemCollection.Initialize(this) last.
	ReceiveInit();
	FSubsystemCollectionBase Collection;
	for (auto& Factory : SubsystemClasses())
	{
		USubsystem* Made = Factory(this);
		if (!Made->ShouldCreateSubsystem(this))
		{
			continue;
		}
		Subsystems.Add(Made);
		Made->Initialize(Collection);
	}
}

void UGameInstance::HsInitializeStandalone()
{
	HsOwnedContext = FWorldContext();
	HsOwnedContext.WorldType = EWorldType::Game;
	WorldContext = &HsOwnedContext;
	Init();
}

void UGameInstance::HsInitializeForPlayInEditor(int32 PIEInstanceIndex)
{
	HsOwnedContext = FWorldContext();
	HsOwnedContext.WorldType = EWorldType::PIE;
	HsOwnedContext.PIEInstance = PIEInstanceIndex;
	WorldContext = &HsOwnedContext;
	Init();
}

void UGameInstance::Shutdown()
{
	// ReceiveShutdown() first, then (local players removed) SubsystemCollection.Deinitialize(), reverse order.
	ReceiveShutdown();
	TArray<USubsystem*> Ending = Subsystems;
	for (int32 I = Ending.Num() - 1; I >= 0; --I)
	{
		Ending[I]->Deinitialize();
	}
	Subsystems.Empty();
}

void UGameInstance::RegisterReferencedObject(UObject* Object) { ReferencedObjects.Add(Object); }
void UGameInstance::UnregisterReferencedObject(UObject* Object)
{
	ReferencedObjects.RemoveAll([Object](UObject* O) { return O == Object; });
}

void UBlueprintAsyncActionBase::Activate() {}
void UBlueprintAsyncActionBase::RegisterWithGameInstance(const UObject* WorldContextObject)
{
	const UWorld* World = WorldContextObject ? WorldContextObject->GetWorld() : nullptr;
	if (World && World->GetGameInstance())
	{
		RegisterWithGameInstance(World->GetGameInstance());
	}
}
void UBlueprintAsyncActionBase::RegisterWithGameInstance(UGameInstance* GameInstance)
{
	if (GameInstance)
	{
		if (UGameInstance* Old = RegisteredWithGameInstance.Get())
		{
			Old->UnregisterReferencedObject(this);
		}
		GameInstance->RegisterReferencedObject(this);
		RegisteredWithGameInstance = GameInstance;
	}
}
void UBlueprintAsyncActionBase::SetReadyToDestroy()
{
	if (UGameInstance* GameInstance = RegisteredWithGameInstance.Get())
	{
		GameInstance->UnregisterReferencedObject(this);
	}
	RegisteredWithGameInstance.Reset();
}
void UCancellableAsyncAction::Cancel() { SetReadyToDestroy(); }
bool UCancellableAsyncAction::IsActive() const { return ShouldBroadcastDelegates(); }
bool UCancellableAsyncAction::ShouldBroadcastDelegates() const { return IsRegistered(); }
bool UCancellableAsyncAction::IsRegistered() const { return RegisteredWithGameInstance.IsValid(); }

FCoreDelegates::FApplicationLifetimeDelegate FCoreDelegates::ApplicationWillDeactivateDelegate;
FCoreDelegates::FApplicationLifetimeDelegate FCoreDelegates::ApplicationWillEnterBackgroundDelegate;
FCoreDelegates::FApplicationLifetimeDelegate FCoreDelegates::ApplicationHasEnteredForegroundDelegate;

// ---- ticker, tasks, frames ---------------------------------------------------------------------------------
struct FTSTicker::FElement
{
	FTickerDelegate Delegate;
	double FireTime = 0;
	float Delay = 0;
	int64 AddedInFrame = 0;
	bool bTicking = false;
};

namespace
{
	std::vector<std::shared_ptr<FTSTicker::FElement>> GTickers;
	bool GInTick = false;
	double GTickerTime = 0;
	const auto GStart = std::chrono::steady_clock::now();
}

double HsEngine::Seconds() { return std::chrono::duration<double>(std::chrono::steady_clock::now() - GStart).count(); }

FTSTicker& FTSTicker::GetCoreTicker()
{
	static FTSTicker Ticker;
	return Ticker;
}

FTSTicker::FDelegateHandle FTSTicker::AddTicker(const FTickerDelegate& InDelegate, float InDelay)
{
	auto Element = std::make_shared<FElement>();
	Element->Delegate = InDelegate;
	Element->Delay = InDelay;
	Element->FireTime = HsEngine::Seconds() + InDelay;
	// Added while the ticker ticks: first considered on the next Tick.
	Element->AddedInFrame = GInTick ? GFrame : -1;
	GTickers.push_back(Element);
	return FDelegateHandle(Element);
}

void FTSTicker::RemoveTicker(FDelegateHandle Handle)
{
	if (auto Element = Handle.Element.lock())
	{
		std::erase(GTickers, Element);
	}
}

int32 FTSTicker::HsNum() const { return (int32)GTickers.size(); }

void FTSTicker::Tick(float)
{
	GInTick = true;
	GTickerTime = HsEngine::Seconds();
	const auto Due = GTickers;
	for (const auto& Element : Due)
	{
		if (std::find(GTickers.begin(), GTickers.end(), Element) == GTickers.end() || Element->AddedInFrame == GFrame ||
			Element->FireTime > GTickerTime)
		{
			continue;
		}
		const bool bKeep = Element->Delegate.IsBound() && Element->Delegate.Execute(0.016f);
		if (bKeep)
		{
			Element->FireTime = GTickerTime + Element->Delay;
		}
		else
		{
			std::erase(GTickers, Element);
		}
	}
	GInTick = false;
}

void AsyncTask(ENamedThreads::Type Thread, TUniqueFunction<void()> Function)
{
	check(Thread == ENamedThreads::GameThread);
	std::lock_guard<std::mutex> Lock(GTaskMutex);
	GGameThreadTasks.push_back(std::move(Function));
}

int64 HsEngine::Frame() { return GFrame; }

void HsEngine::Tick()
{
	++GFrame;
	std::vector<std::function<void()>> Tasks;
	{
		std::lock_guard<std::mutex> Lock(GTaskMutex);
		Tasks.swap(GGameThreadTasks);
	}
	for (auto& Task : Tasks)
	{
		Task();
	}
	FTSTicker::GetCoreTicker().Tick(0.016f);
}

bool HsEngine::TickUntil(const std::function<bool()>& Done, int MaxFrames, double SleepMs)
{
	for (int I = 0; I < MaxFrames; ++I)
	{
		if (Done())
		{
			return true;
		}
		Tick();
		if (SleepMs > 0)
		{
			std::this_thread::sleep_for(std::chrono::microseconds((int64)(SleepMs * 1000)));
		}
	}
	return Done();
}

void HsEngine::Suspend(double Seconds)
{
	std::this_thread::sleep_for(std::chrono::microseconds((int64)(Seconds * 1e6)));
}

void HsEngine::TickFrames(int Count, double SleepMs)
{
	for (int I = 0; I < Count; ++I)
	{
		Tick();
		if (SleepMs > 0)
		{
			std::this_thread::sleep_for(std::chrono::microseconds((int64)(SleepMs * 1000)));
		}
	}
}

void HsEngine::Line(const std::string& Key, const std::string& Value)
{
	GOutput += Key + "=" + Value + "\n";
}

const std::string& HsEngine::PeekOutput() { return GOutput; }

std::string HsEngine::TakeOutput()
{
	std::string Out;
	Out.swap(GOutput);
	return Out;
}

// ---- paths, plugins, files ---------------------------------------------------------------------------------
void HsEngine::SetPaths(const std::string& ProjectDir, const std::string& HelpshiftPluginDir, const std::string& PuertsPluginDir)
{
	GProjectDir = ProjectDir;
	GHelpshiftPluginDir = HelpshiftPluginDir;
	GPuertsPluginDir = PuertsPluginDir;
}

FString FPaths::ProjectSavedDir() { return HsEngine::Wide(GProjectDir + "/Saved/"); }
FString FPaths::ProjectContentDir() { return HsEngine::Wide(GProjectDir + "/Content/"); }
bool FPaths::FileExists(const FString& InPath) { return std::filesystem::is_regular_file(HsEngine::Narrow(InPath)); }
FString FPaths::GetExtension(const FString& InPath, bool bIncludeDot)
{
	const std::string P = HsEngine::Narrow(InPath);
	const std::string Ext = std::filesystem::path(P).extension().string();
	return HsEngine::Wide(bIncludeDot || Ext.empty() ? Ext : Ext.substr(1));
}

namespace
{
	class FHsPlugin : public IPlugin
	{
	public:
		explicit FHsPlugin(std::string InBase) : Base(std::move(InBase)) {}
		FString GetContentDir() const override { return HsEngine::Wide(Base + "/Content"); }
		FString GetBaseDir() const override { return HsEngine::Wide(Base); }
		std::string Base;
	};
	class FHsPluginManager : public IPluginManager
	{
	public:
		TSharedPtr<IPlugin> FindPlugin(const FString& Name) override
		{
			const std::string N = HsEngine::Narrow(Name);
			const std::string& Base = N == "HelpshiftTS" ? GHelpshiftPluginDir : N == "Puerts" ? GPuertsPluginDir : std::string();
			return Base.empty() ? TSharedPtr<IPlugin>() : TSharedPtr<IPlugin>(std::shared_ptr<IPlugin>(new FHsPlugin(Base)));
		}
	};
}

IPluginManager& IPluginManager::Get()
{
	static FHsPluginManager Manager;
	return Manager;
}

bool FFileHelper::LoadFileToString(FString& Result, const TCHAR* Filename, EHashOptions, uint32)
{
	std::ifstream In(HsEngine::Narrow(Filename), std::ios::binary);
	if (!In)
	{
		return false;
	}
	std::stringstream Text;
	Text << In.rdbuf();
	Result = HsEngine::Wide(Text.str());
	return true;
}

bool FFileHelper::SaveStringToFile(const FString& String, const TCHAR* Filename, EEncodingOptions, IFileManager*, uint32)
{
	std::ofstream Out(HsEngine::Narrow(Filename), std::ios::binary | std::ios::trunc);
	Out << HsEngine::Narrow(String);
	return (bool)Out;
}

namespace
{
	class FHsFileManager : public IFileManager
	{
	public:
		bool MakeDirectory(const TCHAR* Path, bool Tree) override
		{
			std::error_code Error;
			if (Tree)
			{
				std::filesystem::create_directories(HsEngine::Narrow(Path), Error);
				return !Error;
			}
			return std::filesystem::create_directory(HsEngine::Narrow(Path), Error);
		}
		bool Move(const TCHAR* Dest, const TCHAR* Src, bool Replace, bool, bool, bool) override
		{
			if (!Replace && std::filesystem::exists(HsEngine::Narrow(Dest)))
			{
				return false;
			}
			std::error_code Error;
			std::filesystem::rename(HsEngine::Narrow(Src), HsEngine::Narrow(Dest), Error);
			return !Error;
		}
		bool Delete(const TCHAR* Filename, bool RequireExists, bool, bool) override
		{
			if (!std::filesystem::exists(HsEngine::Narrow(Filename)))
			{
				return !RequireExists;
			}
			std::error_code Error;
			return std::filesystem::remove(HsEngine::Narrow(Filename), Error);
		}
	};
}

IFileManager& IFileManager::Get()
{
	static FHsFileManager Manager;
	return Manager;
}

// ---- Puerts' logger and default module loader (semantics of Puerts' JSModuleLoader.cpp, reduced) -----------
namespace PUERTS_NAMESPACE
{
	void FDefaultLogger::Log(const FString& Message) const { HsEngine::Line("js.log", HsEngine::Narrow(Message)); }
	void FDefaultLogger::Info(const FString& Message) const { HsEngine::Line("js.info", HsEngine::Narrow(Message)); }
	void FDefaultLogger::Warn(const FString& Message) const { HsEngine::Line("js.warn", HsEngine::Narrow(Message)); }
	void FDefaultLogger::Error(const FString& Message) const { HsEngine::Line("js.error", HsEngine::Narrow(Message)); }

	bool DefaultJSModuleLoader::CheckExists(const FString& PathIn, FString& Path, FString& AbsolutePath)
	{
		if (!std::filesystem::is_regular_file(HsEngine::Narrow(PathIn)))
		{
			return false;
		}
		Path = PathIn;
		AbsolutePath = PathIn;
		return true;
	}

	// <Dir>/<Module> when it has an extension; else <Module>.js, then <Module>/index.js.
	bool DefaultJSModuleLoader::SearchModuleInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		const FString Base = Dir / RequiredModule;
		if (!FPaths::GetExtension(RequiredModule).IsEmpty())
		{
			return SearchModuleWithExtInDir(Dir, RequiredModule, Path, AbsolutePath);
		}
		return CheckExists(Base + TEXT(".js"), Path, AbsolutePath) || CheckExists(Base / TEXT("index.js"), Path, AbsolutePath);
	}

	bool DefaultJSModuleLoader::SearchModuleWithExtInDir(const FString& Dir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		return CheckExists(Dir / RequiredModule, Path, AbsolutePath);
	}

	// The requiring file's folder, then only the project's Content/<ScriptRoot> (ENGINE-FACTS).
	bool DefaultJSModuleLoader::Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
	{
		return (!RequiredDir.IsEmpty() && SearchModuleInDir(RequiredDir, RequiredModule, Path, AbsolutePath)) ||
			SearchModuleInDir(FPaths::ProjectContentDir() + ScriptRoot, RequiredModule, Path, AbsolutePath);
	}

	bool DefaultJSModuleLoader::Load(const FString& Path, TArray<uint8>& Content)
	{
		std::ifstream In(HsEngine::Narrow(Path), std::ios::binary);
		if (!In)
		{
			return false;
		}
		std::string Bytes((std::istreambuf_iterator<char>(In)), std::istreambuf_iterator<char>());
		Content.Empty();
		for (char C : Bytes)
		{
			Content.Add((uint8)C);
		}
		return true;
	}

	FString& DefaultJSModuleLoader::GetScriptRoot() { return ScriptRoot; }
}

// FPlatformTime::Seconds: monotonic, as the engine's (the game-thread suspend of the harness stops frames, not it).
#include <chrono>
#include "HAL/PlatformTime.h"

double FPlatformTime::Seconds()
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
