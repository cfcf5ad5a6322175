#include "HelpshiftConfigJson.h"

#include "Dom/JsonObject.h"
#include "Dom/JsonValue.h"
#include "HelpshiftTSPayload.h"
#include "Serialization/JsonReader.h"
#include "Serialization/JsonSerializer.h"
#include "Serialization/JsonWriter.h"
#include "Policies/CondensedJsonPrintPolicy.h"

namespace
{
	/** Arrays only: objects go through HelpshiftTSPayload::Write. */
	using FCondensedWriterFactory = TJsonWriterFactory<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>;

	/** Nested values are stored as JSON text; parse them back so they nest as JSON, not as escaped strings. */
	TSharedPtr<FJsonValue> ParseNested(const FHelpshiftConfigParameter& Parameter)
	{
		if (Parameter.Value.GetType() != EVariantTypes::String)
		{
			return MakeShared<FJsonValueNull>();
		}
		TSharedPtr<FJsonValue> Parsed;
		const TSharedRef<TJsonReader<TCHAR>> Reader = TJsonReaderFactory<TCHAR>::Create(Parameter.Value.GetValue<FString>());
		if (!FJsonSerializer::Deserialize(Reader, Parsed) || !Parsed.IsValid())
		{
			return MakeShared<FJsonValueNull>();
		}
		return Parsed;
	}
}

TSharedPtr<FJsonValue> HelpshiftConfigJson::ToJsonValue(const FHelpshiftConfigParameter& Parameter)
{
	const EVariantTypes Held = Parameter.Value.GetType();
	switch (Parameter.Type)
	{
	case EHelpshiftConfigParameterType::String:
		if (Held == EVariantTypes::String)
		{
			return MakeShared<FJsonValueString>(Parameter.Value.GetValue<FString>());
		}
		break;
	case EHelpshiftConfigParameterType::Bool:
		if (Held == EVariantTypes::Bool)
		{
			return MakeShared<FJsonValueBoolean>(Parameter.Value.GetValue<bool>());
		}
		break;
	case EHelpshiftConfigParameterType::Integer:
		if (Held == EVariantTypes::Int32)
		{
			return MakeShared<FJsonValueNumber>(static_cast<double>(Parameter.Value.GetValue<int32>()));
		}
		break;
	case EHelpshiftConfigParameterType::Float:
		if (Held == EVariantTypes::Float)
		{
			return MakeShared<FJsonValueNumber>(static_cast<double>(Parameter.Value.GetValue<float>()));
		}
		break;
	case EHelpshiftConfigParameterType::Array:
	case EHelpshiftConfigParameterType::Map:
		return ParseNested(Parameter);
	case EHelpshiftConfigParameterType::Null:
		break;
	}
	// Null, or a type tag that disagrees with the variant, travels as null: TypeScript reports invalidValueType.
	return MakeShared<FJsonValueNull>();
}

FString HelpshiftConfigJson::ToJson(const TMap<FString, FHelpshiftConfigParameter>& Parameters)
{
	const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	for (const TPair<FString, FHelpshiftConfigParameter>& Entry : Parameters)
	{
		Object->SetField(Entry.Key, ToJsonValue(Entry.Value));
	}
	return HelpshiftTSPayload::Write(Object);
}

FString HelpshiftConfigJson::ArrayToJson(const TArray<FHelpshiftConfigParameter>& Values)
{
	TArray<TSharedPtr<FJsonValue>> Items;
	for (const FHelpshiftConfigParameter& Value : Values)
	{
		Items.Add(ToJsonValue(Value));
	}
	FString Out;
	const TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>> Writer = FCondensedWriterFactory::Create(&Out);
	FJsonSerializer::Serialize(Items, Writer);
	return Out;
}

namespace
{
	/** Parses every item; false (and a partial OutValues) at the first unsupported one. */
	bool ParseItems(const TArray<TSharedPtr<FJsonValue>>& Items, TArray<FHelpshiftConfigParameter>& OutValues)
	{
		for (const TSharedPtr<FJsonValue>& Item : Items)
		{
			FHelpshiftConfigParameter Parsed;
			if (!HelpshiftConfigJson::FromJsonValue(Item, Parsed))
			{
				return false;
			}
			OutValues.Add(Parsed);
		}
		return true;
	}

	/** Parses every entry of an object; false at the first unsupported value. */
	bool ParseEntries(const FJsonObject& Object, TMap<FString, FHelpshiftConfigParameter>& OutEntries)
	{
		for (const TPair<FString, TSharedPtr<FJsonValue>>& Entry : Object.Values)
		{
			FHelpshiftConfigParameter Parsed;
			if (!HelpshiftConfigJson::FromJsonValue(Entry.Value, Parsed))
			{
				return false;
			}
			OutEntries.Add(Entry.Key, Parsed);
		}
		return true;
	}
}

bool HelpshiftConfigJson::FromJsonValue(const TSharedPtr<FJsonValue>& JsonValue, FHelpshiftConfigParameter& OutParameter)
{
	if (!JsonValue.IsValid())
	{
		return false;
	}
	switch (JsonValue->Type)
	{
	case EJson::String:
		OutParameter = FHelpshiftConfigParameter::MakeString(JsonValue->AsString());
		return true;
	case EJson::Boolean:
		OutParameter = FHelpshiftConfigParameter::MakeBool(JsonValue->AsBool());
		return true;
	case EJson::Number:
	{
		// The vendor's value types: a whole number in int32's range is an Integer, anything else a Float.
		const double Number = JsonValue->AsNumber();
		if (FMath::IsFinite(Number) && FMath::FloorToDouble(Number) == Number && Number >= MIN_int32 && Number <= MAX_int32)
		{
			OutParameter = FHelpshiftConfigParameter::MakeInteger(static_cast<int32>(Number));
		}
		else
		{
			OutParameter = FHelpshiftConfigParameter::MakeFloat(static_cast<float>(Number));
		}
		return true;
	}
	case EJson::Null:
		OutParameter = FHelpshiftConfigParameter::MakeNull();
		return true;
	case EJson::Array:
	{
		TArray<FHelpshiftConfigParameter> Items;
		if (!ParseItems(JsonValue->AsArray(), Items))
		{
			return false;
		}
		OutParameter = FHelpshiftConfigParameter::MakeArray(Items);
		return true;
	}
	case EJson::Object:
	{
		TMap<FString, FHelpshiftConfigParameter> Entries;
		if (!ParseEntries(*JsonValue->AsObject(), Entries))
		{
			return false;
		}
		OutParameter = FHelpshiftConfigParameter::MakeMap(Entries);
		return true;
	}
	default:
		return false;
	}
}

bool HelpshiftConfigJson::MapFromJson(const FString& Json, TMap<FString, FHelpshiftConfigParameter>& OutParameters)
{
	TSharedPtr<FJsonObject> Object;
	const TSharedRef<TJsonReader<TCHAR>> Reader = TJsonReaderFactory<TCHAR>::Create(Json);
	if (!FJsonSerializer::Deserialize(Reader, Object) || !Object.IsValid())
	{
		return false;
	}
	OutParameters.Reset();
	return ParseEntries(*Object, OutParameters);
}

bool HelpshiftConfigJson::ArrayFromJson(const FString& Json, TArray<FHelpshiftConfigParameter>& OutValues)
{
	TArray<TSharedPtr<FJsonValue>> Items;
	const TSharedRef<TJsonReader<TCHAR>> Reader = TJsonReaderFactory<TCHAR>::Create(Json);
	if (!FJsonSerializer::Deserialize(Reader, Items))
	{
		return false;
	}
	OutValues.Reset();
	return ParseItems(Items, OutValues);
}

bool HelpshiftConfigJson::StringMapFromJson(const FString& Json, TMap<FString, FString>& OutMap)
{
	TSharedPtr<FJsonObject> Object;
	const TSharedRef<TJsonReader<TCHAR>> Reader = TJsonReaderFactory<TCHAR>::Create(Json);
	if (!FJsonSerializer::Deserialize(Reader, Object) || !Object.IsValid())
	{
		return false;
	}
	OutMap.Reset();
	for (const TPair<FString, TSharedPtr<FJsonValue>>& Entry : Object->Values)
	{
		FString Text;
		if (Entry.Value.IsValid() && Entry.Value->TryGetString(Text))
		{
			OutMap.Add(Entry.Key, Text);
		}
	}
	return true;
}
