#include "HelpshiftTSSettings.h"

#include "Dom/JsonObject.h"
#include "Dom/JsonValue.h"
#include "HelpshiftTSPayload.h"

UHelpshiftTSSettings::UHelpshiftTSSettings()
{
}

FName UHelpshiftTSSettings::GetCategoryName() const
{
	return TEXT("Plugins");
}

FString UHelpshiftTSSettings::ToJson() const
{
	// Zero and empty mean "unset": TypeScript applies the SDK defaults from the contract.
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	if (!ServiceUrl.IsEmpty())
	{
		Object->SetStringField(TEXT("serviceUrl"), ServiceUrl);
	}
	if (!AppId.IsEmpty())
	{
		Object->SetStringField(TEXT("appId"), AppId);
	}
	if (FlushIntervalMs > 0)
	{
		Object->SetNumberField(TEXT("flushIntervalMs"), FlushIntervalMs);
	}
	if (RefreshLeadSeconds > 0)
	{
		Object->SetNumberField(TEXT("refreshLeadSeconds"), RefreshLeadSeconds);
	}
	if (MultilineCustomFields.Num() > 0)
	{
		TArray<TSharedPtr<FJsonValue>> Fields;
		for (const FString& Field : MultilineCustomFields)
		{
			Fields.Add(MakeShared<FJsonValueString>(Field));
		}
		Object->SetArrayField(TEXT("multilineCustomFields"), Fields);
	}
	if (bRequestIdentityTokens)
	{
		Object->SetBoolField(TEXT("requestIdentityTokens"), true);
	}
	if (LogLevel != EHelpshiftTSLogLevel::Default)
	{
		Object->SetStringField(TEXT("logLevel"), LogLevelName(LogLevel));
	}
	return HelpshiftTSPayload::Write(Object);
}

bool UHelpshiftTSSettings::IsComplete() const
{
	return !ServiceUrl.IsEmpty() && !AppId.IsEmpty();
}

const TCHAR* UHelpshiftTSSettings::LogLevelName(EHelpshiftTSLogLevel Level)
{
	switch (Level)
	{
	case EHelpshiftTSLogLevel::Debug:
		return TEXT("debug");
	case EHelpshiftTSLogLevel::Info:
		return TEXT("info");
	case EHelpshiftTSLogLevel::Warn:
		return TEXT("warn");
	case EHelpshiftTSLogLevel::Error:
		return TEXT("error");
	default:
		return TEXT("");
	}
}
