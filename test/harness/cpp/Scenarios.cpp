// Blueprint-level scenarios: each calls only what a game calls (UHelpshiftTSLibrary, the async nodes,
// UHelpshiftTSSubsystem) and records which pin fired, with which values, on which frame, inside a game call or
// not. The test (test/harness/harness.test.ts) starts the reference service and asserts the lines.
#include <filesystem>

#include "Containers/Ticker.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftConfigParameter.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEventAsyncAction.h"
#include "HelpshiftTSLibrary.h"
#include "HelpshiftTSLoginAsyncAction.h"
#include "HelpshiftTSSettings.h"
#include "HelpshiftTSSubsystem.h"
#include "Misc/CoreDelegates.h"
#include "Scenario.h"

using HsEngine::FGameCall;

namespace
{
	std::map<std::string, void (*)()>& Registry()
	{
		static std::map<std::string, void (*)()> All;
		return All;
	}
	TMap<FString, FString> GConfig;
	std::string N(const FString& S) { return HsEngine::Narrow(S); }
	std::string Line(const std::string& Key) { return Key; }
}

HsScenarioRegistration::HsScenarioRegistration(const char* Name, void (*Fn)()) { Registry()[Name] = Fn; }

const std::string& HsScenario::Config(const std::string& Key)
{
	static std::map<std::string, std::string> Cache;
	const FString* Found = GConfig.Find(HsEngine::Wide(Key));
	return Cache[Key] = Found ? N(*Found) : std::string();
}
FString HsScenario::ConfigW(const std::string& Key) { return HsEngine::Wide(Config(Key)); }

std::string HsScenario::Entries(const FHelpshiftStringMap& Map)
{
	std::vector<std::string> Items;
	for (const auto& Pair : Map.Entries) Items.push_back(N(Pair.Key) + ":" + N(Pair.Value));
	std::sort(Items.begin(), Items.end());
	std::string Out;
	for (const auto& Item : Items) Out += (Out.empty() ? "" : ",") + Item;
	return "{" + Out + "}";
}

void UHsPins::Record(const std::string& Pin, const std::string& Values)
{
	++Fired;
	HsEngine::Line(Label + "." + Pin, Values + (Values.empty() ? "" : " ") + "later=" + std::to_string(HsEngine::Frame() - CallFrame) +
		" inCall=" + std::to_string(HsEngine::GameCallDepth > 0 ? 1 : 0));
}
void UHsPins::OnSuccess() { Record("OnSuccess", ""); }
void UHsPins::OnFailure(const FString& Reason, const FHelpshiftStringMap& Errors)
{
	Record("OnFailure", "reason=" + N(Reason) + " errors=" + HsScenario::Entries(Errors));
}
void UHsPins::OnFailureDetail(const FString& Reason, const FHelpshiftStringMap& Errors, const FString& Detail)
{
	Record("OnFailure", "reason=" + N(Reason) + " errors=" + HsScenario::Entries(Errors) + " detail=" + N(Detail));
}
void UHsPins::OnEvent(const FString& EventName, const FHelpshiftStringMap& Data)
{
	Record("OnEvent", "name=" + N(EventName) + " data=" + HsScenario::Entries(Data));
}

UHsPins* HsNewPins(const std::string& Label)
{
	UHsPins* Pins = NewObject<UHsPins>();
	Pins->Label = Label;
	Pins->CallFrame = HsEngine::Frame();
	return Pins;
}

UHsGameInstance* HsStartGame(std::function<void(UHsGameInstance*)> EventInit, std::function<void(UHsGameInstance*)> EventShutdown)
{
	UHsGameInstance* Game = NewObject<UHsGameInstance>();
	UWorld* World = NewObject<UWorld>(Game);
	World->OwningGameInstance = Game;
	Game->HsWorld = World;
	Game->EventInit = std::move(EventInit);
	Game->EventShutdown = std::move(EventShutdown);
	FGameCall Call;
	Game->Init();
	return Game;
}

void HsEndGame(UHsGameInstance* Game)
{
	FGameCall Call;
	Game->Shutdown();
}

std::string HsScenario::Run(const std::string& Name, const std::string& ConfigJson)
{
	HelpshiftConfigJson::StringMapFromJson(HsEngine::Wide(ConfigJson), GConfig);
	HsEngine::SetPaths(Config("projectDir"), Config("helpshiftPlugin"), Config("puertsPlugin"));
	static bool bRegistered = false;
	if (!bRegistered)
	{
		bRegistered = true;
		HsRegisterGameInstanceSubsystemClass([](UGameInstance* Game) {
			UHelpshiftTSSubsystem* Subsystem = NewObject<UHelpshiftTSSubsystem>(Game);
			Subsystem->HsOwner = Game;
			return Subsystem;
		});
	}
	const auto Found = Registry().find(Name);
	if (Found == Registry().end())
	{
		return "error=no scenario " + Name + "\n";
	}
	Found->second();
	HsEngine::Line("end.callsIntoDeadEnv", std::to_string(HsEngine::CallsIntoDeadEnv));
	return HsEngine::TakeOutput();
}

namespace
{
	TMap<FString, FHelpshiftConfigParameter> InitParameters()
	{
		TMap<FString, FHelpshiftConfigParameter> Parameters;
		Parameters.Add(TEXT("serviceUrl"), UHelpshiftConfigParameterFunctions::Conv_StringToHelpshiftConfigParameter(HsScenario::ConfigW("serviceUrl")));
		Parameters.Add(TEXT("appId"), UHelpshiftConfigParameterFunctions::Conv_StringToHelpshiftConfigParameter(HsScenario::ConfigW("appId")));
		Parameters.Add(TEXT("flushIntervalMs"), UHelpshiftConfigParameterFunctions::Conv_intToHelpshiftConfigParameter(200));
		return Parameters;
	}

	TMap<FString, FHelpshiftConfigParameter> NoPrivacy()
	{
		TMap<FString, FHelpshiftConfigParameter> Config;
		Config.Add(UHelpshiftTSConstants::HelpshiftConfigKeyFullPrivacyEnabled(), UHelpshiftConfigParameterFunctions::Conv_boolToHelpshiftConfigParameter(false));
		return Config;
	}

	/** The "Login With Identity (Async)" node as a Blueprint runs it: factory, pins wired, then Activate. */
	UHelpshiftTSLoginAsyncAction* LoginNode(UObject* Context, const std::string& Label, const FString& Jwt, const TMap<FString, FHelpshiftConfigParameter>& Config)
	{
		UHsPins* Pins = HsNewPins(Label);
		FGameCall Call;
		UHelpshiftTSLoginAsyncAction* Node = UHelpshiftTSLoginAsyncAction::LoginWithIdentity(Context, Jwt, Config);
		Node->OnSuccess.AddDynamic(Pins, &UHsPins::OnSuccess);
		Node->OnFailure.AddDynamic(Pins, &UHsPins::OnFailureDetail);
		Node->Activate();
		return Node;
	}

	/** The static LoginWithIdentity with its two callback delegates bound to a Blueprint's functions. */
	void LoginStatic(const std::string& Label, const FString& Jwt, const TMap<FString, FHelpshiftConfigParameter>& Config)
	{
		UHsPins* Pins = HsNewPins(Label);
		FHelpshiftLoginSuccessDelegate Success;
		Success.BindDynamic(Pins, &UHsPins::OnSuccess);
		FHelpshiftLoginFailureDelegate Failure;
		Failure.BindDynamic(Pins, &UHsPins::OnFailure);
		FGameCall Call;
		UHelpshiftTSLibrary::LoginWithIdentity(Jwt, Config, Success, Failure);
	}

	int SendCount()
	{
		int Count = 0;
		for (const std::string& Call : HsEngine::ScriptCalls) Count += Call == "HelpshiftTSBridge.SendHttpRequest";
		return Count;
	}

	std::string SavedFiles()
	{
		std::vector<std::string> Names;
		const std::string Dir = HsScenario::Config("projectDir") + "/Saved/HelpshiftTS";
		if (std::filesystem::exists(Dir))
			for (const auto& Entry : std::filesystem::directory_iterator(Dir)) Names.push_back(Entry.path().filename().string());
		std::sort(Names.begin(), Names.end());
		std::string Out;
		for (const auto& Name : Names) Out += (Out.empty() ? "" : ",") + Name;
		return Out;
	}

	bool Settled(int Frames = 40)
	{
		// Until no HTTP request has been started for Frames frames in a row.
		int Quiet = 0, Last = SendCount();
		return HsEngine::TickUntil([&] {
			const int Now = SendCount();
			Quiet = Now == Last ? Quiet + 1 : 0;
			Last = Now;
			return Quiet >= Frames;
		}, 4000, 2.0);
	}
}

// _Event Init_: Init, a login node, a static login and a listener, all before any subsystem exists; they wait
// and run when the subsystem starts, and every pin fires on a later frame, outside the call.
HS_SCENARIO(event_init_login)
{
	UHsPins* Events = HsNewPins("events");
	UHsGameInstance* Game = HsStartGame([&](UHsGameInstance* Self) {
		HsEngine::Line("eventInit.subsystem", Self->GetSubsystem<UHelpshiftTSSubsystem>() ? "exists" : "null");
		UHelpshiftTSLibrary::Init(InitParameters());
		UHelpshiftTSEventAsyncAction* Listen = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
		Listen->OnEvent.AddDynamic(Events, &UHsPins::OnEvent);
		Listen->Activate();
		LoginNode(Self, "node", HsScenario::ConfigW("token.valid"), NoPrivacy());
	});
	HsEngine::Line("afterInit.subsystem", Game->GetSubsystem<UHelpshiftTSSubsystem>() && Game->GetSubsystem<UHelpshiftTSSubsystem>()->IsRunning() ? "running" : "not running");
	HsEngine::TickUntil([] { return HsEngine::ScriptCalls.end() != std::find(HsEngine::ScriptCalls.begin(), HsEngine::ScriptCalls.end(), "HelpshiftTSBridge.SucceedLogin"); });
	HsEngine::TickFrames(5);
	LoginStatic("static", HsScenario::ConfigW("token.wrongSecret"), NoPrivacy());
	Settled();
	HsEngine::Line("end.scriptCallsHead", HsEngine::ScriptCalls.empty() ? "" : HsEngine::ScriptCalls.front());
	HsEndGame(Game);
}

// Each failure reason reaches the pins with its errors map and detail, on a later frame, outside the call.
HS_SCENARIO(login_failures)
{
	UHsGameInstance* Game = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	auto Wait = [] { Settled(10); };
	TMap<FString, FHelpshiftConfigParameter> LongValue = NoPrivacy();
	LongValue.Add(TEXT("long"), UHelpshiftConfigParameterFunctions::Conv_StringToHelpshiftConfigParameter(HsEngine::Wide(std::string(301, 'x'))));
	LoginNode(Game, "configInvalid", HsScenario::ConfigW("token.valid"), LongValue);
	Wait();
	LoginNode(Game, "uidTooLong", HsScenario::ConfigW("token.uidTooLong"), NoPrivacy());
	Wait();
	LoginNode(Game, "noUid", HsScenario::ConfigW("token.phoneOnly"), NoPrivacy());
	Wait();
	LoginNode(Game, "badSignature", HsScenario::ConfigW("token.wrongSecret"), NoPrivacy());
	Wait();
	LoginStatic("staticUidTooLong", HsScenario::ConfigW("token.uidTooLong"), NoPrivacy());
	Wait();
	HsEndGame(Game);
}

// Logout after a login: the session's revoke goes out and the stored session is gone.
HS_SCENARIO(logout)
{
	UHsGameInstance* Game = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	LoginNode(Game, "login", HsScenario::ConfigW("token.valid"), NoPrivacy());
	Settled();
	HsEngine::Line("afterLogin.files", SavedFiles());
	const int Before = SendCount();
	{
		FGameCall Call;
		UHelpshiftTSLibrary::Logout();
	}
	Settled();
	HsEngine::Line("afterLogout.requests", std::to_string(SendCount() - Before));
	HsEngine::Line("afterLogout.files", SavedFiles());
	HsEndGame(Game);
}

// Shutdown with a login in flight: the pin fails with unknownError/disposed during Shutdown; nothing after.
HS_SCENARIO(shutdown_login_in_flight)
{
	UHsPins* Events = HsNewPins("events");
	UHsGameInstance* Game = HsStartGame([&](UHsGameInstance* Self) {
		UHelpshiftTSLibrary::Init(InitParameters());
		UHelpshiftTSEventAsyncAction* Listen = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
		Listen->OnEvent.AddDynamic(Events, &UHsPins::OnEvent);
		Listen->Activate();
	});
	HsEngine::TickFrames(2);
	LoginNode(Game, "login", HsScenario::ConfigW("token.valid"), NoPrivacy());
	HsEngine::Line("beforeShutdown.sent", std::to_string(SendCount()));
	HsEndGame(Game);
	HsEngine::Line("afterShutdown.subsystem", Game->GetSubsystem<UHelpshiftTSSubsystem>() ? "exists" : "null");
	const size_t Calls = HsEngine::ScriptCalls.size();
	HsEngine::TickFrames(100, 2.0);
	HsEngine::Line("afterShutdown.scriptCalls", std::to_string(HsEngine::ScriptCalls.size() - Calls));
	HsEngine::Line("afterShutdown.tickers", std::to_string(FTSTicker::GetCoreTicker().HsNum()));
}
