#include "HelpshiftConfigParameter.h"

#include "HelpshiftConfigJson.h"

namespace
{
	/** The JSON text an Array or Map keeps; empty when the variant holds something else. */
	FString GetNested(const FHelpshiftConfigParameter& Parameter)
	{
		return Parameter.Value.GetType() == EVariantTypes::String ? Parameter.Value.GetValue<FString>() : FString();
	}

	FHelpshiftConfigParameter Make(EHelpshiftConfigParameterType Type, const FVariant& Value)
	{
		FHelpshiftConfigParameter Out;
		Out.Type = Type;
		Out.Value = Value;
		return Out;
	}

	/** The value when Parameter is of Type and holds Variant type VariantType; otherwise Default. */
	template <typename T>
	T Read(const FHelpshiftConfigParameter& Parameter, EHelpshiftConfigParameterType Type, EVariantTypes VariantType, T Default)
	{
		return Parameter.Type == Type && Parameter.Value.GetType() == VariantType ? Parameter.Value.GetValue<T>() : Default;
	}
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeNull()
{
	return FHelpshiftConfigParameter();
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeInteger(int32 InValue)
{
	return Make(EHelpshiftConfigParameterType::Integer, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeFloat(float InValue)
{
	return Make(EHelpshiftConfigParameterType::Float, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeBool(bool bInValue)
{
	return Make(EHelpshiftConfigParameterType::Bool, FVariant(bInValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeString(const FString& InValue)
{
	return Make(EHelpshiftConfigParameterType::String, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeArray(const TArray<FHelpshiftConfigParameter>& InValues)
{
	return Make(EHelpshiftConfigParameterType::Array, FVariant(HelpshiftConfigJson::ArrayToJson(InValues)));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeMap(const TMap<FString, FHelpshiftConfigParameter>& InValues)
{
	return Make(EHelpshiftConfigParameterType::Map, FVariant(HelpshiftConfigJson::ToJson(InValues)));
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_intToHelpshiftConfigParameter(int32 Value)
{
	return FHelpshiftConfigParameter::MakeInteger(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_floatToHelpshiftConfigParameter(float Value)
{
	return FHelpshiftConfigParameter::MakeFloat(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_boolToHelpshiftConfigParameter(bool Value)
{
	return FHelpshiftConfigParameter::MakeBool(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_StringToHelpshiftConfigParameter(const FString& Value)
{
	return FHelpshiftConfigParameter::MakeString(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_ArrayToHelpshiftConfigParameter(const TArray<FHelpshiftConfigParameter>& Value)
{
	return FHelpshiftConfigParameter::MakeArray(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_MapToHelpshiftConfigParameter(const TMap<FString, FHelpshiftConfigParameter>& Value)
{
	return FHelpshiftConfigParameter::MakeMap(Value);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_StringArrayToHelpshiftConfigParameter(const TArray<FString>& Value)
{
	TArray<FHelpshiftConfigParameter> Items;
	for (const FString& Item : Value)
	{
		Items.Add(FHelpshiftConfigParameter::MakeString(Item));
	}
	return FHelpshiftConfigParameter::MakeArray(Items);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterFunctions::Conv_StringMapToHelpshiftConfigParameter(const TMap<FString, FString>& Value)
{
	TMap<FString, FHelpshiftConfigParameter> Entries;
	for (const TPair<FString, FString>& Entry : Value)
	{
		Entries.Add(Entry.Key, FHelpshiftConfigParameter::MakeString(Entry.Value));
	}
	return FHelpshiftConfigParameter::MakeMap(Entries);
}

EHelpshiftConfigParameterType UHelpshiftConfigParameterFunctions::GetType(const FHelpshiftConfigParameter& Parameter)
{
	return Parameter.Type;
}

int32 UHelpshiftConfigParameterFunctions::GetInteger(const FHelpshiftConfigParameter& Parameter)
{
	return Read<int32>(Parameter, EHelpshiftConfigParameterType::Integer, EVariantTypes::Int32, 0);
}

float UHelpshiftConfigParameterFunctions::GetFloat(const FHelpshiftConfigParameter& Parameter)
{
	if (Parameter.Type == EHelpshiftConfigParameterType::Integer)
	{
		return static_cast<float>(GetInteger(Parameter));
	}
	return Read<float>(Parameter, EHelpshiftConfigParameterType::Float, EVariantTypes::Float, 0.0f);
}

bool UHelpshiftConfigParameterFunctions::GetBool(const FHelpshiftConfigParameter& Parameter)
{
	return Read<bool>(Parameter, EHelpshiftConfigParameterType::Bool, EVariantTypes::Bool, false);
}

FString UHelpshiftConfigParameterFunctions::GetString(const FHelpshiftConfigParameter& Parameter)
{
	return Read<FString>(Parameter, EHelpshiftConfigParameterType::String, EVariantTypes::String, FString());
}

TArray<FHelpshiftConfigParameter> UHelpshiftConfigParameterFunctions::GetArray(const FHelpshiftConfigParameter& Parameter)
{
	TArray<FHelpshiftConfigParameter> Items;
	if (Parameter.Type != EHelpshiftConfigParameterType::Array || !HelpshiftConfigJson::ArrayFromJson(GetNested(Parameter), Items))
	{
		Items.Empty();
	}
	return Items;
}

TMap<FString, FHelpshiftConfigParameter> UHelpshiftConfigParameterFunctions::GetMap(const FHelpshiftConfigParameter& Parameter)
{
	TMap<FString, FHelpshiftConfigParameter> Entries;
	if (Parameter.Type != EHelpshiftConfigParameterType::Map || !HelpshiftConfigJson::MapFromJson(GetNested(Parameter), Entries))
	{
		Entries.Empty();
	}
	return Entries;
}
