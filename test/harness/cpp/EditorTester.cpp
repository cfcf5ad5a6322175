// The editor tester's JsEnv: the real FHelpshiftTSEditorTester and UHelpshiftTSEditorBridge
// (Source/HelpshiftTSEditor, without its Slate tab) running the built HelpshiftTS/editor-tester bundle on its own
// FJsEnv against the reference service. The scenario presses the tab's buttons as HelpshiftTSTesterPanel does
// (SendAction with every input's text, one JSON command per button) and reads what the tab paints
// (GetDisplayText: the view state TypeScript last published) on a later frame. It records the state after each
// step, every call the editor bundle made into C++, the store folder, and what happens after Stop.
#include <filesystem>
#include <fstream>
#include <regex>

#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSEditorTester.h"
#include "Scenario.h"

using HsEngine::FGameCall;

namespace
{
	const std::string BridgeCall = "HelpshiftTSEditorBridge.";
	const std::string Publish = "HelpshiftTSEditorBridge.PublishState";

	std::string N(const FString& S) { return HsEngine::Narrow(S); }

	/** The published JSON (indented for people) on one line: every line break and the indentation after it go. */
	std::string Condensed(const FString& Text)
	{
		const std::string In = N(Text);
		std::string Out;
		for (size_t I = 0; I < In.size(); ++I)
		{
			if (In[I] != '\n')
			{
				Out += In[I];
				continue;
			}
			while (I + 1 < In.size() && In[I + 1] == ' ') ++I;
		}
		return Out;
	}

	/** Calls the editor bundle made into UHelpshiftTSEditorBridge since Mark (Name: one UFUNCTION, or all). */
	int BridgeCalls(size_t Mark, const std::string& Name = BridgeCall)
	{
		int Count = 0;
		for (size_t I = Mark; I < HsEngine::ScriptCalls.size(); ++I) Count += HsEngine::ScriptCalls[I].rfind(Name, 0) == 0;
		return Count;
	}

	std::string HttpSince(size_t Mark)
	{
		std::string Out;
		for (size_t I = Mark; I < HsEngine::HttpLog.size(); ++I) Out += (Out.empty() ? "" : " | ") + HsEngine::HttpLog[I];
		return Out;
	}

	/** The files of a folder, "name,name" sorted ("" when absent). */
	std::vector<std::string> Files(const std::string& Dir)
	{
		std::vector<std::string> Names;
		if (std::filesystem::exists(Dir))
			for (const auto& Entry : std::filesystem::directory_iterator(Dir))
				if (Entry.is_regular_file()) Names.push_back(Entry.path().filename().string());
		std::sort(Names.begin(), Names.end());
		return Names;
	}
	std::string Joined(const std::vector<std::string>& Names)
	{
		std::string Out;
		for (const auto& Name : Names) Out += (Out.empty() ? "" : ",") + Name;
		return Out;
	}

	/** The stored session of the tester's store ("user=<id> token=<session token>"), or "none". */
	std::string StoredSession(const FHelpshiftTSEditorTester& Tester)
	{
		const std::string Dir = N(Tester.GetStorageDir());
		for (const std::string& Name : Files(Dir))
		{
			if (Name.size() < 7 || Name.compare(Name.size() - 7, 7, "session") != 0) continue;
			std::ifstream In(Dir + "/" + Name);
			const std::string Json((std::istreambuf_iterator<char>(In)), std::istreambuf_iterator<char>());
			std::smatch User, Token;
			std::regex_search(Json, User, std::regex("\"userId\":\"([^\"]*)\""));
			std::regex_search(Json, Token, std::regex("\"sessionToken\":\"([^\"]*)\""));
			return "user=" + (User.size() > 1 ? User[1].str() : "") + " token=" + (Token.size() > 1 ? Token[1].str() : "");
		}
		return "none";
	}

	/** The tab's inputs as FHelpshiftTSEditorModule::SpawnTesterTab fills them, then as the developer types them. */
	FHelpshiftTSTesterInputs TypedInputs()
	{
		FHelpshiftTSTesterInputs Inputs;
		Inputs.ServiceUrl = HsScenario::ConfigW("serviceUrl");
		Inputs.AppId = HsScenario::ConfigW("appId");
		Inputs.ConfigJson = TEXT("{\"full_privacy_enabled\": false}");
		Inputs.MasterAttributesJson = TEXT("{\"first_name\": \"Eve\"}");
		Inputs.AppAttributesJson = TEXT("{\"app_version\": \"1.0.0\"}");
		Inputs.Secret = HsScenario::ConfigW("devSecret");
		Inputs.Uid = HsScenario::ConfigW("editorUid");
		return Inputs;
	}

	/**
	 * One button press (a game call: the tab's OnClicked), then frames until the tab shows the action's result
	 * (lastResult.action == ResultAction, nothing busy). Records, under Step: the state right after the press
	 * (`inCall`), the frames until the result showed (`later`), what the tab paints one frame after that
	 * (`state`), the PublishState calls during the press and in all, and the requests sent.
	 */
	void Press(FHelpshiftTSEditorTester& Tester, const std::string& Step, const TCHAR* Action, const std::string& ResultAction,
		const FHelpshiftTSTesterInputs& Inputs)
	{
		const size_t Calls = HsEngine::ScriptCalls.size();
		const size_t Http = HsEngine::HttpLog.size();
		const int64 CallFrame = HsEngine::Frame();
		{
			FGameCall Call;
			Tester.SendAction(Action, Inputs);
		}
		HsEngine::Line(Step + ".publishesInCall", std::to_string(BridgeCalls(Calls, Publish)));
		HsEngine::Line(Step + ".inCall", Condensed(Tester.GetDisplayText()));
		const std::string Done = "\"lastResult\": {\"action\": \"" + ResultAction + "\"";
		const bool bShown = HsEngine::TickUntil([&] {
			const std::string Now = Condensed(Tester.GetDisplayText());
			return Now.find(Done) != std::string::npos && Now.find("\"busy\"") == std::string::npos;
		}, 3000, 1.0);
		HsEngine::Line(Step + ".later", bShown ? std::to_string(HsEngine::Frame() - CallFrame) : "never");
		HsEngine::Tick();
		HsEngine::Line(Step + ".state", Condensed(Tester.GetDisplayText()));
		HsEngine::Line(Step + ".publishes", std::to_string(BridgeCalls(Calls, Publish)));
		HsEngine::Line(Step + ".http", HttpSince(Http));
	}

	/** Frames until no request is in flight and none started for a while (HTTP answers, retries, timers). */
	void Quiet(int Frames = 40)
	{
		int Still = 0;
		size_t Last = HsEngine::HttpLog.size();
		HsEngine::TickUntil([&] {
			Still = HsEngine::HttpLog.size() == Last && HsEngine::HttpInFlight == 0 ? Still + 1 : 0;
			Last = HsEngine::HttpLog.size();
			return Still >= Frames;
		}, 4000, 2.0);
	}

	/**
	 * Stop (the module shutting down, or the tab reopened after the tester stopped), then frames: records what the
	 * tab shows, and every bridge call, PublishState, log line and request after Stop returned.
	 */
	void StopAndWatch(FHelpshiftTSEditorTester& Tester, const std::string& Step)
	{
		const size_t StopCalls = HsEngine::ScriptCalls.size();
		{
			FGameCall Call;
			Tester.Stop();
		}
		HsEngine::Line(Step + ".callsDuringStop", std::to_string(BridgeCalls(StopCalls)));
		HsEngine::Line(Step + ".running", Tester.IsRunning() ? "1" : "0");
		const FString Shown = Tester.GetDisplayText();
		const size_t Calls = HsEngine::ScriptCalls.size();
		const size_t Http = HsEngine::HttpLog.size();
		const size_t Output = HsEngine::PeekOutput().size();
		HsEngine::TickFrames(30);
		Quiet();
		HsEngine::Line(Step + ".after.bridgeCalls", std::to_string(BridgeCalls(Calls)));
		HsEngine::Line(Step + ".after.publishes", std::to_string(BridgeCalls(Calls, Publish)));
		HsEngine::Line(Step + ".after.http", HttpSince(Http));
		HsEngine::Line(Step + ".after.displayUnchanged", Tester.GetDisplayText() == Shown ? "1" : "0");
		HsEngine::Line(Step + ".after.inFlight", std::to_string(HsEngine::HttpInFlight));
		// Lines written after Stop (logs of the dead env, exceptions), this line's own key excluded.
		const std::string Later = HsEngine::PeekOutput().substr(Output);
		int Logs = 0;
		for (size_t At = 0; (At = Later.find("\nlog.", At)) != std::string::npos; ++At) ++Logs;
		if (Later.rfind("log.", 0) == 0) ++Logs;
		HsEngine::Line(Step + ".after.logLines", std::to_string(Logs));
		HsEngine::Line(Step + ".after.callsIntoDeadEnv", std::to_string(HsEngine::CallsIntoDeadEnv));
	}
}

HS_SCENARIO(editor_tester)
{
	const FHelpshiftTSTesterInputs Inputs = TypedInputs();
	TSharedPtr<FHelpshiftTSEditorTester> Tester = MakeShared<FHelpshiftTSEditorTester>();

	// The tab opens: the tester starts its own JsEnv; the bundle binds OnCommand, says ready, publishes.
	size_t Calls = HsEngine::ScriptCalls.size();
	bool bStarted = false;
	{
		FGameCall Call;
		bStarted = Tester->Start();
	}
	HsEngine::Line("start.ready", bStarted ? "1" : "0");
	HsEngine::Line("start.running", Tester->IsRunning() ? "1" : "0");
	HsEngine::Line("start.callsHead", HsEngine::ScriptCalls.size() > Calls ? HsEngine::ScriptCalls[Calls] : "");
	HsEngine::Line("start.publishes", std::to_string(BridgeCalls(Calls, Publish)));
	HsEngine::TickFrames(1);
	HsEngine::Line("start.state", Condensed(Tester->GetDisplayText()));

	// The buttons, as the developer presses them: Mint, Log in, Push master attributes, Log out.
	Press(*Tester, "mint", HelpshiftTSEditorAction::Mint, "mint", Inputs);
	Press(*Tester, "login", HelpshiftTSEditorAction::Login, "login", Inputs);
	HsEngine::Line("login.session", StoredSession(*Tester));
	// Where the tester keeps its state: its own folder, nothing in the game's Saved/HelpshiftTS.
	HsEngine::Line("login.gameFiles", Joined(Files(HsScenario::Config("projectDir") + "/Saved/HelpshiftTS")));
	HsEngine::Line("login.testerFiles", std::to_string(Files(N(Tester->GetStorageDir())).size()));
	Press(*Tester, "master", HelpshiftTSEditorAction::PushMasterAttributes, "masterAttributes", Inputs);
	Press(*Tester, "logout", HelpshiftTSEditorAction::Logout, "logout", Inputs);
	HsEngine::Line("logout.session", StoredSession(*Tester));
	Quiet(10);


	// Log in again and Stop while the answer is on its way to the game thread (the HTTP request completed, its
	// AsyncTask(GameThread) queued, not yet run): it must reach nobody.
	{
		FGameCall Call;
		Tester->SendAction(HelpshiftTSEditorAction::Login, Inputs);
	}
	HsEngine::TickUntil([] { return HsEngine::HttpInFlight == 0; }, 3000, 1.0);
	HsEngine::Line("answerQueued.state", Condensed(Tester->GetDisplayText()));
	StopAndWatch(*Tester, "stopAnswerQueued");

	// The tab reopened: a new JsEnv on the same tester object. Then Stop with a login still in flight.
	Calls = HsEngine::ScriptCalls.size();
	{
		FGameCall Call;
		bStarted = Tester->Start();
	}
	HsEngine::Line("restart.ready", bStarted ? "1" : "0");
	HsEngine::Line("restart.publishes", std::to_string(BridgeCalls(Calls, Publish)));
	HsEngine::TickFrames(1);
	HsEngine::Line("restart.state", Condensed(Tester->GetDisplayText()));
	{
		FGameCall Call;
		Tester->SendAction(HelpshiftTSEditorAction::Mint, Inputs);
	}
	{
		FGameCall Call;
		Tester->SendAction(HelpshiftTSEditorAction::Login, Inputs);
	}
	HsEngine::Line("inFlight.count", std::to_string(HsEngine::HttpInFlight));
	HsEngine::Line("inFlight.state", Condensed(Tester->GetDisplayText()));
	StopAndWatch(*Tester, "stopInFlight");

	// The editor module goes away: the tester object is destroyed (its destructor stops again: nothing happens).
	Calls = HsEngine::ScriptCalls.size();
	Tester.Reset();
	HsEngine::TickFrames(5);
	HsEngine::Line("destroyed.bridgeCalls", std::to_string(BridgeCalls(Calls)));
}
