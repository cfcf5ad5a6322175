// The stand-in engine's Json module: FJsonValue/FJsonObject, a reader, the condensed writer and FJsonSerializer,
// real (RFC 8259 text), with the engine's behaviour where it shows: field names case-insensitive (TMap<FString>),
// whole numbers written without a fraction, Deserialize of an object refusing any other top-level value.
#include <cmath>
#include <cstdio>

#include "Dom/JsonObject.h"
#include "Dom/JsonValue.h"
#include "Policies/CondensedJsonPrintPolicy.h"
#include "Serialization/JsonReader.h"
#include "Serialization/JsonSerializer.h"
#include "Serialization/JsonWriter.h"

FString FJsonValue::AsString() const
{
	FString Out;
	TryGetString(Out);
	return Out;
}
double FJsonValue::AsNumber() const { return Type == EJson::Number ? HsNumber : Type == EJson::Boolean ? (HsBool ? 1 : 0) : 0; }
bool FJsonValue::AsBool() const { return Type == EJson::Boolean ? HsBool : Type == EJson::Number ? HsNumber != 0 : false; }
const TArray<TSharedPtr<FJsonValue>>& FJsonValue::AsArray() const { return HsArray; }
const TSharedPtr<FJsonObject>& FJsonValue::AsObject() const { return HsObject; }
bool FJsonValue::TryGetString(FString& OutString) const
{
	// The engine converts numbers and booleans to strings too (FJsonValueNumber::TryGetString).
	switch (Type)
	{
	case EJson::String:
		OutString = HsString;
		return true;
	case EJson::Boolean:
		OutString = HsBool ? TEXT("true") : TEXT("false");
		return true;
	case EJson::Number:
	{
		char Buffer[64];
		if (std::floor(HsNumber) == HsNumber && std::fabs(HsNumber) < 1e15)
			std::snprintf(Buffer, sizeof Buffer, "%.0f", HsNumber);
		else
			std::snprintf(Buffer, sizeof Buffer, "%f", HsNumber);
		OutString = HsEngine::Wide(Buffer);
		return true;
	}
	default:
		return false;
	}
}
bool FJsonValue::IsNull() const { return Type == EJson::Null || Type == EJson::None; }

FJsonValueString::FJsonValueString(const FString& InString) { Type = EJson::String; HsString = InString; }
FJsonValueNumber::FJsonValueNumber(double InNumber) { Type = EJson::Number; HsNumber = InNumber; }
FJsonValueBoolean::FJsonValueBoolean(bool InBool) { Type = EJson::Boolean; HsBool = InBool; }
FJsonValueNull::FJsonValueNull() { Type = EJson::Null; }
FJsonValueArray::FJsonValueArray(const TArray<TSharedPtr<FJsonValue>>& InArray) { Type = EJson::Array; HsArray = InArray; }
FJsonValueObject::FJsonValueObject(TSharedPtr<FJsonObject> InObject) { Type = EJson::Object; HsObject = InObject; }

void FJsonObject::SetField(const FString& FieldName, const TSharedPtr<FJsonValue>& Value) { Values.Add(FieldName, Value); }
void FJsonObject::SetStringField(const FString& FieldName, const FString& StringValue) { Values.Add(FieldName, MakeShared<FJsonValueString>(StringValue)); }
void FJsonObject::SetNumberField(const FString& FieldName, double Number) { Values.Add(FieldName, MakeShared<FJsonValueNumber>(Number)); }
void FJsonObject::SetBoolField(const FString& FieldName, bool InValue) { Values.Add(FieldName, MakeShared<FJsonValueBoolean>(InValue)); }
void FJsonObject::SetArrayField(const FString& FieldName, const TArray<TSharedPtr<FJsonValue>>& Array) { Values.Add(FieldName, MakeShared<FJsonValueArray>(Array)); }
void FJsonObject::SetObjectField(const FString& FieldName, const TSharedPtr<FJsonObject>& JsonObject)
{
	Values.Add(FieldName, JsonObject.IsValid() ? TSharedPtr<FJsonValue>(MakeShared<FJsonValueObject>(JsonObject)) : TSharedPtr<FJsonValue>(MakeShared<FJsonValueNull>()));
}
bool FJsonObject::TryGetStringField(const FString& FieldName, FString& OutString) const
{
	const TSharedPtr<FJsonValue>* Found = Values.Find(FieldName);
	return Found && Found->IsValid() && (*Found)->TryGetString(OutString);
}

// ---- reader -------------------------------------------------------------------------------------------------
namespace
{
	struct FHsJsonReader : TJsonReader<TCHAR>
	{
		std::u16string Text;
	};
	struct FHsJsonWriter : TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>
	{
		FString* Stream = nullptr;
	};

	struct FParser
	{
		const std::u16string& S;
		size_t At = 0;
		void Space()
		{
			while (At < S.size() && (S[At] == ' ' || S[At] == '\t' || S[At] == '\n' || S[At] == '\r')) ++At;
		}
		bool Literal(const char* Word)
		{
			size_t I = 0;
			for (; Word[I]; ++I)
				if (At + I >= S.size() || S[At + I] != (char16_t)Word[I]) return false;
			At += I;
			return true;
		}
		bool String(std::u16string& Out)
		{
			if (At >= S.size() || S[At] != '"') return false;
			++At;
			while (At < S.size())
			{
				const char16_t C = S[At++];
				if (C == '"') return true;
				if (C < 0x20) return false;
				if (C != '\\') { Out += C; continue; }
				if (At >= S.size()) return false;
				const char16_t E = S[At++];
				switch (E)
				{
				case '"': Out += u'"'; break;
				case '\\': Out += u'\\'; break;
				case '/': Out += u'/'; break;
				case 'b': Out += u'\b'; break;
				case 'f': Out += u'\f'; break;
				case 'n': Out += u'\n'; break;
				case 'r': Out += u'\r'; break;
				case 't': Out += u'\t'; break;
				case 'u':
				{
					if (At + 4 > S.size()) return false;
					unsigned V = 0;
					for (int K = 0; K < 4; ++K)
					{
						const char16_t H = S[At++];
						V <<= 4;
						if (H >= '0' && H <= '9') V |= H - '0';
						else if (H >= 'a' && H <= 'f') V |= H - 'a' + 10;
						else if (H >= 'A' && H <= 'F') V |= H - 'A' + 10;
						else return false;
					}
					Out += (char16_t)V;
					break;
				}
				default: return false;
				}
			}
			return false;
		}
		TSharedPtr<FJsonValue> Value(int Depth = 0)
		{
			if (Depth > 512) return nullptr;
			Space();
			if (At >= S.size()) return nullptr;
			const char16_t C = S[At];
			if (C == '{')
			{
				++At;
				auto Object = MakeShared<FJsonObject>();
				Space();
				if (At < S.size() && S[At] == '}') { ++At; return MakeShared<FJsonValueObject>(TSharedPtr<FJsonObject>(Object)); }
				for (;;)
				{
					Space();
					std::u16string Key;
					if (!String(Key)) return nullptr;
					Space();
					if (At >= S.size() || S[At] != ':') return nullptr;
					++At;
					TSharedPtr<FJsonValue> Item = Value(Depth + 1);
					if (!Item.IsValid()) return nullptr;
					Object->Values.Add(FString(Key.c_str()), Item);
					Space();
					if (At < S.size() && S[At] == ',') { ++At; continue; }
					if (At < S.size() && S[At] == '}') { ++At; return MakeShared<FJsonValueObject>(TSharedPtr<FJsonObject>(Object)); }
					return nullptr;
				}
			}
			if (C == '[')
			{
				++At;
				TArray<TSharedPtr<FJsonValue>> Items;
				Space();
				if (At < S.size() && S[At] == ']') { ++At; return MakeShared<FJsonValueArray>(Items); }
				for (;;)
				{
					TSharedPtr<FJsonValue> Item = Value(Depth + 1);
					if (!Item.IsValid()) return nullptr;
					Items.Add(Item);
					Space();
					if (At < S.size() && S[At] == ',') { ++At; continue; }
					if (At < S.size() && S[At] == ']') { ++At; return MakeShared<FJsonValueArray>(Items); }
					return nullptr;
				}
			}
			if (C == '"')
			{
				std::u16string Text;
				if (!String(Text)) return nullptr;
				return MakeShared<FJsonValueString>(FString(Text.c_str()));
			}
			if (Literal("true")) return MakeShared<FJsonValueBoolean>(true);
			if (Literal("false")) return MakeShared<FJsonValueBoolean>(false);
			if (Literal("null")) return MakeShared<FJsonValueNull>();
			std::string Number;
			while (At < S.size() && (S[At] == '-' || S[At] == '+' || S[At] == '.' || S[At] == 'e' || S[At] == 'E' || (S[At] >= '0' && S[At] <= '9')))
				Number += (char)S[At++];
			if (Number.empty()) return nullptr;
			char* End = nullptr;
			const double D = std::strtod(Number.c_str(), &End);
			if (*End) return nullptr;
			return MakeShared<FJsonValueNumber>(D);
		}
		TSharedPtr<FJsonValue> Document()
		{
			TSharedPtr<FJsonValue> Out = Value();
			Space();
			return At == S.size() ? Out : nullptr;
		}
	};

	void WriteString(std::u16string& Out, const std::u16string& S)
	{
		Out += u'"';
		for (const char16_t C : S)
		{
			switch (C)
			{
			case '"': Out += u"\\\""; break;
			case '\\': Out += u"\\\\"; break;
			case '\n': Out += u"\\n"; break;
			case '\r': Out += u"\\r"; break;
			case '\t': Out += u"\\t"; break;
			case '\b': Out += u"\\b"; break;
			case '\f': Out += u"\\f"; break;
			default:
				if (C < 0x20)
				{
					char Buffer[8];
					std::snprintf(Buffer, sizeof Buffer, "\\u%04x", (unsigned)C);
					for (const char* P = Buffer; *P; ++P) Out += (char16_t)*P;
				}
				else
					Out += C;
			}
		}
		Out += u'"';
	}

	void Write(std::u16string& Out, const TSharedPtr<FJsonValue>& Value);
	void WriteObject(std::u16string& Out, const FJsonObject& Object)
	{
		Out += u'{';
		bool bFirst = true;
		for (const auto& Pair : Object.Values)
		{
			if (!bFirst) Out += u',';
			bFirst = false;
			WriteString(Out, std::u16string(*Pair.Key));
			Out += u':';
			Write(Out, Pair.Value);
		}
		Out += u'}';
	}
	void WriteArray(std::u16string& Out, const TArray<TSharedPtr<FJsonValue>>& Items)
	{
		Out += u'[';
		bool bFirst = true;
		for (const auto& Item : Items)
		{
			if (!bFirst) Out += u',';
			bFirst = false;
			Write(Out, Item);
		}
		Out += u']';
	}
	void Write(std::u16string& Out, const TSharedPtr<FJsonValue>& Value)
	{
		if (!Value.IsValid()) { Out += u"null"; return; }
		switch (Value->Type)
		{
		case EJson::String: WriteString(Out, std::u16string(*Value->AsString())); break;
		case EJson::Number:
		{
			const double D = Value->AsNumber();
			char Buffer[64];
			if (std::floor(D) == D && std::fabs(D) < 1e15) std::snprintf(Buffer, sizeof Buffer, "%.0f", D);
			else std::snprintf(Buffer, sizeof Buffer, "%.17g", D);
			for (const char* P = Buffer; *P; ++P) Out += (char16_t)*P;
			break;
		}
		case EJson::Boolean: Out += Value->AsBool() ? u"true" : u"false"; break;
		case EJson::Array: WriteArray(Out, Value->AsArray()); break;
		case EJson::Object:
			if (Value->AsObject().IsValid()) WriteObject(Out, *Value->AsObject());
			else Out += u"null";
			break;
		default: Out += u"null";
		}
	}

	TSharedPtr<FJsonValue> ParseReader(const TSharedRef<TJsonReader<TCHAR>>& Reader)
	{
		const FHsJsonReader& R = static_cast<const FHsJsonReader&>(Reader.Get());
		FParser Parser{R.Text};
		return Parser.Document();
	}
}

template <>
TSharedRef<TJsonReader<TCHAR>> TJsonReaderFactory<TCHAR>::Create(const FString& JsonString)
{
	auto Reader = std::make_shared<FHsJsonReader>();
	Reader->Text = *JsonString;
	return TSharedRef<TJsonReader<TCHAR>>(std::shared_ptr<TJsonReader<TCHAR>>(Reader));
}

template <>
TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>> TJsonWriterFactory<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>::Create(FString* const Stream, int32)
{
	auto Writer = std::make_shared<FHsJsonWriter>();
	Writer->Stream = Stream;
	return TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>>(std::shared_ptr<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>>(Writer));
}

template <class CharType>
bool FJsonSerializer::Deserialize(const TSharedRef<TJsonReader<CharType>>& Reader, TSharedPtr<FJsonObject>& OutObject, EFlags)
{
	TSharedPtr<FJsonValue> Value = ParseReader(Reader);
	if (!Value.IsValid() || Value->Type != EJson::Object) return false;
	OutObject = Value->AsObject();
	return true;
}
template <class CharType>
bool FJsonSerializer::Deserialize(const TSharedRef<TJsonReader<CharType>>& Reader, TArray<TSharedPtr<FJsonValue>>& OutArray, EFlags)
{
	TSharedPtr<FJsonValue> Value = ParseReader(Reader);
	if (!Value.IsValid() || Value->Type != EJson::Array) return false;
	OutArray = Value->AsArray();
	return true;
}
template <class CharType>
bool FJsonSerializer::Deserialize(const TSharedRef<TJsonReader<CharType>>& Reader, TSharedPtr<FJsonValue>& OutValue, EFlags)
{
	TSharedPtr<FJsonValue> Value = ParseReader(Reader);
	if (!Value.IsValid()) return false;
	OutValue = Value;
	return true;
}
template <class CharType, class PrintPolicy>
bool FJsonSerializer::Serialize(const TSharedRef<FJsonObject>& Object, const TSharedRef<TJsonWriter<CharType, PrintPolicy>>& Writer, bool)
{
	std::u16string Out;
	WriteObject(Out, *Object);
	*static_cast<FHsJsonWriter&>(Writer.Get()).Stream += FString(Out.c_str());
	return true;
}
template <class CharType, class PrintPolicy>
bool FJsonSerializer::Serialize(const TArray<TSharedPtr<FJsonValue>>& Array, const TSharedRef<TJsonWriter<CharType, PrintPolicy>>& Writer, bool)
{
	std::u16string Out;
	WriteArray(Out, Array);
	*static_cast<FHsJsonWriter&>(Writer.Get()).Stream += FString(Out.c_str());
	return true;
}

template bool FJsonSerializer::Deserialize<TCHAR>(const TSharedRef<TJsonReader<TCHAR>>&, TSharedPtr<FJsonObject>&, EFlags);
template bool FJsonSerializer::Deserialize<TCHAR>(const TSharedRef<TJsonReader<TCHAR>>&, TArray<TSharedPtr<FJsonValue>>&, EFlags);
template bool FJsonSerializer::Deserialize<TCHAR>(const TSharedRef<TJsonReader<TCHAR>>&, TSharedPtr<FJsonValue>&, EFlags);
template bool FJsonSerializer::Serialize<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>(const TSharedRef<FJsonObject>&, const TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>>&, bool);
template bool FJsonSerializer::Serialize<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>(const TArray<TSharedPtr<FJsonValue>>&, const TSharedRef<TJsonWriter<TCHAR, TCondensedJsonPrintPolicy<TCHAR>>>&, bool);
