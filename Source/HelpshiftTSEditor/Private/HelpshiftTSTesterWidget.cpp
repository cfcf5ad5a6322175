#include "HelpshiftTSTesterWidget.h"

#include "Blueprint/WidgetTree.h"
#include "Components/Button.h"
#include "Components/EditableTextBox.h"
#include "Components/MultiLineEditableTextBox.h"
#include "Components/PanelWidget.h"
#include "Components/ScrollBox.h"
#include "Components/TextBlock.h"
#include "Components/VerticalBox.h"
#include "Components/VerticalBoxSlot.h"
#include "Components/WrapBox.h"
#include "Components/WrapBoxSlot.h"
#include "Dom/JsonObject.h"
#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSEditorTester.h"
#include "Serialization/JsonReader.h"
#include "Serialization/JsonSerializer.h"

namespace
{
	const TCHAR* const HostName = TEXT("DefaultLayoutHost");

	TSharedPtr<FJsonValue> Field(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name)
	{
		if (!Object.IsValid())
		{
			return nullptr;
		}
		const TSharedPtr<FJsonValue>* Found = Object->Values.Find(Name);
		return Found && Found->IsValid() && !(*Found)->IsNull() ? *Found : nullptr;
	}
	FString Str(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name)
	{
		const TSharedPtr<FJsonValue> Value = Field(Object, Name);
		FString Out;
		return Value.IsValid() && Value->TryGetString(Out) ? Out : FString();
	}
	double Num(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name, double Default)
	{
		const TSharedPtr<FJsonValue> Value = Field(Object, Name);
		return Value.IsValid() && Value->Type == EJson::Number ? Value->AsNumber() : Default;
	}
	bool Bool(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name)
	{
		const TSharedPtr<FJsonValue> Value = Field(Object, Name);
		return Value.IsValid() && Value->Type == EJson::Boolean && Value->AsBool();
	}
	TSharedPtr<FJsonObject> Obj(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name)
	{
		const TSharedPtr<FJsonValue> Value = Field(Object, Name);
		return Value.IsValid() && Value->Type == EJson::Object ? Value->AsObject() : nullptr;
	}

	FText Text(const FString& S) { return FText::FromString(S); }

	/** An array of strings of the JSON object (the events, the outbox), in order; other values are skipped. */
	TArray<FString> Strings(const TSharedPtr<FJsonObject>& Object, const TCHAR* Name)
	{
		TArray<FString> Out;
		const TSharedPtr<FJsonValue> Value = Field(Object, Name);
		if (Value.IsValid() && Value->Type == EJson::Array)
		{
			for (const TSharedPtr<FJsonValue>& Line : Value->AsArray())
			{
				FString Item;
				if (Line.IsValid() && Line->TryGetString(Item))
				{
					Out.Add(Item);
				}
			}
		}
		return Out;
	}

	FString Joined(const TArray<FString>& Lines)
	{
		FString Out;
		for (const FString& Line : Lines)
		{
			if (!Out.IsEmpty())
			{
				Out += TEXT("\n");
			}
			Out += Line;
		}
		return Out;
	}

	template <typename T>
	void Resolve(UWidgetTree* Tree, TObjectPtr<T>& Slot, const TCHAR* Name)
	{
		if (!Slot && Tree)
		{
			Slot = Tree->FindWidget<T>(FName(Name));
		}
	}
}

FHelpshiftTSTesterState HelpshiftTSTesterState::FromJson(const FString& StateJson, bool bRunning)
{
	FHelpshiftTSTesterState State;
	State.bRunning = bRunning;
	State.StateJson = StateJson;
	TSharedPtr<FJsonObject> Root;
	if (!FJsonSerializer::Deserialize(TJsonReaderFactory<>::Create(StateJson), Root) || !Root.IsValid())
	{
		// Not JSON: why the tester is not running (e.g. the bundle is missing). Shown as the status line.
		State.StatusLine = StateJson;
		return State;
	}
	// The "widget" section: every text in words, made by TypeScript (view-state.ts); C++ only copies fields.
	const TSharedPtr<FJsonObject> Widget = Obj(Root, TEXT("widget"));
	State.ServiceUrl = Str(Root, TEXT("serviceUrl"));
	State.AppId = Str(Root, TEXT("appId"));
	State.bSecretEntered = Bool(Root, TEXT("secretEntered"));
	const TSharedPtr<FJsonObject> Token = Obj(Root, TEXT("token"));
	State.bHasToken = Bool(Token, TEXT("present"));
	State.TokenLength = (int32)Num(Token, TEXT("length"), 0);
	State.Notice = Str(Root, TEXT("notice"));
	State.Busy = Str(Root, TEXT("busy"));
	State.IdentityState = Str(Widget, TEXT("identityState"));
	State.StatusLine = Str(Widget, TEXT("statusLine"));
	State.UserId = Str(Widget, TEXT("userId"));
	State.bAnonymous = Bool(Widget, TEXT("anonymous"));
	State.SessionSecondsLeft = (int32)Num(Widget, TEXT("secondsLeft"), -1);
	State.LastResultAction = Str(Widget, TEXT("resultAction"));
	State.bLastResultOk = Bool(Widget, TEXT("resultOk"));
	State.LastResultText = Str(Widget, TEXT("resultText"));
	State.InspectionText = Str(Widget, TEXT("inspectionText"));
	State.ClockText = Str(Widget, TEXT("clockText"));
	State.Undelivered = (int32)Num(Widget, TEXT("undelivered"), 0);
	State.Events = Strings(Widget, TEXT("events"));
	State.Outbox = Strings(Widget, TEXT("outbox"));
	return State;
}

// ---- actions ------------------------------------------------------------------------------------------------

void UHelpshiftTSTesterWidget::Mint() { SendAction(HelpshiftTSEditorAction::Mint); }
void UHelpshiftTSTesterWidget::Inspect() { SendAction(HelpshiftTSEditorAction::Inspect); }
void UHelpshiftTSTesterWidget::LogIn() { SendAction(HelpshiftTSEditorAction::Login); }
void UHelpshiftTSTesterWidget::LogOut() { SendAction(HelpshiftTSEditorAction::Logout); }
void UHelpshiftTSTesterWidget::AddIdentities() { SendAction(HelpshiftTSEditorAction::AddIdentities); }
void UHelpshiftTSTesterWidget::AppForeground() { SendAction(HelpshiftTSEditorAction::Foreground); }
void UHelpshiftTSTesterWidget::RefreshNow() { SendAction(HelpshiftTSEditorAction::RefreshSession); }
void UHelpshiftTSTesterWidget::PushMasterAttributes() { SendAction(HelpshiftTSEditorAction::PushMasterAttributes); }
void UHelpshiftTSTesterWidget::PushAppAttributes() { SendAction(HelpshiftTSEditorAction::PushAppAttributes); }
void UHelpshiftTSTesterWidget::ClearEvents() { SendAction(HelpshiftTSEditorAction::ClearEvents); }

void UHelpshiftTSTesterWidget::HandleMintClicked() { Mint(); }
void UHelpshiftTSTesterWidget::HandleInspectClicked() { Inspect(); }
void UHelpshiftTSTesterWidget::HandleLogInClicked() { LogIn(); }
void UHelpshiftTSTesterWidget::HandleLogOutClicked() { LogOut(); }
void UHelpshiftTSTesterWidget::HandleAddIdentitiesClicked() { AddIdentities(); }
void UHelpshiftTSTesterWidget::HandleAppForegroundClicked() { AppForeground(); }
void UHelpshiftTSTesterWidget::HandleRefreshNowClicked() { RefreshNow(); }
void UHelpshiftTSTesterWidget::HandlePushMasterAttributesClicked() { PushMasterAttributes(); }
void UHelpshiftTSTesterWidget::HandlePushAppAttributesClicked() { PushAppAttributes(); }
void UHelpshiftTSTesterWidget::HandleClearEventsClicked() { ClearEvents(); }

void UHelpshiftTSTesterWidget::SendAction(const TCHAR* Action)
{
	check(IsInGameThread());
	// A widget used from Blueprint without ever being shown still reaches the tester (and hears its state).
	if (!bAcquired)
	{
		Subscribe();
	}
	// Gone when the editor module shut the tester down: then nothing happens.
	const TSharedPtr<FHelpshiftTSEditorTester> Pinned = Tester.Pin();
	if (!Pinned.IsValid() || !Pinned->EnsureStarted())
	{
		return;
	}
	ReadInputs();
	FHelpshiftTSTesterInputs Inputs;
	Inputs.ServiceUrl = Form.ServiceUrl;
	Inputs.AppId = Form.AppId;
	Inputs.Secret = DevSecret;
	Inputs.Uid = Form.Uid;
	Inputs.Email = Form.Email;
	Inputs.Identity = Form.MoreIdentities;
	Inputs.ConfigJson = Form.LoginConfigJson;
	Inputs.MasterAttributesJson = Form.MasterAttributesJson;
	Inputs.AppAttributesJson = Form.AppAttributesJson;
	// Once: TypeScript keeps it as the form's token until the next Mint or Set Token.
	Inputs.Token = PendingToken;
	PendingToken.Reset();
	// TypeScript may publish (and the tester broadcast) before this returns; the widget reads it next frame.
	Pinned->SendAction(Action, Inputs);
}

// ---- the form -----------------------------------------------------------------------------------------------

void UHelpshiftTSTesterWidget::SetForm(const FHelpshiftTSTesterForm& NewForm)
{
	Form = NewForm;
	bFormInitialized = true;
	WriteInputs();
}

FHelpshiftTSTesterForm UHelpshiftTSTesterWidget::GetForm() const
{
	UHelpshiftTSTesterWidget* Self = const_cast<UHelpshiftTSTesterWidget*>(this);
	Self->ReadInputs();
	return Form;
}

void UHelpshiftTSTesterWidget::SetServiceUrl(const FString& Value) { ReadInputs(); Form.ServiceUrl = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetAppId(const FString& Value) { ReadInputs(); Form.AppId = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetUid(const FString& Value) { ReadInputs(); Form.Uid = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetEmail(const FString& Value) { ReadInputs(); Form.Email = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetMoreIdentities(const FString& Value) { ReadInputs(); Form.MoreIdentities = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetLoginConfigJson(const FString& Value) { ReadInputs(); Form.LoginConfigJson = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetMasterAttributesJson(const FString& Value) { ReadInputs(); Form.MasterAttributesJson = Value; WriteInputs(); }
void UHelpshiftTSTesterWidget::SetAppAttributesJson(const FString& Value) { ReadInputs(); Form.AppAttributesJson = Value; WriteInputs(); }

void UHelpshiftTSTesterWidget::SetDevSecret(const FString& Secret)
{
	DevSecret = Secret;
	if (DevSecretInput)
	{
		DevSecretInput->SetText(Text(Secret));
	}
}

void UHelpshiftTSTesterWidget::SetToken(const FString& IdentityJwt)
{
	PendingToken = IdentityJwt;
}

void UHelpshiftTSTesterWidget::ReadInputs()
{
	if (!bFormInitialized)
	{
		// Before the first show: the same defaults as the tab (Project Settings, else the local service).
		const FHelpshiftTSTesterInputs Defaults = FHelpshiftTSEditorTester::DefaultInputs();
		Form.ServiceUrl = Defaults.ServiceUrl;
		Form.AppId = Defaults.AppId;
		Form.LoginConfigJson = Defaults.ConfigJson;
		Form.MasterAttributesJson = Defaults.MasterAttributesJson;
		Form.AppAttributesJson = Defaults.AppAttributesJson;
		bFormInitialized = true;
		WriteInputs();
		return;
	}
	if (ServiceUrlInput) Form.ServiceUrl = ServiceUrlInput->GetText().ToString();
	if (AppIdInput) Form.AppId = AppIdInput->GetText().ToString();
	if (DevSecretInput) DevSecret = DevSecretInput->GetText().ToString();
	if (UidInput) Form.Uid = UidInput->GetText().ToString();
	if (EmailInput) Form.Email = EmailInput->GetText().ToString();
	if (MoreIdentitiesInput) Form.MoreIdentities = MoreIdentitiesInput->GetText().ToString();
	if (LoginConfigInput) Form.LoginConfigJson = LoginConfigInput->GetText().ToString();
	if (MasterAttributesInput) Form.MasterAttributesJson = MasterAttributesInput->GetText().ToString();
	if (AppAttributesInput) Form.AppAttributesJson = AppAttributesInput->GetText().ToString();
}

void UHelpshiftTSTesterWidget::WriteInputs()
{
	if (ServiceUrlInput) ServiceUrlInput->SetText(Text(Form.ServiceUrl));
	if (AppIdInput) AppIdInput->SetText(Text(Form.AppId));
	if (UidInput) UidInput->SetText(Text(Form.Uid));
	if (EmailInput) EmailInput->SetText(Text(Form.Email));
	if (MoreIdentitiesInput) MoreIdentitiesInput->SetText(Text(Form.MoreIdentities));
	if (LoginConfigInput) LoginConfigInput->SetText(Text(Form.LoginConfigJson));
	if (MasterAttributesInput) MasterAttributesInput->SetText(Text(Form.MasterAttributesJson));
	if (AppAttributesInput) AppAttributesInput->SetText(Text(Form.AppAttributesJson));
}

// ---- the state ----------------------------------------------------------------------------------------------

FHelpshiftTSTesterState UHelpshiftTSTesterWidget::GetTesterState() const
{
	return TesterState;
}

void UHelpshiftTSTesterWidget::Subscribe()
{
	// The tester is taken once: after the module shut it down the widget stays quiet rather than start another.
	if (!bAcquired)
	{
		Tester = FHelpshiftTSEditorTester::Get();
		bAcquired = true;
	}
	const TSharedPtr<FHelpshiftTSEditorTester> Pinned = Tester.Pin();
	if (Pinned.IsValid() && !TesterHandle.IsValid())
	{
		// AddUObject: the engine's delegate skips a binding whose UObject is gone; we also remove it ourselves.
		TesterHandle = Pinned->OnStateChanged.AddUObject(this, &UHelpshiftTSTesterWidget::HandleTesterChanged);
	}
}

void UHelpshiftTSTesterWidget::Unsubscribe()
{
	if (const TSharedPtr<FHelpshiftTSEditorTester> Pinned = Tester.Pin())
	{
		Pinned->OnStateChanged.Remove(TesterHandle);
	}
	TesterHandle.Reset();
	if (bRefreshPending)
	{
		FTSTicker::RemoveTicker(RefreshTicker);
		bRefreshPending = false;
	}
}

void UHelpshiftTSTesterWidget::HandleTesterChanged()
{
	if (bRefreshPending)
	{
		return;
	}
	bRefreshPending = true;
	// CreateUObject: weak in the engine, so a widget destroyed before the next frame is not called.
	RefreshTicker = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateUObject(this, &UHelpshiftTSTesterWidget::RefreshFromTester));
}

bool UHelpshiftTSTesterWidget::RefreshFromTester(float DeltaTime)
{
	bRefreshPending = false;
	const TSharedPtr<FHelpshiftTSEditorTester> Pinned = Tester.Pin();
	if (!Pinned.IsValid())
	{
		return false;
	}
	ApplyState(HelpshiftTSTesterState::FromJson(Pinned->GetDisplayText(), Pinned->IsRunning()));
	OnTesterStateChanged.Broadcast(TesterState);
	return false;
}

void UHelpshiftTSTesterWidget::ApplyState(const FHelpshiftTSTesterState& NewState)
{
	TesterState = NewState;
	if (StatusText)
	{
		StatusText->SetText(Text(TesterState.StatusLine));
	}
	if (ResultText)
	{
		ResultText->SetText(Text(TesterState.LastResultText));
	}
	if (InspectionText)
	{
		InspectionText->SetText(Text(TesterState.InspectionText));
	}
	if (DetailsText)
	{
		TArray<FString> Lines;
		if (!TesterState.Notice.IsEmpty())
		{
			Lines.Add(TesterState.Notice);
		}
		if (!TesterState.ClockText.IsEmpty())
		{
			Lines.Add(TesterState.ClockText);
		}
		if (TesterState.Undelivered > 0)
		{
			Lines.Add(FString(TEXT("Undelivered requests (kept and retried): ")) + FString::FromInt(TesterState.Undelivered));
		}
		DetailsText->SetText(Text(Joined(Lines)));
	}
	if (OutboxText)
	{
		OutboxText->SetText(Text(Joined(TesterState.Outbox)));
	}
	if (EventsText)
	{
		EventsText->SetText(Text(Joined(TesterState.Events)));
	}
}

// ---- layout and wiring --------------------------------------------------------------------------------------

void UHelpshiftTSTesterWidget::ResolveSlots()
{
	UWidgetTree* Tree = WidgetTree.Get();
	Resolve(Tree, DefaultLayoutHost, HostName);
	Resolve(Tree, ServiceUrlInput, TEXT("ServiceUrlInput"));
	Resolve(Tree, AppIdInput, TEXT("AppIdInput"));
	Resolve(Tree, DevSecretInput, TEXT("DevSecretInput"));
	Resolve(Tree, UidInput, TEXT("UidInput"));
	Resolve(Tree, EmailInput, TEXT("EmailInput"));
	Resolve(Tree, MoreIdentitiesInput, TEXT("MoreIdentitiesInput"));
	Resolve(Tree, LoginConfigInput, TEXT("LoginConfigInput"));
	Resolve(Tree, MasterAttributesInput, TEXT("MasterAttributesInput"));
	Resolve(Tree, AppAttributesInput, TEXT("AppAttributesInput"));
	Resolve(Tree, MintButton, TEXT("MintButton"));
	Resolve(Tree, InspectButton, TEXT("InspectButton"));
	Resolve(Tree, LogInButton, TEXT("LogInButton"));
	Resolve(Tree, LogOutButton, TEXT("LogOutButton"));
	Resolve(Tree, AddIdentitiesButton, TEXT("AddIdentitiesButton"));
	Resolve(Tree, AppForegroundButton, TEXT("AppForegroundButton"));
	Resolve(Tree, RefreshNowButton, TEXT("RefreshNowButton"));
	Resolve(Tree, PushMasterAttributesButton, TEXT("PushMasterAttributesButton"));
	Resolve(Tree, PushAppAttributesButton, TEXT("PushAppAttributesButton"));
	Resolve(Tree, ClearEventsButton, TEXT("ClearEventsButton"));
	Resolve(Tree, StatusText, TEXT("StatusText"));
	Resolve(Tree, ResultText, TEXT("ResultText"));
	Resolve(Tree, InspectionText, TEXT("InspectionText"));
	Resolve(Tree, DetailsText, TEXT("DetailsText"));
	Resolve(Tree, OutboxText, TEXT("OutboxText"));
	Resolve(Tree, EventsText, TEXT("EventsText"));
}

void UHelpshiftTSTesterWidget::BuildDefaultLayout()
{
	UWidgetTree* Tree = WidgetTree.Get();
	if (!Tree)
	{
		return;
	}
	ResolveSlots();
	const bool bAnySlot = ServiceUrlInput || AppIdInput || DevSecretInput || UidInput || EmailInput || MoreIdentitiesInput ||
		LoginConfigInput || MasterAttributesInput || AppAttributesInput || MintButton || InspectButton || LogInButton ||
		LogOutButton || AddIdentitiesButton || AppForegroundButton || RefreshNowButton || PushMasterAttributesButton ||
		PushAppAttributesButton || ClearEventsButton || StatusText || ResultText || InspectionText || DetailsText || OutboxText || EventsText;
	UPanelWidget* EmptyRoot = Cast<UPanelWidget>(Tree->RootWidget.Get());
	const bool bTreeEmpty = !Tree->RootWidget || (EmptyRoot && !EmptyRoot->HasAnyChildren());
	if (!DefaultLayoutHost && (bAnySlot || !bTreeEmpty))
	{
		// The designer's own layout: only the named slots it holds are wired.
		return;
	}

	UVerticalBox* Box = Tree->ConstructWidget<UVerticalBox>(UVerticalBox::StaticClass(), TEXT("HelpshiftTSDefaultLayout"));
	auto Add = [Box](UWidget* Widget) {
		if (UVerticalBoxSlot* Slot = Box->AddChildToVerticalBox(Widget))
		{
			Slot->SetPadding(FMargin(4.f, 2.f));
		}
	};
	auto Label = [Tree, &Add](const TCHAR* Words) {
		UTextBlock* Block = Tree->ConstructWidget<UTextBlock>(UTextBlock::StaticClass());
		Block->SetText(Text(Words));
		Add(Block);
	};
	auto Line = [Tree, &Add, &Label](TObjectPtr<UEditableTextBox>& Slot, const TCHAR* Name, const TCHAR* Words, bool bPassword) {
		if (Slot)
		{
			return;
		}
		Label(Words);
		Slot = Tree->ConstructWidget<UEditableTextBox>(UEditableTextBox::StaticClass(), Name);
		Slot->SetIsPassword(bPassword);
		Add(Slot);
	};
	auto Lines = [Tree, &Add, &Label](TObjectPtr<UMultiLineEditableTextBox>& Slot, const TCHAR* Name, const TCHAR* Words) {
		if (Slot)
		{
			return;
		}
		Label(Words);
		Slot = Tree->ConstructWidget<UMultiLineEditableTextBox>(UMultiLineEditableTextBox::StaticClass(), Name);
		Add(Slot);
	};
	auto Output = [Tree, &Add](TObjectPtr<UTextBlock>& Slot, const TCHAR* Name) {
		if (Slot)
		{
			return;
		}
		Slot = Tree->ConstructWidget<UTextBlock>(UTextBlock::StaticClass(), Name);
		Slot->SetAutoWrapText(true);
		Add(Slot);
	};

	Line(ServiceUrlInput, TEXT("ServiceUrlInput"), TEXT("Service URL"), false);
	Line(AppIdInput, TEXT("AppIdInput"), TEXT("App id"), false);
	Line(DevSecretInput, TEXT("DevSecretInput"), TEXT("Dev secret"), true);
	Line(UidInput, TEXT("UidInput"), TEXT("uid"), false);
	Line(EmailInput, TEXT("EmailInput"), TEXT("email"), false);
	Lines(MoreIdentitiesInput, TEXT("MoreIdentitiesInput"), TEXT("More identities (identifier=value lines)"));
	Lines(LoginConfigInput, TEXT("LoginConfigInput"), TEXT("Login config (JSON)"));
	Lines(MasterAttributesInput, TEXT("MasterAttributesInput"), TEXT("Master attributes (JSON)"));
	Lines(AppAttributesInput, TEXT("AppAttributesInput"), TEXT("App attributes (JSON)"));

	// The buttons in a wrap box, in the tab's order: the session, then attributes and the event log.
	UWrapBox* Buttons = Tree->ConstructWidget<UWrapBox>(UWrapBox::StaticClass(), TEXT("HelpshiftTSDefaultButtons"));
	auto Button = [Tree, Buttons](TObjectPtr<UButton>& Slot, const TCHAR* Name, const TCHAR* Words) {
		if (Slot)
		{
			return;
		}
		Slot = Tree->ConstructWidget<UButton>(UButton::StaticClass(), Name);
		UTextBlock* Caption = Tree->ConstructWidget<UTextBlock>(UTextBlock::StaticClass());
		Caption->SetText(Text(Words));
		Slot->SetContent(Caption);
		if (UWrapBoxSlot* Place = Buttons->AddChildToWrapBox(Slot))
		{
			Place->SetPadding(FMargin(2.f));
		}
	};
	Button(MintButton, TEXT("MintButton"), TEXT("Mint"));
	Button(InspectButton, TEXT("InspectButton"), TEXT("Inspect"));
	Button(LogInButton, TEXT("LogInButton"), TEXT("Log in"));
	Button(LogOutButton, TEXT("LogOutButton"), TEXT("Log out"));
	Button(AddIdentitiesButton, TEXT("AddIdentitiesButton"), TEXT("Add identities"));
	Button(AppForegroundButton, TEXT("AppForegroundButton"), TEXT("App foreground"));
	Button(RefreshNowButton, TEXT("RefreshNowButton"), TEXT("Refresh now"));
	Button(PushMasterAttributesButton, TEXT("PushMasterAttributesButton"), TEXT("Push master attributes"));
	Button(PushAppAttributesButton, TEXT("PushAppAttributesButton"), TEXT("Push app attributes"));
	Button(ClearEventsButton, TEXT("ClearEventsButton"), TEXT("Clear events"));
	if (Buttons->HasAnyChildren())
	{
		Add(Buttons);
	}

	Output(StatusText, TEXT("StatusText"));
	Output(ResultText, TEXT("ResultText"));
	Output(InspectionText, TEXT("InspectionText"));
	Output(DetailsText, TEXT("DetailsText"));
	Output(OutboxText, TEXT("OutboxText"));
	Output(EventsText, TEXT("EventsText"));

	if (DefaultLayoutHost)
	{
		DefaultLayoutHost->AddChild(Box);
		return;
	}
	// An empty tree (a new Editor Utility Widget: no root, or the factory's empty Canvas Panel): the layout,
	// scrollable, becomes the root.
	UScrollBox* Scroll = Tree->ConstructWidget<UScrollBox>(UScrollBox::StaticClass(), TEXT("HelpshiftTSDefaultScroll"));
	Scroll->AddChild(Box);
	Tree->RootWidget = Scroll;
}

void UHelpshiftTSTesterWidget::BindSlots()
{
	if (MintButton) MintButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleMintClicked);
	if (InspectButton) InspectButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleInspectClicked);
	if (LogInButton) LogInButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleLogInClicked);
	if (LogOutButton) LogOutButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleLogOutClicked);
	if (AddIdentitiesButton) AddIdentitiesButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleAddIdentitiesClicked);
	if (AppForegroundButton) AppForegroundButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleAppForegroundClicked);
	if (RefreshNowButton) RefreshNowButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleRefreshNowClicked);
	if (PushMasterAttributesButton) PushMasterAttributesButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandlePushMasterAttributesClicked);
	if (PushAppAttributesButton) PushAppAttributesButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandlePushAppAttributesClicked);
	if (ClearEventsButton) ClearEventsButton->OnClicked.AddUniqueDynamic(this, &UHelpshiftTSTesterWidget::HandleClearEventsClicked);
	if (DevSecretInput) DevSecretInput->SetIsPassword(true);
}

void UHelpshiftTSTesterWidget::UnbindSlots()
{
	if (MintButton) MintButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleMintClicked);
	if (InspectButton) InspectButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleInspectClicked);
	if (LogInButton) LogInButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleLogInClicked);
	if (LogOutButton) LogOutButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleLogOutClicked);
	if (AddIdentitiesButton) AddIdentitiesButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleAddIdentitiesClicked);
	if (AppForegroundButton) AppForegroundButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleAppForegroundClicked);
	if (RefreshNowButton) RefreshNowButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleRefreshNowClicked);
	if (PushMasterAttributesButton) PushMasterAttributesButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandlePushMasterAttributesClicked);
	if (PushAppAttributesButton) PushAppAttributesButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandlePushAppAttributesClicked);
	if (ClearEventsButton) ClearEventsButton->OnClicked.RemoveDynamic(this, &UHelpshiftTSTesterWidget::HandleClearEventsClicked);
}

TSharedRef<SWidget> UHelpshiftTSTesterWidget::RebuildWidget()
{
	// Before the root's Slate is built, so the default layout is what is shown. Not in the UMG designer: there
	// the designer's tree is shown as it is.
	if (!IsDesignTime())
	{
		BuildDefaultLayout();
	}
	return Super::RebuildWidget();
}

void UHelpshiftTSTesterWidget::NativeConstruct()
{
	Super::NativeConstruct();
	ResolveSlots();
	BindSlots();
	// The form (defaults first time) into the text boxes; then the tester, started if needed, and its state now.
	if (!bFormInitialized)
	{
		ReadInputs();
	}
	else
	{
		WriteInputs();
	}
	Subscribe();
	if (const TSharedPtr<FHelpshiftTSEditorTester> Pinned = Tester.Pin())
	{
		Pinned->EnsureStarted();
		ApplyState(HelpshiftTSTesterState::FromJson(Pinned->GetDisplayText(), Pinned->IsRunning()));
	}
}

void UHelpshiftTSTesterWidget::NativeDestruct()
{
	// The tab closed: the tester keeps running (the Slate tab and other widgets use it); this widget hears no more.
	ReadInputs();
	UnbindSlots();
	Unsubscribe();
	Super::NativeDestruct();
}

void UHelpshiftTSTesterWidget::BeginDestroy()
{
	Unsubscribe();
	Super::BeginDestroy();
}
