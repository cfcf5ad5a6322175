#include "HelpshiftTSPayload.h"

#include "Dom/JsonObject.h"
#include "Dom/JsonValue.h"
#include "HelpshiftTSHttp.h"
#include "Serialization/JsonReader.h"
#include "Serialization/JsonSerializer.h"
#include "Serialization/JsonWriter.h"
#include "Policies/CondensedJsonPrintPolicy.h"

namespace
{
	/** Embeds caller JSON as a value; text that does not parse travels as null and TypeScript rejects it. */
	TSharedPtr<FJsonValue> ParseOrNull(const FString& Json)
	{
		TSharedPtr<FJsonValue> Value;
		const TSharedRef<TJsonReader<TCHAR>> Reader = TJsonReaderFactory<TCHAR>::Create(Json);
		if (Json.IsEmpty() || !FJsonSerializer::Deserialize(Reader, Value) || !Value.IsValid())
		{
			return MakeShared<FJsonValueNull>();
		}
		return Value;
	}
}

FString HelpshiftTSPayload::Write(const TSharedRef<FJsonObject>& Object)
{
	FString Out;
	const TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>> Writer =
		TJsonWriterFactory<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>::Create(&Out);
	FJsonSerializer::Serialize(Object, Writer);
	return Out;
}

FString HelpshiftTSPayload::Init(const FString& SettingsJson, const FString& ParametersJson)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetField(TEXT("settings"), ParseOrNull(SettingsJson));
	Object->SetField(TEXT("parameters"), ParseOrNull(ParametersJson.IsEmpty() ? TEXT("{}") : ParametersJson));
	return Write(Object);
}

FString HelpshiftTSPayload::Login(const FString& IdentityJWT, const FString& LoginConfigJson)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetStringField(TEXT("jwt"), IdentityJWT);
	Object->SetField(TEXT("config"), ParseOrNull(LoginConfigJson.IsEmpty() ? TEXT("{}") : LoginConfigJson));
	return Write(Object);
}

FString HelpshiftTSPayload::Token(const FString& IdentityJWT)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetStringField(TEXT("jwt"), IdentityJWT);
	return Write(Object);
}

FString HelpshiftTSPayload::Attributes(const FString& AttributesJson)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetField(TEXT("attributes"), ParseOrNull(AttributesJson));
	return Write(Object);
}

FString HelpshiftTSPayload::HttpAnswer(const FHelpshiftTSHttpResult& Result)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	if (!Result.Error.IsEmpty())
	{
		Object->SetStringField(TEXT("error"), Result.Error);
	}
	else
	{
		Object->SetNumberField(TEXT("status"), Result.Status);
		Object->SetStringField(TEXT("body"), Result.Body);
		if (Result.Headers.Num() > 0)
		{
			const TSharedRef<FJsonObject> Headers = MakeShared<FJsonObject>();
			for (const TPair<FString, FString>& Header : Result.Headers)
			{
				Headers->SetStringField(Header.Key, Header.Value);
			}
			Object->SetObjectField(TEXT("headers"), Headers);
		}
	}
	return Write(Object);
}

FString HelpshiftTSPayload::TokenAnswer(const FString& IdentityJWT, int32 TokenRequestId)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetStringField(TEXT("jwt"), IdentityJWT);
	if (TokenRequestId != 0)
	{
		Object->SetNumberField(TEXT("requestId"), TokenRequestId);
	}
	return Write(Object);
}

FString HelpshiftTSPayload::Flag(const TCHAR* Name, bool bValue)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	Object->SetBoolField(Name, bValue);
	return Write(Object);
}

FString HelpshiftTSPayload::Empty()
{
	return TEXT("{}");
}
