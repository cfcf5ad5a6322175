// The editor's login tester runtime: its own Puerts FJsEnv (apart from any game's UHelpshiftTSSubsystem env)
// running HelpshiftTS/editor-tester with a UHelpshiftTSEditorBridge. No tester logic here: each button sends one
// JSON command (the action and every input's text); TypeScript answers with the whole view state as JSON text,
// kept here for the tab to display. HTTP completions are marshalled onto the game thread; files live under
// Saved/HelpshiftTS/EditorTester, so the tester's dev state never mixes with the game's.
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftTSHttp.h"
#include "PuertsNamespaceDef.h"
#include "UObject/StrongObjectPtr.h"

class UHelpshiftTSEditorBridge;

namespace PUERTS_NAMESPACE
{
	class FJsEnv;
}

/** The tab's inputs, as typed. */
struct FHelpshiftTSTesterInputs
{
	FString ServiceUrl;
	FString AppId;
	/** The dev secret: sent to TypeScript with each command, never stored or logged on either side. */
	FString Secret;
	FString Uid;
	FString Email;
	/** Extra identities, one identifier=value per line. */
	FString Identity;
	FString ConfigJson;
	/** The master and app attribute maps as JSON objects, each pushed by its own button. */
	FString MasterAttributesJson;
	FString AppAttributesJson;
};

class FHelpshiftTSEditorTester
{
public:
	~FHelpshiftTSEditorTester();

	/** Creates the bridge and the JsEnv and starts the tester module; false when the bundle did not start. */
	bool Start();

	/** Tells TypeScript to dispose, cancels HTTP, destroys the JsEnv. Nothing reaches the tab afterwards. */
	void Stop();

	bool IsRunning() const;

	/** One button press: Action (HelpshiftTSEditorAction) with every input's text. */
	void SendAction(const FString& Action, const FHelpshiftTSTesterInputs& Inputs);

	/** What the tab shows: the last view state TypeScript published, or why the tester is not running. */
	const FString& GetDisplayText() const { return DisplayText; }

	/** Saved/HelpshiftTS/EditorTester: the tester's own store folder. */
	FString GetStorageDir() const;

	// Called by UHelpshiftTSEditorBridge (game thread, from TypeScript or an HTTP completion).
	void HandleReady();
	void HandleState(const FString& StateJson);
	void HandleHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body);
	void DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result);
	void HandleLog(const FString& Level, const FString& Message) const;

private:
	void SendCommand(int32 RequestId, const FString& Command, const FString& PayloadJson);

	TSharedPtr<PUERTS_NAMESPACE::FJsEnv> JsEnv;
	/** Not owned by any UObject, so held strongly here: the GC must not collect it while TypeScript uses it. */
	TStrongObjectPtr<UHelpshiftTSEditorBridge> Bridge;
	/** The HTTP requests TypeScript started, in flight. */
	FHelpshiftTSHttp Http;
	FString DisplayText;
	bool bReady = false;
	bool bStopped = false;
};
