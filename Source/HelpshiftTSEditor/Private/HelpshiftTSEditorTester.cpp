#include "HelpshiftTSEditorTester.h"

#include "Dom/JsonObject.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEditorBridge.h"
#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSPayload.h"
#include "HelpshiftTSSettings.h"
#include "JsEnv.h"
#include "Misc/Paths.h"

namespace
{
	/** {"action": ..., "form": {...}}: the shape TypeScript/ue/editor/messages.ts validates. */
	FString ActionPayload(const FString& Action, const FHelpshiftTSTesterInputs& Inputs)
	{
		const TSharedRef<FJsonObject> Form = MakeShared<FJsonObject>();
		Form->SetStringField(TEXT("serviceUrl"), Inputs.ServiceUrl);
		Form->SetStringField(TEXT("appId"), Inputs.AppId);
		Form->SetStringField(TEXT("secret"), Inputs.Secret);
		Form->SetStringField(TEXT("uid"), Inputs.Uid);
		Form->SetStringField(TEXT("email"), Inputs.Email);
		Form->SetStringField(TEXT("identity"), Inputs.Identity);
		Form->SetStringField(TEXT("config"), Inputs.ConfigJson);
		Form->SetStringField(TEXT("masterAttributes"), Inputs.MasterAttributesJson);
		Form->SetStringField(TEXT("appAttributes"), Inputs.AppAttributesJson);
		if (!Inputs.Token.IsEmpty())
		{
			Form->SetStringField(TEXT("token"), Inputs.Token);
		}
		const TSharedRef<FJsonObject> Payload = MakeShared<FJsonObject>();
		Payload->SetStringField(TEXT("action"), Action);
		Payload->SetObjectField(TEXT("form"), Form);
		return HelpshiftTSPayload::Write(Payload);
	}

	/** The editor's one tester (game thread only, like every caller). */
	TSharedPtr<FHelpshiftTSEditorTester>& SharedTester()
	{
		static TSharedPtr<FHelpshiftTSEditorTester> Shared;
		return Shared;
	}
}

TSharedRef<FHelpshiftTSEditorTester> FHelpshiftTSEditorTester::Get()
{
	check(IsInGameThread());
	TSharedPtr<FHelpshiftTSEditorTester>& Shared = SharedTester();
	if (!Shared.IsValid())
	{
		Shared = MakeShared<FHelpshiftTSEditorTester>();
	}
	return Shared.ToSharedRef();
}

void FHelpshiftTSEditorTester::ShutdownShared()
{
	TSharedPtr<FHelpshiftTSEditorTester>& Shared = SharedTester();
	if (Shared.IsValid())
	{
		Shared->Stop();
		Shared.Reset();
	}
}

FHelpshiftTSTesterInputs FHelpshiftTSEditorTester::DefaultInputs()
{
	// Defaults from Project Settings → Plugins → HelpshiftTS; the tester's state stays its own all the same.
	const UHelpshiftTSSettings* Settings = GetDefault<UHelpshiftTSSettings>();
	FHelpshiftTSTesterInputs Initial;
	Initial.ServiceUrl = Settings->ServiceUrl.IsEmpty() ? FString(TEXT("http://127.0.0.1:8787")) : Settings->ServiceUrl;
	Initial.AppId = Settings->AppId.IsEmpty() ? FString(TEXT("demo")) : Settings->AppId;
	Initial.ConfigJson = TEXT("{\"full_privacy_enabled\": false}");
	Initial.MasterAttributesJson = TEXT("{\"first_name\": \"Ada\"}");
	Initial.AppAttributesJson = TEXT("{\"app_version\": \"1.0.0\"}");
	return Initial;
}

bool FHelpshiftTSEditorTester::EnsureStarted()
{
	if (!IsRunning())
	{
		// First use, or the bundle was missing last time (built since?): start afresh.
		Stop();
		Start();
	}
	return IsRunning();
}

void FHelpshiftTSEditorTester::SetDisplayText(const FString& Text)
{
	DisplayText = Text;
	OnStateChanged.Broadcast();
}

FHelpshiftTSEditorTester::~FHelpshiftTSEditorTester()
{
	Stop();
}

bool FHelpshiftTSEditorTester::Start()
{
	if (JsEnv.IsValid())
	{
		return bReady;
	}
	bStopped = false;
	DisplayText = FString(TEXT("Starting ")) + HelpshiftTSEditorScript::TesterModule + TEXT("...");
	Bridge.Reset(NewObject<UHelpshiftTSEditorBridge>());
	Bridge->SetOwner(this);
	JsEnv = MakeShared<PUERTS_NAMESPACE::FJsEnv>(std::make_shared<FHelpshiftTSModuleLoader>(FHelpshiftTSModuleLoader::DefaultRoots()), std::make_shared<PUERTS_NAMESPACE::FDefaultLogger>(), -1);
	TArray<TPair<FString, UObject*>> Arguments;
	Arguments.Add(TPair<FString, UObject*>(HelpshiftTSScript::BridgeArgument, Bridge.Get()));
	// The entry binds OnCommand, calls NotifyReady and publishes its first state while Start runs.
	JsEnv->Start(HelpshiftTSEditorScript::TesterModule, Arguments);
	if (bReady)
	{
		// The form every client opens with: its app's client now, so a stored session shows at once (the tab and
		// the widgets read the state after Start returns, so none of them shows the client-less first state).
		SendAction(HelpshiftTSEditorAction::Connect, DefaultInputs());
	}
	else
	{
		SetDisplayText(FString(HelpshiftTSEditorScript::TesterModule) +
			TEXT(" did not start: run `npm run build` in the plugin folder, then reopen this tab."));
		UE_LOG(LogHelpshiftTS, Error, TEXT("HelpshiftTS: %s did not start; run `npm run build`"), HelpshiftTSEditorScript::TesterModule);
	}
	return bReady;
}

void FHelpshiftTSEditorTester::Stop()
{
	if (bReady)
	{
		SendCommand(0, HelpshiftTSCommand::Dispose, HelpshiftTSPayload::Empty());
	}
	bStopped = true;
	bReady = false;
	Http.CancelAll();
	if (Bridge)
	{
		Bridge->OnCommand.Unbind();
		Bridge->Detach();
	}
	JsEnv.Reset();
	Bridge.Reset();
}

bool FHelpshiftTSEditorTester::IsRunning() const
{
	return JsEnv.IsValid() && bReady && !bStopped;
}

FString FHelpshiftTSEditorTester::GetStorageDir() const
{
	return FPaths::Combine(FPaths::ProjectSavedDir(), TEXT("HelpshiftTS"), TEXT("EditorTester"));
}

void FHelpshiftTSEditorTester::SendAction(const FString& Action, const FHelpshiftTSTesterInputs& Inputs)
{
	SendCommand(0, HelpshiftTSEditorScript::TesterActionCommand, ActionPayload(Action, Inputs));
}

void FHelpshiftTSEditorTester::SendCommand(int32 RequestId, const FString& Command, const FString& PayloadJson)
{
	check(IsInGameThread());
	if (Bridge && !bStopped)
	{
		Bridge->OnCommand.ExecuteIfBound(RequestId, Command, PayloadJson);
	}
}

void FHelpshiftTSEditorTester::HandleReady()
{
	bReady = true;
}

void FHelpshiftTSEditorTester::HandleState(const FString& StateJson)
{
	if (!bStopped)
	{
		SetDisplayText(StateJson);
	}
}

void FHelpshiftTSEditorTester::HandleHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body)
{
	if (bStopped)
	{
		return;
	}
	// The bridge is the weak owner (a UObject); it forwards to this tester only until Stop detaches it.
	UHelpshiftTSEditorBridge* EditorBridge = Bridge.Get();
	const bool bStarted = Http.Send(RequestId, Method, Url, HeadersJson, Body, EditorBridge,
		[EditorBridge](int32 DoneId, const FHelpshiftTSHttpResult& Result) { EditorBridge->DeliverHttpResponse(DoneId, Result); });
	if (!bStarted)
	{
		SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HelpshiftTSPayload::HttpAnswer({HelpshiftTSHttpError::NotStarted}));
	}
}

void FHelpshiftTSEditorTester::DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result)
{
	if (bStopped || !Http.Finish(RequestId))
	{
		return;
	}
	SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HelpshiftTSPayload::HttpAnswer(Result));
}

void FHelpshiftTSEditorTester::HandleLog(const FString& Level, const FString& Message) const
{
	// Already redacted by TypeScript (no secret, JWT or session token).
	if (Level == TEXT("error"))
	{
		UE_LOG(LogHelpshiftTS, Error, TEXT("[editor tester] %s"), *Message);
	}
	else if (Level == TEXT("warn"))
	{
		UE_LOG(LogHelpshiftTS, Warning, TEXT("[editor tester] %s"), *Message);
	}
	else
	{
		UE_LOG(LogHelpshiftTS, Log, TEXT("[editor tester] %s"), *Message);
	}
}
