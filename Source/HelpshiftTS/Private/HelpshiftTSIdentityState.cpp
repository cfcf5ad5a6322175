#include "HelpshiftTSIdentityState.h"

#include "Dom/JsonObject.h"
#include "Dom/JsonValue.h"
#include "Serialization/JsonReader.h"
#include "Serialization/JsonSerializer.h"

namespace
{
	/** The field when it is of Type; null otherwise. */
	TSharedPtr<FJsonValue> Field(const FJsonObject& Object, const TCHAR* Name, EJson Type)
	{
		const TSharedPtr<FJsonValue>* Found = Object.Values.Find(Name);
		return Found && Found->IsValid() && (*Found)->Type == Type ? *Found : TSharedPtr<FJsonValue>();
	}

	bool ParseState(const FString& Name, EHelpshiftIdentityState& Out)
	{
		static const TPair<const TCHAR*, EHelpshiftIdentityState> Names[] = {
			{TEXT("notInitialized"), EHelpshiftIdentityState::NotInitialized},
			{TEXT("loggedOut"), EHelpshiftIdentityState::LoggedOut},
			{TEXT("loggingIn"), EHelpshiftIdentityState::LoggingIn},
			{TEXT("loggedIn"), EHelpshiftIdentityState::LoggedIn},
			{TEXT("refreshing"), EHelpshiftIdentityState::Refreshing},
			{TEXT("expired"), EHelpshiftIdentityState::Expired},
		};
		for (const TPair<const TCHAR*, EHelpshiftIdentityState>& Entry : Names)
		{
			if (Name.Equals(Entry.Key, ESearchCase::CaseSensitive))
			{
				Out = Entry.Value;
				return true;
			}
		}
		return false;
	}
}

bool FHelpshiftIdentityState::FromJson(const FString& Json, FHelpshiftIdentityState& Out)
{
	TSharedPtr<FJsonObject> Object;
	const TSharedRef<TJsonReader<>> Reader = TJsonReaderFactory<>::Create(Json);
	FString StateName;
	FHelpshiftIdentityState Parsed;
	if (!FJsonSerializer::Deserialize(Reader, Object) || !Object.IsValid() || !Object->TryGetStringField(TEXT("state"), StateName) ||
		!ParseState(StateName, Parsed.State))
	{
		return false;
	}
	Object->TryGetStringField(TEXT("userId"), Parsed.UserId);
	Object->TryGetStringField(TEXT("refreshReason"), Parsed.RefreshReason);
	const TSharedPtr<FJsonValue> Anonymous = Field(*Object, TEXT("anonymous"), EJson::Boolean);
	if (Anonymous.IsValid())
	{
		Parsed.bAnonymous = Anonymous->AsBool();
	}
	const TSharedPtr<FJsonValue> ExpiresAt = Field(*Object, TEXT("expiresAt"), EJson::Number);
	if (ExpiresAt.IsValid())
	{
		Parsed.ExpiresAtUnixMs = static_cast<int64>(ExpiresAt->AsNumber());
	}
	Out = Parsed;
	return true;
}
