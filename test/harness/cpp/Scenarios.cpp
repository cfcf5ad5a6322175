// Blueprint-level scenarios: each calls only what a game calls (UHelpshiftTSLibrary, the async nodes,
// UHelpshiftTSSubsystem) and records which pin fired, with which values, on which frame, inside a game call or
// not. The test (test/harness/harness.test.ts) starts the reference service and asserts the lines.
#include <filesystem>
#include <fstream>
#include <regex>

#include "Containers/Ticker.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftConfigParameter.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEventAsyncAction.h"
#include "HelpshiftTSIdentityStateAsyncAction.h"
#include "HelpshiftTSLibrary.h"
#include "HelpshiftTSLoginAsyncAction.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSSettings.h"
#include "HelpshiftTSSubsystem.h"
#include "JsEnv.h"
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

void UHsPins::OnState(const FHelpshiftIdentityState& State)
{
	Record("OnState", "state=" + std::to_string(static_cast<int>(State.State)) + " user=" + (State.UserId.IsEmpty() ? "none" : "set"));
}

UHsPins* HsNewPins(const std::string& Label)
{
	UHsPins* Pins = NewObject<UHsPins>();
	Pins->Label = Label;
	Pins->CallFrame = HsEngine::Frame();
	return Pins;
}

UHsGameInstance* HsStartGame(std::function<void(UHsGameInstance*)> EventInit, std::function<void(UHsGameInstance*)> EventShutdown, int32 PIEInstance)
{
	UHsGameInstance* Game = NewObject<UHsGameInstance>();
	UWorld* World = NewObject<UWorld>(Game);
	World->OwningGameInstance = Game;
	Game->HsWorld = World;
	Game->EventInit = std::move(EventInit);
	Game->EventShutdown = std::move(EventShutdown);
	FGameCall Call;
	if (PIEInstance == INDEX_NONE)
		Game->HsInitializeStandalone();
	else
		Game->HsInitializeForPlayInEditor(PIEInstance);
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

	/** The names in Saved/HelpshiftTS (or its subfolder Sub), sorted, joined by ",". */
	std::string SavedFiles(const std::string& Sub = "")
	{
		std::vector<std::string> Names;
		const std::string Dir = HsScenario::Config("projectDir") + "/Saved/HelpshiftTS" + (Sub.empty() ? "" : "/" + Sub);
		if (std::filesystem::exists(Dir))
			for (const auto& Entry : std::filesystem::directory_iterator(Dir)) Names.push_back(Entry.path().filename().string());
		std::sort(Names.begin(), Names.end());
		std::string Out;
		for (const auto& Name : Names) Out += (Out.empty() ? "" : ",") + Name;
		return Out;
	}

	bool Settled(int Frames = 40)
	{
		// Until no HTTP request is in flight and none has been started for Frames frames in a row.
		int Quiet = 0, Last = SendCount();
		return HsEngine::TickUntil([&] {
			const int Now = SendCount();
			Quiet = Now == Last && HsEngine::HttpInFlight == 0 ? Quiet + 1 : 0;
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
	// The first call that changes anything (clock reads, MonotonicSeconds, may come before it).
	const auto FirstCall = std::find_if(HsEngine::ScriptCalls.begin(), HsEngine::ScriptCalls.end(),
		[](const std::string& Call) { return Call != "HelpshiftTSBridge.MonotonicSeconds"; });
	HsEngine::Line("end.scriptCallsHead", FirstCall == HsEngine::ScriptCalls.end() ? "" : *FirstCall);
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

// ---- helpers of the scenarios below ------------------------------------------------------------------------
namespace
{
	using FParams = TMap<FString, FHelpshiftConfigParameter>;
	using F = UHelpshiftConfigParameterFunctions;

	FParams InitParametersFor(const FString& AppId, int32 FlushIntervalMs)
	{
		FParams Parameters = InitParameters();
		Parameters.Add(TEXT("appId"), F::Conv_StringToHelpshiftConfigParameter(AppId));
		Parameters.Add(TEXT("flushIntervalMs"), F::Conv_intToHelpshiftConfigParameter(FlushIntervalMs));
		return Parameters;
	}

	FHelpshiftConfigParameter Str(const char* Value) { return F::Conv_StringToHelpshiftConfigParameter(HsEngine::Wide(Value)); }

	/** "Listen For Helpshift Events" as a Blueprint runs it, its OnEvent wired to Pins. */
	UHelpshiftTSEventAsyncAction* ListenNode(UObject* Context, UHsPins* Pins)
	{
		FGameCall Call;
		UHelpshiftTSEventAsyncAction* Node = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Context);
		Node->OnEvent.AddDynamic(Pins, &UHsPins::OnEvent);
		Node->Activate();
		return Node;
	}

	void BindEvents(UHsPins* Pins)
	{
		FHelpshiftEventDelegate Delegate;
		Delegate.BindDynamic(Pins, &UHsPins::OnEvent);
		FGameCall Call;
		UHelpshiftTSLibrary::BindEventDelegate(Delegate);
	}

	/** Marks every listener's call frame: what fires next is measured from this game call. */
	void Arm(std::initializer_list<UHsPins*> Pins)
	{
		for (UHsPins* Pin : Pins) Pin->CallFrame = HsEngine::Frame();
	}

	/**
	 * The text of one store key's file under Saved/HelpshiftTS (or its subfolder Sub; "" when absent); keys
	 * escaped as store.ts does.
	 */
	std::string StoreValue(const std::string& Key, const std::string& Sub = "")
	{
		std::string File;
		for (char C : Key)
		{
			if (std::isalnum((unsigned char)C) || C == '-') File += C;
			else
			{
				char Hex[8];
				std::snprintf(Hex, sizeof Hex, "_%04x", (unsigned char)C);
				File += Hex;
			}
		}
		std::ifstream In(HsScenario::Config("projectDir") + "/Saved/HelpshiftTS/" + (Sub.empty() ? "" : Sub + "/") + File);
		return std::string(std::istreambuf_iterator<char>(In), std::istreambuf_iterator<char>());
	}

	std::string Field(const std::string& Json, const std::string& Name)
	{
		std::smatch M;
		const std::regex Re("\"" + Name + "\":(\"([^\"]*)\"|true|false|-?[0-9.]+)");
		if (!std::regex_search(Json, M, Re)) return "";
		return M[2].matched ? M[2].str() : M[1].str();
	}

	/** The stored session: "user=<id> anonymous=<bool> token=<token>", or "none". */
	std::string StoredSession(const std::string& Sub = "")
	{
		const std::string Json = StoreValue("helpshift.session", Sub);
		if (Json.empty()) return "none";
		return "user=" + Field(Json, "userId") + " anonymous=" + Field(Json, "anonymous") + " token=" + Field(Json, "sessionToken");
	}

	/** HTTP requests the game started since Mark, joined by " | ". */
	std::string HttpSince(size_t Mark)
	{
		std::string Out;
		for (size_t I = Mark; I < HsEngine::HttpLog.size(); ++I) Out += (Out.empty() ? "" : " | ") + HsEngine::HttpLog[I];
		return Out;
	}

	int HttpCount(size_t Mark, const std::string& Part)
	{
		int Count = 0;
		for (size_t I = Mark; I < HsEngine::HttpLog.size(); ++I) Count += HsEngine::HttpLog[I].find(Part) != std::string::npos;
		return Count;
	}

	UHelpshiftTSSubsystem* SubsystemOf(UGameInstance* Game) { return Game->GetSubsystem<UHelpshiftTSSubsystem>(); }
}

// Anonymous login, then a new game instance over the same Saved/: the session is restored, an empty-JWT login is
// the same anonymous user, and so is one after a logout (the anonymous id is kept on the device).
HS_SCENARIO(anonymous_restart)
{
	UHsGameInstance* First = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	LoginNode(First, "first", FString(), FParams());
	Settled();
	HsEngine::Line("first.session", StoredSession());
	HsEngine::Line("first.anonymousId", StoreValue("helpshift.anonymousId"));
	HsEndGame(First);
	HsEngine::Line("afterShutdown.subsystem", SubsystemOf(First) ? "exists" : "null");

	UHsGameInstance* Second = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	Settled(10);
	HsEngine::Line("second.restored", StoredSession());
	LoginNode(Second, "second", FString(), FParams());
	Settled();
	HsEngine::Line("second.session", StoredSession());
	{
		FGameCall Call;
		UHelpshiftTSLibrary::Logout();
	}
	Settled();
	HsEngine::Line("afterLogout.session", StoredSession());
	LoginNode(Second, "third", FString(), FParams());
	Settled();
	HsEngine::Line("third.session", StoredSession());
	HsEngine::Line("third.anonymousId", StoreValue("helpshift.anonymousId"));
	HsEndGame(Second);
}

// Master and app attributes built with the vendor's FHelpshiftConfigParameter functions reach the service; the
// keys the client refuses come back as events on a later frame, outside the update call.
HS_SCENARIO(attributes)
{
	UHsPins* Events = HsNewPins("events");
	UHsGameInstance* Game = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	BindEvents(Events);
	LoginNode(Game, "login", HsScenario::ConfigW("token.attributes"), NoPrivacy());
	Settled();

	FParams Guild;
	Guild.Add(TEXT("guild"), Str("owls"));
	FParams Master;
	Master.Add(TEXT("first_name"), Str("Ada"));
	Master.Add(TEXT("age"), Str("31"));
	TArray<FHelpshiftConfigParameter> NewTags;
	NewTags.Add(Str("vip"));
	Master.Add(TEXT("new_tags"), F::Conv_ArrayToHelpshiftConfigParameter(NewTags));
	Master.Add(TEXT("custom_user_fields"), F::Conv_MapToHelpshiftConfigParameter(Guild));
	Master.Add(TEXT("last_name"), F::Conv_intToHelpshiftConfigParameter(7));
	Master.Add(TEXT("nickname"), Str("ada99"));
	TMap<FString, FString> AppGuild;
	AppGuild.Add(TEXT("guild"), TEXT("app-owls"));
	FParams App;
	App.Add(TEXT("app_version"), Str("1.2.3"));
	App.Add(TEXT("country"), Str("PT"));
	App.Add(TEXT("custom_user_fields"), F::Conv_StringMapToHelpshiftConfigParameter(AppGuild));
	App.Add(TEXT("user_level"), F::Conv_floatToHelpshiftConfigParameter(2.5f));
	const size_t Mark = HsEngine::HttpLog.size();
	Arm({Events});
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Master);
		UHelpshiftTSLibrary::UpdateAppAttributes(App);
	}
	// The batch goes out when the flush interval (200 ms) has passed; then its answer comes back.
	HsEngine::TickUntil([&] { return HttpCount(Mark, "/attributes") > 0; }, 2000, 1.0);
	Settled();
	HsEngine::Line("http", HttpSince(Mark));
	HsEngine::Line("session", StoredSession());

	// The Blueprint getters read back what the autocasts made.
	TArray<FString> Letters;
	Letters.Add(TEXT("a"));
	Letters.Add(TEXT("b"));
	const FHelpshiftConfigParameter Tags = F::Conv_StringArrayToHelpshiftConfigParameter(Letters);
	const TMap<FString, FHelpshiftConfigParameter> Read = F::GetMap(F::Conv_MapToHelpshiftConfigParameter(Guild));
	const FHelpshiftConfigParameter* ReadGuild = Read.Find(TEXT("guild"));
	HsEngine::Line("getters",
		"int=" + std::to_string(F::GetInteger(F::Conv_intToHelpshiftConfigParameter(7))) +
		" float=" + std::to_string(F::GetFloat(F::Conv_floatToHelpshiftConfigParameter(2.5f))) +
		" bool=" + std::to_string(F::GetBool(F::Conv_boolToHelpshiftConfigParameter(true))) +
		" string=" + N(F::GetString(Str("Ada"))) +
		" array=" + std::to_string(F::GetArray(Tags).Num()) + ":" + N(F::GetString(F::GetArray(Tags)[1])) +
		" map=" + (ReadGuild ? N(F::GetString(*ReadGuild)) : std::string("missing")) +
		" wrongType=" + std::to_string(F::GetInteger(Str("7"))) +
		" types=" + std::to_string((int)F::GetType(F::Conv_intToHelpshiftConfigParameter(1))) + std::to_string((int)F::GetType(Tags)) +
		std::to_string((int)F::GetType(F::Conv_StringMapToHelpshiftConfigParameter(AppGuild))) + std::to_string((int)F::GetType(FHelpshiftConfigParameter())));
	HsEndGame(Game);
}

// Events reach a Blueprint listener bound before Init (BindEventDelegate and the Listen node in _Event Init_)
// and after it; BindEventDelegate replaces the previous binding; a cancelled node hears nothing more.
HS_SCENARIO(events_before_after_init)
{
	UHsPins* BoundBefore = HsNewPins("boundBefore");
	UHsPins* NodeBefore = HsNewPins("nodeBefore");
	UHelpshiftTSEventAsyncAction* EarlyNode = nullptr;
	UHsGameInstance* Game = HsStartGame([&](UHsGameInstance* Self) {
		UHelpshiftTSLibrary::Init(InitParameters());
		FHelpshiftEventDelegate Delegate;
		Delegate.BindDynamic(BoundBefore, &UHsPins::OnEvent);
		UHelpshiftTSLibrary::BindEventDelegate(Delegate);
		EarlyNode = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
		EarlyNode->OnEvent.AddDynamic(NodeBefore, &UHsPins::OnEvent);
		EarlyNode->Activate();
	});
	LoginNode(Game, "login", HsScenario::ConfigW("token.events"), NoPrivacy());
	Settled();

	FParams Bad;
	Bad.Add(TEXT("nickname"), Str("x"));
	HsEngine::Line("phase", "1");
	Arm({BoundBefore, NodeBefore});
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Bad);
	}
	HsEngine::TickFrames(5);

	UHsPins* BoundAfter = HsNewPins("boundAfter");
	UHsPins* NodeAfter = HsNewPins("nodeAfter");
	BindEvents(BoundAfter);
	UHelpshiftTSEventAsyncAction* LateNode = ListenNode(Game, NodeAfter);
	HsEngine::Line("phase", "2");
	Arm({BoundBefore, NodeBefore, BoundAfter, NodeAfter});
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateAppAttributes(Bad);
	}
	HsEngine::TickFrames(5);

	{
		FGameCall Call;
		EarlyNode->Cancel();
	}
	HsEngine::Line("phase", "3");
	Arm({BoundBefore, NodeBefore, BoundAfter, NodeAfter});
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Bad);
	}
	HsEngine::TickFrames(5);
	HsEngine::Line("end.lateNodeActive", LateNode->IsActive() ? "1" : "0");
	HsEndGame(Game);
}

// App lifetime: WillDeactivate (game thread) flushes the pending attributes at once, WillEnterBackground after it
// sends nothing more; back in the foreground after the session's end, userSessionExpired arrives on a later frame,
// and again at the next foreground.
HS_SCENARIO(background_foreground)
{
	UHsPins* Events = HsNewPins("events");
	UHsGameInstance* Game = HsStartGame([&](UHsGameInstance* Self) {
		UHelpshiftTSLibrary::Init(InitParametersFor(HsScenario::ConfigW("shortAppId"), 60000));
		UHelpshiftTSEventAsyncAction* Node = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
		Node->OnEvent.AddDynamic(Events, &UHsPins::OnEvent);
		Node->Activate();
	});
	LoginNode(Game, "login", HsScenario::ConfigW("token.background"), NoPrivacy());
	Settled(10);
	HsEngine::Line("session", StoredSession());
	FParams Name;
	Name.Add(TEXT("first_name"), Str("Bea"));
	const size_t Mark = HsEngine::HttpLog.size();
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Name);
	}
	HsEngine::TickFrames(30);
	HsEngine::Line("beforeBackground.http", HttpSince(Mark));
	{
		FGameCall Call;
		FCoreDelegates::ApplicationWillDeactivateDelegate.Broadcast();
		HsEngine::Line("inWillDeactivate.http", HttpSince(Mark));
	}
	{
		FGameCall Call;
		FCoreDelegates::ApplicationWillEnterBackgroundDelegate.Broadcast();
	}
	Settled(10);
	HsEngine::Line("afterBackground.http", HttpSince(Mark));
	HsEngine::Line("afterBackground.stored", StoreValue("helpshift.outbox"));

	// The game thread is suspended while the app is in the background; the session ends meanwhile.
	HsEngine::Suspend(std::atof(HsScenario::Config("suspendSeconds").c_str()));
	Arm({Events});
	HsEngine::Line("foreground", "1");
	{
		FGameCall Call;
		FCoreDelegates::ApplicationHasEnteredForegroundDelegate.Broadcast();
	}
	HsEngine::TickFrames(20);
	HsEngine::Line("afterForeground.session", StoredSession());
	{
		FGameCall Call;
		FCoreDelegates::ApplicationWillDeactivateDelegate.Broadcast();
	}
	HsEngine::TickFrames(5);
	Arm({Events});
	HsEngine::Line("foreground", "2");
	{
		FGameCall Call;
		FCoreDelegates::ApplicationHasEnteredForegroundDelegate.Broadcast();
	}
	HsEngine::TickFrames(20);
	HsEngine::Line("end.http", HttpSince(Mark));
	HsEndGame(Game);
}

// Shutdown with a login (another user), a flush, an event and a logout in flight (Logout in _Event Shutdown_): the
// login's pin fails once,
// during Shutdown; nothing after. The next game instance over the same Saved/ completes the logout: the pending
// attributes go out with the old session, then its revoke.
HS_SCENARIO(shutdown_all_in_flight)
{
	UHsPins* Events = HsNewPins("events");
	auto EventInit = [&](UHsGameInstance* Self) {
		UHelpshiftTSLibrary::Init(InitParameters());
		UHelpshiftTSEventAsyncAction* Node = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
		Node->OnEvent.AddDynamic(Events, &UHsPins::OnEvent);
		Node->Activate();
	};
	UHsGameInstance* First = HsStartGame(EventInit, [](UHsGameInstance*) { UHelpshiftTSLibrary::Logout(); });
	LoginNode(First, "login", HsScenario::ConfigW("token.shutdown"), NoPrivacy());
	Settled();
	HsEngine::Line("first.session", StoredSession());

	FParams Name;
	Name.Add(TEXT("first_name"), Str("Cy"));
	const size_t Mark = HsEngine::HttpLog.size();
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Name);
	}
	// Until the flush timer has sent the batch; its answer is not taken (no frame runs before Shutdown).
	HsEngine::TickUntil([&] { return HttpCount(Mark, "/attributes") > 0; }, 2000, 1.0);
	// A refused key: its masterAttributesValidationFailed is queued for a frame that never comes.
	FParams Refused;
	Refused.Add(TEXT("nickname"), Str("cy"));
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Refused);
	}
	LoginNode(First, "relogin", HsScenario::ConfigW("token.valid"), NoPrivacy());
	HsEngine::Line("beforeShutdown.http", HttpSince(Mark));
	HsEndGame(First);
	HsEngine::Line("afterShutdown.subsystem", SubsystemOf(First) ? "exists" : "null");
	HsEngine::Line("afterShutdown.session", StoredSession());
	const std::string Pending = StoreValue("helpshift.pendingLogouts");
	HsEngine::Line("afterShutdown.pending", Pending.empty() ? "none" : "user=" + Field(Pending, "userId") + " token=" + Field(Pending, "sessionToken"));
	const size_t Calls = HsEngine::ScriptCalls.size();
	const size_t AfterShutdown = HsEngine::HttpLog.size();
	HsEngine::TickFrames(100, 2.0);
	HsEngine::Line("afterShutdown.scriptCalls", std::to_string(HsEngine::ScriptCalls.size() - Calls));
	HsEngine::Line("afterShutdown.http", HttpSince(AfterShutdown));

	const size_t Restart = HsEngine::HttpLog.size();
	UHsGameInstance* Second = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	Settled();
	HsEngine::Line("second.http", HttpSince(Restart));
	HsEngine::Line("second.pending", StoreValue("helpshift.pendingLogouts").empty() ? "none" : "kept");
	HsEngine::Line("second.session", StoredSession());
	HsEndGame(Second);
}

// Two PIE clients: two game instances at once (PIE world contexts, PIEInstance 0 and 1), each with its own
// subsystem, in one project (one Saved/, as PIE clients share). Bool InitInEventInit: each Blueprint calls
// Init(parameters) in _Event Init_; otherwise the service is named in Project Settings and both subsystems
// initialize from them. Each client keeps its state in Saved/HelpshiftTS/PIE-<n>: two anonymous users, then two
// identified ones, nothing in Saved/HelpshiftTS itself. The static calls go to the newest subsystem; when it ends,
// the older one takes over. Then a standalone game (a Game world context) over the same Saved/ uses
// Saved/HelpshiftTS.
static void PlayTwoInstances(bool bInitInEventInit)
{
	if (!bInitInEventInit)
	{
		UHelpshiftTSSettings* Settings = HsMutableDefault<UHelpshiftTSSettings>();
		Settings->ServiceUrl = HsScenario::ConfigW("serviceUrl");
		Settings->AppId = HsScenario::ConfigW("appId");
		Settings->FlushIntervalMs = 200;
	}
	UHsPins* EventsA = HsNewPins("a.events");
	UHsPins* EventsB = HsNewPins("b.events");
	auto Start = [bInitInEventInit](UHsPins* Events, int32 PIEInstance) {
		return HsStartGame([Events, bInitInEventInit](UHsGameInstance* Self) {
			if (bInitInEventInit) UHelpshiftTSLibrary::Init(InitParameters());
			UHelpshiftTSEventAsyncAction* Node = UHelpshiftTSEventAsyncAction::ListenForHelpshiftEvents(Self);
			Node->OnEvent.AddDynamic(Events, &UHsPins::OnEvent);
			Node->Activate();
		}, nullptr, PIEInstance);
	};
	UHsGameInstance* A = Start(EventsA, 0);
	UHsGameInstance* B = Start(EventsB, 1);
	auto Which = [&](UHelpshiftTSSubsystem* S) { return std::string(!S ? "null" : S == SubsystemOf(A) ? "A" : S == SubsystemOf(B) ? "B" : "other"); };
	HsEngine::Line("subsystems", std::string(SubsystemOf(A) && SubsystemOf(B) && SubsystemOf(A) != SubsystemOf(B) ? "two" : "not two") +
		" running=" + std::to_string(SubsystemOf(A)->IsRunning()) + std::to_string(SubsystemOf(B)->IsRunning()));
	HsEngine::Line("primary.both", Which(UHelpshiftTSSubsystem::GetPrimary()));
	// Anonymous first: each client makes and keeps its own anonymous id.
	LoginNode(A, "a.anon", FString(), FParams());
	LoginNode(B, "b.anon", FString(), FParams());
	Settled();
	HsEngine::Line("a.anon.session", StoredSession("PIE-0"));
	HsEngine::Line("b.anon.session", StoredSession("PIE-1"));
	HsEngine::Line("a.anonymousId", StoreValue("helpshift.anonymousId", "PIE-0"));
	HsEngine::Line("b.anonymousId", StoreValue("helpshift.anonymousId", "PIE-1"));
	LoginNode(A, "a.login", HsScenario::ConfigW("token.pieA"), NoPrivacy());
	LoginNode(B, "b.login", HsScenario::ConfigW("token.pieB"), NoPrivacy());
	Settled();
	HsEngine::Line("a.session", StoredSession("PIE-0"));
	HsEngine::Line("b.session", StoredSession("PIE-1"));
	HsEngine::Line("pie.files", SavedFiles());

	FParams Bad;
	Bad.Add(TEXT("pie_key"), Str("x"));
	Arm({EventsA, EventsB});
	HsEngine::Line("phase", "both");
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateMasterAttributes(Bad);
	}
	HsEngine::TickFrames(5);
	HsEndGame(B);
	HsEngine::Line("primary.afterB", Which(UHelpshiftTSSubsystem::GetPrimary()));
	Arm({EventsA, EventsB});
	HsEngine::Line("phase", "onlyA");
	{
		FGameCall Call;
		UHelpshiftTSLibrary::UpdateAppAttributes(Bad);
	}
	HsEngine::TickFrames(5);
	HsEndGame(A);
	HsEngine::Line("primary.afterA", Which(UHelpshiftTSSubsystem::GetPrimary()));

	// A standalone game (not PIE) over the same project: Saved/HelpshiftTS, as before PIE folders existed.
	UHsGameInstance* Standalone = Start(HsNewPins("standalone.events"), INDEX_NONE);
	LoginNode(Standalone, "standalone.anon", FString(), FParams());
	Settled();
	HsEngine::Line("standalone.session", StoredSession());
	HsEngine::Line("standalone.anonymousId", StoreValue("helpshift.anonymousId"));
	HsEngine::Line("standalone.files", SavedFiles());
	HsEngine::Line("standalone.pie0Session", StoredSession("PIE-0"));
	HsEndGame(Standalone);
}

HS_SCENARIO(pie_two_instances) { PlayTwoInstances(false); }
HS_SCENARIO(pie_two_instances_init_in_event_init) { PlayTwoInstances(true); }

// A game's own gameplay script in a SECOND JsEnv (the game's): the built helpshift.js facade, `ue` a lazy Proxy,
// the game instance as world context. Its Promise resolves and rejects, its listeners fire and are removed
// (test/harness/game/main.js records through the probe).
HS_SCENARIO(gameplay_ts)
{
	UHsGameInstance* Game = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	HsEngine::TickFrames(2);
	UHsProbe* Probe = NewObject<UHsProbe>();
	TSharedPtr<PUERTS_NAMESPACE::FJsEnv> GameEnv;
	{
		FGameCall Call;
		GameEnv = MakeShared<PUERTS_NAMESPACE::FJsEnv>(std::make_shared<FHelpshiftTSModuleLoader>(FHelpshiftTSModuleLoader::DefaultRoots()),
			std::make_shared<PUERTS_NAMESPACE::FDefaultLogger>(), -1);
		TArray<TPair<FString, UObject*>> Arguments;
		Arguments.Add(TPair<FString, UObject*>(TEXT("GameInstance"), Game));
		Arguments.Add(TPair<FString, UObject*>(TEXT("Probe"), Probe));
		GameEnv->Start(TEXT("game/main"), Arguments);
	}
	HsEngine::Line("afterStart.scriptBindings", std::to_string(HsLiveScriptBindings));
	const bool bDone = HsEngine::TickUntil([] { return HsEngine::PeekOutput().find("ts.done=") != std::string::npos; }, 3000, 1.0);
	HsEngine::Line("end.done", bDone ? "1" : "0");
	Settled(10);
	HsEngine::Line("end.scriptBindings", std::to_string(HsLiveScriptBindings));
	GameEnv.Reset();
	HsEndGame(Game);
}

// "Listen For Identity State" started in the same game call as a change: it hears the state current when it
// started listening first, then each later change once, in order; never a change made before it listened.
HS_SCENARIO(identity_state_listener)
{
	UHsGameInstance* Game = HsStartGame([](UHsGameInstance*) { UHelpshiftTSLibrary::Init(InitParameters()); });
	LoginNode(Game, "login", HsScenario::ConfigW("token.valid"), NoPrivacy());
	Settled();
	auto Listen = [Game](const std::string& Label) {
		UHsPins* Pins = HsNewPins(Label);
		UHelpshiftTSIdentityStateAsyncAction* Node = UHelpshiftTSIdentityStateAsyncAction::ListenForIdentityState(Game);
		Node->OnStateChanged.AddDynamic(Pins, &UHsPins::OnState);
		Node->Activate();
		return Node;
	};
	UHelpshiftTSIdentityStateAsyncAction* Before = nullptr;
	{
		// Listens, then logs out, in one call: the logged-in state first, then logged out.
		FGameCall Call;
		Before = Listen("listenThenLogout");
		UHelpshiftTSLibrary::Logout();
	}
	Settled();
	LoginNode(Game, "relogin", HsScenario::ConfigW("token.valid"), NoPrivacy());
	Settled();
	UHelpshiftTSIdentityStateAsyncAction* After = nullptr;
	{
		// Logs out, then listens, in one call: logged out once (the change before it listened is not heard again).
		FGameCall Call;
		UHelpshiftTSLibrary::Logout();
		After = Listen("logoutThenListen");
	}
	Settled();
	{
		FGameCall Call;
		Before->Cancel();
		After->Cancel();
	}
	HsEndGame(Game);
}
