// The one UObject the editor's login tester hands to its own JsEnv (argv "Bridge"), apart from the game's
// UHelpshiftTSBridge so the tester's dev state never mixes with the game's. C++ → TS: the OnCommand delegate
// (same signature as the runtime's), bound by HelpshiftTS/editor-tester. TS → C++: the UFUNCTIONs below, data as
// JSON text. Every UFUNCTION here is declared in Typing/ue/editor.d.ts with the same parameters
// (test/consistency checks it).
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftTSBridge.h"
#include "UObject/Object.h"
#include "HelpshiftTSEditorBridge.generated.h"

class FHelpshiftTSEditorTester;
struct FHelpshiftTSHttpResult;

UCLASS()
class HELPSHIFTTSEDITOR_API UHelpshiftTSEditorBridge : public UObject
{
	GENERATED_BODY()

public:
	/** Bound by TypeScript (HelpshiftTS/editor-tester); executed by the tester on the game thread. */
	UPROPERTY()
	FHelpshiftTSCommandDelegate OnCommand;

	/** The tester that owns this bridge; it calls Detach before it goes away. */
	void SetOwner(FHelpshiftTSEditorTester* InOwner);

	/** Forgets the owner: every UFUNCTION becomes a no-op (the JsEnv is going away). */
	void Detach();

	/** An HTTP request finished (game thread); forwarded to the owner, which answers TypeScript. */
	void DeliverHttpResponse(int32 RequestId, const FHelpshiftTSHttpResult& Result);

	/** The entry module bound OnCommand: the tab's buttons may send commands. */
	UFUNCTION()
	void NotifyReady();

	/** The whole view state as JSON text (no secret, no token); the tab displays it as it is. */
	UFUNCTION()
	void PublishState(const FString& StateJson);

	/** FHttpModule request; the answer comes back as the httpResponse command with the same id. */
	UFUNCTION()
	void SendHttpRequest(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson, const FString& Body);

	/** Reads Saved/HelpshiftTS/EditorTester/<Key>; false when absent or the key is not file-name safe. */
	UFUNCTION()
	bool LoadValue(const FString& Key, FString& Value);

	UFUNCTION()
	bool SaveValue(const FString& Key, const FString& Value);

	UFUNCTION()
	bool RemoveValue(const FString& Key);

	/** Count random bytes from the OS cryptographic generator as lowercase hex (2 * Count characters); "" if it fails. */
	/** FPlatformTime::Seconds: the engine's monotonic clock, so the client can tell a wall-clock jump or a suspend. */
	UFUNCTION()
	double MonotonicSeconds();

	UFUNCTION()
	FString RandomBytesHex(int32 Count);

	/** Level: debug, info, warn or error. Already redacted by TypeScript. */
	UFUNCTION()
	void WriteLog(const FString& Level, const FString& Message);

private:
	FHelpshiftTSEditorTester* Owner = nullptr;
};
