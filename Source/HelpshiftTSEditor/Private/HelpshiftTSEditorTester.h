// The editor's login tester runtime: its own Puerts FJsEnv (apart from any game's UHelpshiftTSSubsystem env)
// running HelpshiftTS/editor-tester with a UHelpshiftTSEditorBridge. No tester logic here: each button sends one
// JSON command (the action and every input's text); TypeScript answers with the whole view state as JSON text,
// kept here for the tab to display. HTTP completions are marshalled onto the game thread; files live under
// Saved/HelpshiftTS/EditorTester, so the tester's dev state never mixes with the game's.
//
// One tester for the whole editor (Get()): the Slate tab and every Editor Utility Widget derived from
// UHelpshiftTSTesterWidget are its clients. Each client keeps its own inputs and sends them with each action;
// all of them show the one view state, and OnStateChanged tells them when TypeScript published a new one.
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
	/**
	 * A token to use instead of the form's (a game's own token, set from Blueprint): sent with the next action
	 * only when not empty, never stored; TypeScript keeps it as the form's token (as if pasted).
	 */
	FString Token;
};

/** TypeScript published a new view state (GetDisplayText), or the tester started or stopped. Game thread. */
DECLARE_MULTICAST_DELEGATE(FHelpshiftTSTesterStateChanged);

class FHelpshiftTSEditorTester
{
public:
	~FHelpshiftTSEditorTester();

	/** The editor's one tester, made on first use (not started: see EnsureStarted). */
	static TSharedRef<FHelpshiftTSEditorTester> Get();

	/** Stops and forgets the editor's tester (module shutdown); clients holding a TWeakPtr see it gone. */
	static void ShutdownShared();

	/** The inputs a client starts with: Project Settings' service URL and app id, else the local defaults. */
	static FHelpshiftTSTesterInputs DefaultInputs();

	/** Starts the tester unless it runs (first open, or the bundle was missing last time); true when running. */
	bool EnsureStarted();

	/** Creates the bridge and the JsEnv and starts the tester module; false when the bundle did not start. */
	bool Start();

	/** Tells TypeScript to dispose, cancels HTTP, destroys the JsEnv. Nothing reaches the tab afterwards. */
	void Stop();

	bool IsRunning() const;

	/** One button press: Action (HelpshiftTSEditorAction) with every input's text. */
	void SendAction(const FString& Action, const FHelpshiftTSTesterInputs& Inputs);

	/** What the tab shows: the last view state TypeScript published, or why the tester is not running. */
	const FString& GetDisplayText() const { return DisplayText; }

	/** Broadcast (game thread) after DisplayText changed; it may run inside a client's SendAction. */
	FHelpshiftTSTesterStateChanged OnStateChanged;

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
	void SetDisplayText(const FString& Text);

	TSharedPtr<PUERTS_NAMESPACE::FJsEnv> JsEnv;
	/** Not owned by any UObject, so held strongly here: the GC must not collect it while TypeScript uses it. */
	TStrongObjectPtr<UHelpshiftTSEditorBridge> Bridge;
	/** The HTTP requests TypeScript started, in flight. */
	FHelpshiftTSHttp Http;
	FString DisplayText;
	bool bReady = false;
	bool bStopped = false;
};
