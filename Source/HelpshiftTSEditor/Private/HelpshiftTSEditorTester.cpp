#include "HelpshiftTSEditorTester.h"

#include "Dom/JsonObject.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEditorBridge.h"
#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSPayload.h"
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
		const TSharedRef<FJsonObject> Payload = MakeShared<FJsonObject>();
		Payload->SetStringField(TEXT("action"), Action);
		Payload->SetObjectField(TEXT("form"), Form);
		return HelpshiftTSPayload::Write(Payload);
	}
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
	if (!bReady)
	{
		DisplayText = FString(HelpshiftTSEditorScript::TesterModule) +
			TEXT(" did not start: run `npm run build` in the plugin folder, then reopen this tab.");
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
		DisplayText = StateJson;
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
