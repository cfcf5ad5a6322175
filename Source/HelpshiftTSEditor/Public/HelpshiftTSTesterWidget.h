// The login tester as an Editor Utility Widget: the C++ base class of EUW_HelpshiftLoginTester (made by Tools →
// HelpshiftTS → Create Login Tester Widget). It is one more client of the editor's one tester
// (FHelpshiftTSEditorTester::Get(): the same JsEnv, view-model and bridge as the Slate tab), so the tab and every
// widget show the same session. Blueprint gets the actions, the form setters, the state (TesterState, refreshed
// on the frame after TypeScript published it) and On Tester State Changed. A designer's layout is wired by name:
// each optional slot below (meta = BindWidgetOptional) that the widget tree holds under that name is wired in
// NativeConstruct (buttons → actions, text boxes → form, text blocks ← state). When the tree holds none of them
// (a new EUW: an empty root), or a panel named DefaultLayoutHost, the default layout is built at run time.
#pragma once

#include "CoreMinimal.h"
#include "Containers/Ticker.h"
#include "EditorUtilityWidget.h"
#include "HelpshiftTSTesterWidget.generated.h"

class FHelpshiftTSEditorTester;
class UButton;
class UEditableTextBox;
class UMultiLineEditableTextBox;
class UPanelWidget;
class UTextBlock;
class UVerticalBox;
class UWidget;

/** The tester's inputs a Blueprint may read and set. The dev secret and the token are write-only (setters). */
USTRUCT(BlueprintType)
struct HELPSHIFTTSEDITOR_API FHelpshiftTSTesterForm
{
	GENERATED_BODY()

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString ServiceUrl;

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString AppId;

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString Uid;

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString Email;

	/** More identities, one identifier=value per line. */
	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString MoreIdentities;

	/** The login config as a JSON object, e.g. {"full_privacy_enabled": false}. */
	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString LoginConfigJson;

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString MasterAttributesJson;

	UPROPERTY(BlueprintReadWrite, Category = "HelpshiftTS Tester")
	FString AppAttributesJson;
};

/** What the tester shows, as TypeScript published it (every text already redacted: no secret, no token). */
USTRUCT(BlueprintType)
struct HELPSHIFTTSEDITOR_API FHelpshiftTSTesterState
{
	GENERATED_BODY()

	/** The tester's JsEnv runs (false until started, or when the bundle is missing: see StatusLine). */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	bool bRunning = false;

	/** notInitialized, loggedOut, loggingIn, loggedIn, refreshing or expired; empty before the first client. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString IdentityState;

	/** The client line in words, as on the web page: state, user, session time left, expiry. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString StatusLine;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString UserId;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	bool bAnonymous = false;

	/** Whole seconds the session had left when the state was published; -1 without a session. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	int32 SessionSecondsLeft = -1;

	/** The action running (login, mint, ...), empty when none. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString Busy;

	/** The last action's name, whether it succeeded, and what it did in words. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString LastResultAction;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	bool bLastResultOk = false;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString LastResultText;

	/** The token's inspection (the client's checks, identifiers, iat age, warnings) in words. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString InspectionText;

	/** Whether a token is set (minted or given) and its length: the token itself never leaves TypeScript. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	bool bHasToken = false;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	int32 TokenLength = 0;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	bool bSecretEntered = false;

	/** The service's clock against the editor's. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString ClockText;

	/** A problem with the command itself, or that a new service URL started a new client. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString Notice;

	/** The event log, newest first, one line each. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	TArray<FString> Events;

	/** Requests the tester's clients could not deliver (kept in the outbox and retried). */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	int32 Undelivered = 0;

	/**
	 * The attribute outbox, one line per key: pending first (queued, sending, waiting to retry with the attempt and
	 * why), then the keys the service answered for, newest first: "master first_name: sent",
	 * "master custom_user_fields.nope: refused: invalidData". Empty before the first push.
	 */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	TArray<FString> Outbox;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString ServiceUrl;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString AppId;

	/** The whole view state as TypeScript published it (the Slate tab shows this text). */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FString StateJson;
};

DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FHelpshiftTSTesterStateChangedEvent, const FHelpshiftTSTesterState&, NewState);

UCLASS(Blueprintable)
class HELPSHIFTTSEDITOR_API UHelpshiftTSTesterWidget : public UEditorUtilityWidget
{
	GENERATED_BODY()

public:
	// ---- actions: each sends the form (and a token set with Set Token, once) with the action -----------------

	/** Mints a token with the dev secret for the uid/email/more identities. */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void Mint();

	/** Inspects the current token (the client's checks, identifiers, iat age, warnings). */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void Inspect();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void LogIn();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void LogOut();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void AddIdentities();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void AppForeground();

	/** Renews the session now (the tester's token provider mints a fresh token with the dev secret). */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void RefreshNow();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void PushMasterAttributes();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void PushAppAttributes();

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void ClearEvents();

	// ---- the form --------------------------------------------------------------------------------------------

	/** Replaces every field of the form (the bound text boxes show it). */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetForm(const FHelpshiftTSTesterForm& NewForm);

	/** The form as it will be sent (read from the bound text boxes). */
	UFUNCTION(BlueprintPure, Category = "HelpshiftTS Tester")
	FHelpshiftTSTesterForm GetForm() const;

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetServiceUrl(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetAppId(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetUid(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetEmail(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetMoreIdentities(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetLoginConfigJson(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetMasterAttributesJson(const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetAppAttributesJson(const FString& Value);

	/** The app's dev secret (kept in memory, sent with each action, never stored or shown). */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetDevSecret(const FString& Secret);

	/**
	 * A token from elsewhere (your game's token endpoint): sent once, with the next action (e.g. Log In), and
	 * kept by the tester as its token until the next Mint or Set Token. Never stored or shown.
	 */
	UFUNCTION(BlueprintCallable, Category = "HelpshiftTS Tester")
	void SetToken(const FString& IdentityJwt);

	// ---- the state -------------------------------------------------------------------------------------------

	/** The state TypeScript last published, read on the frame after it was published. */
	UPROPERTY(Transient, BlueprintReadOnly, Category = "HelpshiftTS Tester")
	FHelpshiftTSTesterState TesterState;

	UFUNCTION(BlueprintPure, Category = "HelpshiftTS Tester")
	FHelpshiftTSTesterState GetTesterState() const;

	/** After TesterState changed: on the frame after TypeScript published (never inside your own call). */
	UPROPERTY(BlueprintAssignable, Category = "HelpshiftTS Tester", meta = (DisplayName = "On Tester State Changed"))
	FHelpshiftTSTesterStateChangedEvent OnTesterStateChanged;

	// ---- optional slots, wired by name (docs/unreal.md has the table) ----------------------------------------

	/** A panel to build the default layout into (so your own widgets can sit around it). */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UPanelWidget> DefaultLayoutHost;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UEditableTextBox> ServiceUrlInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UEditableTextBox> AppIdInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UEditableTextBox> DevSecretInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UEditableTextBox> UidInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UEditableTextBox> EmailInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UMultiLineEditableTextBox> MoreIdentitiesInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UMultiLineEditableTextBox> LoginConfigInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UMultiLineEditableTextBox> MasterAttributesInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UMultiLineEditableTextBox> AppAttributesInput;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> MintButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> InspectButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> LogInButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> LogOutButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> AddIdentitiesButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> AppForegroundButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> RefreshNowButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> PushMasterAttributesButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> PushAppAttributesButton;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UButton> ClearEventsButton;

	/** StatusLine (the client line). */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> StatusText;

	/** LastResultText. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> ResultText;

	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> InspectionText;

	/** ClockText, Notice and the undelivered count. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> DetailsText;

	/** The attribute outbox (Outbox), one key per line. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> OutboxText;

	/** The event log, newest first. */
	UPROPERTY(BlueprintReadOnly, Category = "HelpshiftTS Tester|Layout", meta = (BindWidgetOptional))
	TObjectPtr<UTextBlock> EventsText;

	virtual void BeginDestroy() override;

	// The bound buttons' OnClicked targets (UFUNCTIONs: dynamic delegates bind by name). Not for Blueprint; public
	// only because reflection reaches them anyway (Puerts, the harness glue).
	UFUNCTION()
	void HandleMintClicked();

	UFUNCTION()
	void HandleInspectClicked();

	UFUNCTION()
	void HandleLogInClicked();

	UFUNCTION()
	void HandleLogOutClicked();

	UFUNCTION()
	void HandleAddIdentitiesClicked();

	UFUNCTION()
	void HandleAppForegroundClicked();

	UFUNCTION()
	void HandleRefreshNowClicked();

	UFUNCTION()
	void HandlePushMasterAttributesClicked();

	UFUNCTION()
	void HandlePushAppAttributesClicked();

	UFUNCTION()
	void HandleClearEventsClicked();

protected:
	virtual TSharedRef<SWidget> RebuildWidget() override;
	virtual void NativeConstruct() override;
	virtual void NativeDestruct() override;

private:
	/** One action with the form (the bound text boxes read first) and, once, the token set with SetToken. */
	void SendAction(const TCHAR* Action);

	/** Assigns every null slot the widget of its name in the tree (when UMG did not bind it already). */
	void ResolveSlots();
	/** The default layout: into DefaultLayoutHost, or as the root when the tree holds none of the slots. */
	void BuildDefaultLayout();
	void BindSlots();
	void UnbindSlots();
	void ReadInputs();
	void WriteInputs();

	/** The tester published: read the state on the next frame (coalesced), never inside the caller's call. */
	void HandleTesterChanged();
	bool RefreshFromTester(float DeltaTime);
	void ApplyState(const FHelpshiftTSTesterState& NewState);
	void Subscribe();
	void Unsubscribe();

	/** The editor's tester; weak: the module may stop it while this widget lives. */
	TWeakPtr<FHelpshiftTSEditorTester> Tester;
	FDelegateHandle TesterHandle;
	FTSTicker::FDelegateHandle RefreshTicker;
	bool bRefreshPending = false;
	bool bFormInitialized = false;
	/** The tester was taken (once; see Subscribe). */
	bool bAcquired = false;

	/** Plain strings, no UObject: not a UPROPERTY, so the dev secret is never serialized with the widget. */
	FHelpshiftTSTesterForm Form;
	FString DevSecret;
	FString PendingToken;
};

/** The view state JSON TypeScript publishes, read into the widget's state (its "widget" section). */
namespace HelpshiftTSTesterState
{
	HELPSHIFTTSEDITOR_API FHelpshiftTSTesterState FromJson(const FString& StateJson, bool bRunning);
}
