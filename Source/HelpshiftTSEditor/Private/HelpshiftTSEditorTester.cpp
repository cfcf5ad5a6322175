#include "HelpshiftTSEditorTester.h"

#include "Async/Async.h"
#include "Dom/JsonObject.h"
#include "HelpshiftConfigJson.h"
#include "HelpshiftTSConstants.h"
#include "HelpshiftTSEditorBridge.h"
#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSEditorModuleLoader.h"
#include "HelpshiftTSModule.h"
#include "HttpModule.h"
#include "Interfaces/IHttpResponse.h"
#include "JsEnv.h"
#include "Misc/Paths.h"
#include "Policies/CondensedJsonPrintPolicy.h"
#include "Serialization/JsonSerializer.h"
#include "Serialization/JsonWriter.h"

namespace
{
	FString WriteJson(const TSharedRef<FJsonObject>& Object)
	{
		FString Out;
		const TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>> Writer =
			TJsonWriterFactory<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>::Create(&Out);
		FJsonSerializer::Serialize(Object, Writer);
		return Out;
	}

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
		Form->SetStringField(TEXT("attributes"), Inputs.AttributesJson);
		const TSharedRef<FJsonObject> Payload = MakeShared<FJsonObject>();
		Payload->SetStringField(TEXT("action"), Action);
		Payload->SetObjectField(TEXT("form"), Form);
		return WriteJson(Payload);
	}

	/** {"status": n, "body": "..."} or {"error": "..."}: TypeScript/ue/messages.ts HttpResponsePayloadSchema. */
	FString HttpAnswer(bool bConnected, int32 Status, const FString& Body)
	{
		const TSharedRef<FJsonObject> Answer = MakeShared<FJsonObject>();
		if (!bConnected)
		{
			Answer->SetStringField(TEXT("error"), TEXT("network"));
		}
		else
		{
			Answer->SetNumberField(TEXT("status"), Status);
			Answer->SetStringField(TEXT("body"), Body);
		}
		return WriteJson(Answer);
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
	const FString ScriptDir = FHelpshiftTSEditorModuleLoader::FindPluginScriptDir();
	JsEnv = MakeShared<puerts::FJsEnv>(std::make_shared<FHelpshiftTSEditorModuleLoader>(ScriptDir), std::make_shared<puerts::FDefaultLogger>(), -1);
	TArray<TPair<FString, UObject*>> Arguments;
	Arguments.Add(TPair<FString, UObject*>(HelpshiftTSEditorScript::BridgeArgument, Bridge.Get()));
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
		SendCommand(0, HelpshiftTSCommand::Dispose, TEXT("{}"));
	}
	bStopped = true;
	bReady = false;
	for (TPair<int32, FHttpRequestPtr>& Entry : PendingHttp)
	{
		if (Entry.Value.IsValid())
		{
			Entry.Value->OnProcessRequestComplete().Unbind();
			Entry.Value->CancelRequest();
		}
	}
	PendingHttp.Empty();
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
	const FHttpRequestRef Request = FHttpModule::Get().CreateRequest();
	Request->SetVerb(Method);
	Request->SetURL(Url);
	TMap<FString, FString> Headers;
	HelpshiftConfigJson::StringMapFromJson(HeadersJson, Headers);
	for (const TPair<FString, FString>& Header : Headers)
	{
		Request->SetHeader(Header.Key, Header.Value);
	}
	if (!Body.IsEmpty())
	{
		Request->SetContentAsString(Body);
	}
	TWeakObjectPtr<UHelpshiftTSEditorBridge> WeakBridge(Bridge.Get());
	Request->OnProcessRequestComplete().BindLambda(
		[WeakBridge, RequestId](FHttpRequestPtr, FHttpResponsePtr Response, bool bConnectedSuccessfully) {
			// The HTTP module may complete on its own thread; TypeScript lives on the game thread.
			AsyncTask(ENamedThreads::GameThread, [WeakBridge, RequestId, Response, bConnectedSuccessfully]() {
				UHelpshiftTSEditorBridge* EditorBridge = WeakBridge.Get();
				if (!EditorBridge)
				{
					return;
				}
				const bool bConnected = bConnectedSuccessfully && Response.IsValid();
				EditorBridge->DeliverHttpResponse(RequestId, bConnected, bConnected ? Response->GetResponseCode() : 0,
					bConnected ? Response->GetContentAsString() : FString());
			});
		});
	PendingHttp.Add(RequestId, Request);
	if (!Request->ProcessRequest())
	{
		PendingHttp.Remove(RequestId);
		SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HttpAnswer(false, 0, FString()));
	}
}

void FHelpshiftTSEditorTester::DeliverHttpResponse(int32 RequestId, bool bConnected, int32 Status, const FString& Body)
{
	if (bStopped || !PendingHttp.Contains(RequestId))
	{
		return;
	}
	PendingHttp.Remove(RequestId);
	SendCommand(RequestId, HelpshiftTSCommand::HttpResponse, HttpAnswer(bConnected, Status, Body));
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
