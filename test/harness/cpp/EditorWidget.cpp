// The login tester as an Editor Utility Widget: the real UHelpshiftTSTesterWidget (Source/HelpshiftTSEditor) on
// the stand-in UMG (test/cpp/engine/Blueprint, Components), a client of the same FHelpshiftTSEditorTester the
// Slate tab uses, running the built HelpshiftTS/editor-tester bundle against the reference service. The scenario
// shows the widget as the editor does (TakeWidget: RebuildWidget, then NativeConstruct), types into its text
// boxes and clicks its buttons (OnClicked.Broadcast, as UButton's Slate handler does), calls its Blueprint API
// (setters, Set Token + Log In for a game's own button), and reads what a Blueprint reads: TesterState, the
// bound text blocks and On Tester State Changed (which must fire on a later frame, never inside the click).
#include "Components/Button.h"
#include "Components/EditableTextBox.h"
#include "Components/MultiLineEditableTextBox.h"
#include "Components/TextBlock.h"
#include "Components/VerticalBox.h"
#include "HelpshiftTSEditorTester.h"
#include "HelpshiftTSSettings.h"
#include "HelpshiftTSTesterWidget.h"
#include "Scenario.h"

using HsEngine::FGameCall;

namespace
{
	std::string N(const FString& S) { return HsEngine::Narrow(S); }
	std::string OneLine(const FString& S)
	{
		std::string Out = N(S);
		for (char& C : Out)
			if (C == '\n') C = '|';
		return Out;
	}

	/** A Blueprint's event graph bound to On Tester State Changed: counts firings, and those inside a call. */
	class UHsWidgetGraph : public UObject
	{
	public:
		int Fired = 0;
		int FiredInCall = 0;
		FHelpshiftTSTesterState Last;
		void OnTesterStateChanged(const FHelpshiftTSTesterState& NewState)
		{
			++Fired;
			FiredInCall += HsEngine::GameCallDepth > 0 ? 1 : 0;
			Last = NewState;
		}
	};

	UHsWidgetGraph* Listen(UHelpshiftTSTesterWidget* Widget)
	{
		UHsWidgetGraph* Graph = NewObject<UHsWidgetGraph>();
		Widget->OnTesterStateChanged.AddDynamic(Graph, &UHsWidgetGraph::OnTesterStateChanged);
		return Graph;
	}

	/** What a Blueprint reads after a step, one line per field. */
	void Record(const std::string& Step, UHelpshiftTSTesterWidget* Widget)
	{
		const FHelpshiftTSTesterState& S = Widget->TesterState;
		HsEngine::Line(Step + ".running", S.bRunning ? "1" : "0");
		HsEngine::Line(Step + ".identity", N(S.IdentityState));
		HsEngine::Line(Step + ".user", N(S.UserId));
		HsEngine::Line(Step + ".secondsLeft", std::to_string(S.SessionSecondsLeft));
		HsEngine::Line(Step + ".result", N(S.LastResultAction) + (S.bLastResultOk ? ":ok" : ":failed"));
		HsEngine::Line(Step + ".resultText", OneLine(S.LastResultText));
		HsEngine::Line(Step + ".inspection", OneLine(S.InspectionText));
		HsEngine::Line(Step + ".token", S.bHasToken ? std::to_string(S.TokenLength) : "none");
		HsEngine::Line(Step + ".events", std::to_string(S.Events.Num()));
		HsEngine::Line(Step + ".undelivered", std::to_string(S.Undelivered));
		for (const FString& Line : S.Outbox) HsEngine::Line(Step + ".outbox", N(Line));
		if (Widget->StatusText) HsEngine::Line(Step + ".statusText", OneLine(Widget->StatusText->GetText().ToString()));
		if (Widget->ResultText) HsEngine::Line(Step + ".resultBlock", OneLine(Widget->ResultText->GetText().ToString()));
		if (Widget->EventsText) HsEngine::Line(Step + ".eventsBlock", OneLine(Widget->EventsText->GetText().ToString()));
		if (Widget->OutboxText) HsEngine::Line(Step + ".outboxBlock", OneLine(Widget->OutboxText->GetText().ToString()));
		HsEngine::Line(Step + ".stateJson", OneLine(S.StateJson));
	}

	/**
	 * A game call (a click, or a Blueprint node), then frames until the widget's state shows ResultAction's
	 * result with nothing busy. Records the firings of On Tester State Changed inside the call and afterwards.
	 */
	void Step(const std::string& Name, UHelpshiftTSTesterWidget* Widget, UHsWidgetGraph* Graph, const std::string& ResultAction,
		const std::function<void()>& Call)
	{
		const int Before = Graph->Fired;
		const int64 CallFrame = HsEngine::Frame();
		{
			FGameCall Game;
			Call();
		}
		HsEngine::Line(Name + ".firedInCall", std::to_string(Graph->FiredInCall));
		HsEngine::Line(Name + ".stateInCall", N(Widget->TesterState.Busy));
		const bool bShown = HsEngine::TickUntil([&] {
			const FHelpshiftTSTesterState& S = Widget->TesterState;
			// Foreground, Inspect and Clear events leave no result of their own: the next state is the answer.
			return (ResultAction.empty() || N(S.LastResultAction) == ResultAction) && S.Busy.IsEmpty() && Graph->Fired > Before;
		}, 3000, 1.0);
		HsEngine::Line(Name + ".later", bShown ? std::to_string(HsEngine::Frame() - CallFrame) : "never");
		HsEngine::Line(Name + ".fired", std::to_string(Graph->Fired - Before));
		Record(Name, Widget);
	}

	void Click(TObjectPtr<UButton>& Button) { Button->OnClicked.Broadcast(); }

	/** The widget as the editor shows it: created (its tree duplicated from the Blueprint), then its Slate built. */
	UHelpshiftTSTesterWidget* Show(const std::function<void(UWidgetTree*)>& DesignerTree)
	{
		UHelpshiftTSTesterWidget* Widget = NewObject<UHelpshiftTSTesterWidget>();
		Widget->Initialize();
		if (DesignerTree) DesignerTree(Widget->WidgetTree.Get());
		FGameCall Game;
		Widget->TakeWidget();
		return Widget;
	}

	std::string Slots(UHelpshiftTSTesterWidget* W)
	{
		std::string Out;
		auto Add = [&](const char* Name, bool bBound) {
			if (bBound) Out += (Out.empty() ? "" : ",") + std::string(Name);
		};
		Add("ServiceUrlInput", (bool)W->ServiceUrlInput);
		Add("AppIdInput", (bool)W->AppIdInput);
		Add("DevSecretInput", (bool)W->DevSecretInput);
		Add("UidInput", (bool)W->UidInput);
		Add("EmailInput", (bool)W->EmailInput);
		Add("MoreIdentitiesInput", (bool)W->MoreIdentitiesInput);
		Add("LoginConfigInput", (bool)W->LoginConfigInput);
		Add("MasterAttributesInput", (bool)W->MasterAttributesInput);
		Add("AppAttributesInput", (bool)W->AppAttributesInput);
		Add("MintButton", (bool)W->MintButton);
		Add("InspectButton", (bool)W->InspectButton);
		Add("LogInButton", (bool)W->LogInButton);
		Add("LogOutButton", (bool)W->LogOutButton);
		Add("AddIdentitiesButton", (bool)W->AddIdentitiesButton);
		Add("AppForegroundButton", (bool)W->AppForegroundButton);
		Add("RefreshNowButton", (bool)W->RefreshNowButton);
		Add("PushMasterAttributesButton", (bool)W->PushMasterAttributesButton);
		Add("PushAppAttributesButton", (bool)W->PushAppAttributesButton);
		Add("ClearEventsButton", (bool)W->ClearEventsButton);
		Add("StatusText", (bool)W->StatusText);
		Add("ResultText", (bool)W->ResultText);
		Add("InspectionText", (bool)W->InspectionText);
		Add("DetailsText", (bool)W->DetailsText);
		Add("OutboxText", (bool)W->OutboxText);
		Add("EventsText", (bool)W->EventsText);
		return Out;
	}
}

HS_SCENARIO(editor_widget)
{
	// A new Editor Utility Widget: the factory's empty Canvas Panel as root (a Vertical Box stands in for it).
	UHelpshiftTSTesterWidget* Widget = Show([](UWidgetTree* Tree) {
		Tree->RootWidget = Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("CanvasPanel_0"));
	});
	UHsWidgetGraph* Graph = Listen(Widget);
	HsEngine::Line("default.slots", Slots(Widget));
	HsEngine::Line("default.root", Widget->WidgetTree->RootWidget ? N(Widget->WidgetTree->RootWidget->GetFName().ToString()) : "");
	HsEngine::Line("default.formUrl", N(Widget->GetForm().ServiceUrl));
	HsEngine::TickFrames(1);
	Record("start", Widget);

	// The developer types into the default layout's text boxes, then clicks.
	Widget->ServiceUrlInput->SetText(FText::FromString(HsScenario::ConfigW("serviceUrl")));
	Widget->AppIdInput->SetText(FText::FromString(HsScenario::ConfigW("appId")));
	Widget->DevSecretInput->SetText(FText::FromString(HsScenario::ConfigW("devSecret")));
	Widget->UidInput->SetText(FText::FromString(HsScenario::ConfigW("widgetUid")));
	HsEngine::Line("typed.secretIsPassword", Widget->DevSecretInput->bHsPassword ? "1" : "0");

	Step("mint", Widget, Graph, "mint", [&] { Click(Widget->MintButton); });
	Step("login", Widget, Graph, "login", [&] { Click(Widget->LogInButton); });
	// The tab's text is the same tester's state: one JsEnv, one session.
	HsEngine::Line("login.sameAsTab", FHelpshiftTSEditorTester::Get()->GetDisplayText() == Widget->TesterState.StateJson ? "1" : "0");
	// The session's time left counts down with no press: the tester republishes each second while a session
	// is shown (frames pass, about 1.1 s of wall clock; no action, no request).
	{
		const int32 Left = Widget->TesterState.SessionSecondsLeft;
		const int Before = Graph->Fired;
		const size_t Http = HsEngine::HttpLog.size();
		const double Start = HsEngine::Seconds();
		const bool bCounted = HsEngine::TickUntil([&] { return Widget->TesterState.SessionSecondsLeft < Left; }, 400, 5.0);
		HsEngine::Line("countdown.counted", bCounted ? "1" : "0");
		HsEngine::Line("countdown.before", std::to_string(Left));
		HsEngine::Line("countdown.after", std::to_string(Widget->TesterState.SessionSecondsLeft));
		HsEngine::Line("countdown.waitedMs", std::to_string((int)((HsEngine::Seconds() - Start) * 1000)));
		HsEngine::Line("countdown.fired", std::to_string(Graph->Fired - Before));
		HsEngine::Line("countdown.http", std::to_string(HsEngine::HttpLog.size() - Http));
		HsEngine::Line("countdown.statusText", OneLine(Widget->StatusText->GetText().ToString()));
	}
	// Blueprint: Set Master Attributes Json, then Push Master Attributes (no text box typed). The app defines no
	// custom field "nope": the service refuses that key, and the outbox says so beside the key it accepted.
	Step("master", Widget, Graph, "masterAttributes", [&] {
		Widget->SetMasterAttributesJson(TEXT("{\"first_name\": \"Wid\", \"custom_user_fields\": {\"nope\": \"x\"}}"));
		Widget->PushMasterAttributes();
	});
	HsEngine::Line("master.box", N(Widget->MasterAttributesInput->GetText().ToString()));
	Step("foreground", Widget, Graph, "", [&] { Click(Widget->AppForegroundButton); });
	Step("refresh", Widget, Graph, "refresh", [&] { Click(Widget->RefreshNowButton); });
	Step("logout", Widget, Graph, "logout", [&] { Click(Widget->LogOutButton); });

	// A game's own button: its token (from the game's endpoint) with Set Token, then Log In.
	Step("gameLogin", Widget, Graph, "login", [&] {
		Widget->SetToken(HsScenario::ConfigW("token.widgetGame"));
		Widget->LogIn();
	});
	// A refused token is inspected: the words say why.
	Step("inspectBad", Widget, Graph, "", [&] {
		Widget->SetToken(TEXT("not-a-jwt"));
		Widget->Inspect();
	});
	Step("clear", Widget, Graph, "", [&] { Click(Widget->ClearEventsButton); });

	// The tab closes (NativeDestruct) while a login is in flight: the widget hears nothing more; the tester lives on.
	Step("relogin", Widget, Graph, "login", [&] {
		Widget->SetToken(HsScenario::ConfigW("token.widgetGame"));
		Widget->LogIn();
	});
	const int FiredBeforeClose = Graph->Fired;
	{
		FGameCall Game;
		Widget->LogOut();
		Widget->RemoveFromParent();
	}
	HsEngine::TickUntil([] { return HsEngine::HttpInFlight == 0; }, 3000, 1.0);
	HsEngine::TickFrames(10);
	HsEngine::Line("closed.firedAfter", std::to_string(Graph->Fired - FiredBeforeClose));
	HsEngine::Line("closed.testerRunning", FHelpshiftTSEditorTester::Get()->IsRunning() ? "1" : "0");
	HsEngine::Line("closed.tabSeesLogout", N(FHelpshiftTSEditorTester::Get()->GetDisplayText()).find("\"action\": \"logout\"") != std::string::npos ? "1" : "0");

	// A designer's layout: only two named widgets and a button of the game's own. No default layout; the named
	// ones are wired by name.
	UButton* GameButton = nullptr;
	UHelpshiftTSTesterWidget* Designed = Show([&](UWidgetTree* Tree) {
		UVerticalBox* Root = Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("Root"));
		Root->AddChild(Tree->ConstructWidget<UButton>(UButton::StaticClass(), TEXT("LogInButton")));
		Root->AddChild(Tree->ConstructWidget<UTextBlock>(UTextBlock::StaticClass(), TEXT("StatusText")));
		GameButton = Tree->ConstructWidget<UButton>(UButton::StaticClass(), TEXT("GameTokenButton"));
		Root->AddChild(GameButton);
		Tree->RootWidget = Root;
	});
	UHsWidgetGraph* DesignedGraph = Listen(Designed);
	HsEngine::Line("designed.slots", Slots(Designed));
	HsEngine::Line("designed.rootChildren", std::to_string(Cast<UPanelWidget>(Designed->WidgetTree->RootWidget.Get())->GetChildrenCount()));
	Designed->SetDevSecret(HsScenario::ConfigW("devSecret"));
	Designed->SetServiceUrl(HsScenario::ConfigW("serviceUrl"));
	Designed->SetAppId(HsScenario::ConfigW("appId"));
	Step("designedLogin", Designed, DesignedGraph, "login", [&] {
		Designed->SetToken(HsScenario::ConfigW("token.widgetGame"));
		Click(Designed->LogInButton);
	});

	// DefaultLayoutHost: the default layout goes inside it, the game's button stays beside it.
	UHelpshiftTSTesterWidget* Hosted = Show([](UWidgetTree* Tree) {
		UVerticalBox* Root = Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("Root"));
		Root->AddChild(Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("DefaultLayoutHost")));
		Root->AddChild(Tree->ConstructWidget<UButton>(UButton::StaticClass(), TEXT("GameTokenButton")));
		Tree->RootWidget = Root;
	});
	HsEngine::Line("hosted.slots", Slots(Hosted));
	HsEngine::Line("hosted.hostChildren", std::to_string(Hosted->DefaultLayoutHost->GetChildrenCount()));
	HsEngine::Line("hosted.rootChildren", std::to_string(Cast<UPanelWidget>(Hosted->WidgetTree->RootWidget.Get())->GetChildrenCount()));
	HsEngine::TickFrames(2);
	// Every widget shows the one tester's state.
	HsEngine::Line("hosted.user", N(Hosted->TesterState.UserId));

	// The editor module shuts down (the tester goes) while widgets live: their actions do nothing, nothing fires.
	const int DesignedFired = DesignedGraph->Fired;
	FHelpshiftTSEditorTester::ShutdownShared();
	const size_t Http = HsEngine::HttpLog.size();
	{
		FGameCall Game;
		Designed->LogOut();
	}
	HsEngine::TickFrames(10);
	HsEngine::Line("shutdown.firedAfter", std::to_string(DesignedGraph->Fired - DesignedFired));
	HsEngine::Line("shutdown.http", std::to_string(HsEngine::HttpLog.size() - Http));
	HsEngine::Line("shutdown.callsIntoDeadEnv", std::to_string(HsEngine::CallsIntoDeadEnv));

	// The next editor run: a new tester, Project Settings naming the service and app the widgets logged in to. A
	// new widget opens: before any press, it already shows the session the last run stored (gameUser's, logged in
	// by designedLogin), counted down from its expiry; nothing was sent beyond what the client's Init does.
	UHelpshiftTSSettings* Settings = HsMutableDefault<UHelpshiftTSSettings>();
	Settings->ServiceUrl = HsScenario::ConfigW("serviceUrl");
	Settings->AppId = HsScenario::ConfigW("appId");
	const size_t HttpBeforeReopen = HsEngine::HttpLog.size();
	UHelpshiftTSTesterWidget* Reopened = Show([](UWidgetTree* Tree) {
		Tree->RootWidget = Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("CanvasPanel_0"));
	});
	HsEngine::Line("reopen.shownAtOnce", N(Reopened->TesterState.UserId));
	HsEngine::TickFrames(2);
	Record("reopen", Reopened);
	HsEngine::Line("reopen.formApp", N(Reopened->GetForm().AppId));
	HsEngine::Line("reopen.http", std::to_string(HsEngine::HttpLog.size() - HttpBeforeReopen));
	FHelpshiftTSEditorTester::ShutdownShared();
}
