// Project Settings → Plugins → HelpshiftTS. Install config defaults; Init parameters win over them.
#pragma once

#include "CoreMinimal.h"
#include "Engine/DeveloperSettings.h"
#include "HelpshiftTSSettings.generated.h"

/** Lowest level sent to the output log. Default: the SDK's default (info). */
UENUM()
enum class EHelpshiftTSLogLevel : uint8
{
	Default,
	Debug,
	Info,
	Warn,
	Error,
};

UCLASS(Config = Game, DefaultConfig, meta = (DisplayName = "HelpshiftTS"))
class HELPSHIFTTS_API UHelpshiftTSSettings : public UDeveloperSettings
{
	GENERATED_BODY()

public:
	UHelpshiftTSSettings();

	/** Base URL of the identity service, e.g. http://127.0.0.1:8787. */
	UPROPERTY(Config, EditAnywhere, Category = "Service")
	FString ServiceUrl;

	/** The app id registered with the service. */
	UPROPERTY(Config, EditAnywhere, Category = "Service")
	FString AppId;

	/** Attribute batch flush interval, milliseconds (0: the SDK default, 30000). */
	UPROPERTY(Config, EditAnywhere, Category = "Attributes", meta = (ClampMin = "0"))
	int32 FlushIntervalMs = 0;

	/** refreshUserCredentials lead before session expiry, seconds (0: the SDK default, 48 h). */
	UPROPERTY(Config, EditAnywhere, Category = "Session", meta = (ClampMin = "0"))
	int32 RefreshLeadSeconds = 0;

	/** Custom user fields defined as multiline on the dashboard (values up to 100000 characters). */
	UPROPERTY(Config, EditAnywhere, Category = "Attributes")
	TArray<FString> MultilineCustomFields;

	/**
	 * Ask the game for fresh identity tokens (the identityTokenRequested event, answered with ProvideIdentityToken)
	 * so sessions are renewed in place before they lapse.
	 */
	UPROPERTY(Config, EditAnywhere, Category = "Session")
	bool bRequestIdentityTokens = false;

	/** Lowest log level sent to the output log (a list, so it cannot be mistyped). */
	UPROPERTY(Config, EditAnywhere, Category = "Diagnostics")
	EHelpshiftTSLogLevel LogLevel = EHelpshiftTSLogLevel::Default;

	/** The settings as the init command's "settings" JSON object (unset fields left out). */
	FString ToJson() const;

	/** ServiceUrl and AppId are both set: the subsystem initializes from these settings alone when it starts. */
	bool IsComplete() const;

	/** The contract's name of a level ("debug", "info", "warn", "error"); empty for Default. */
	static const TCHAR* LogLevelName(EHelpshiftTSLogLevel Level);

	virtual FName GetCategoryName() const override;
};
