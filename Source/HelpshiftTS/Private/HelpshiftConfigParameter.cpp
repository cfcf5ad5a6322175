#include "HelpshiftConfigParameter.h"

#include "HelpshiftConfigJson.h"

namespace
{
	FHelpshiftConfigParameter Make(EHelpshiftConfigParameterType Type, const FVariant& Value)
	{
		FHelpshiftConfigParameter Out;
		Out.Type = Type;
		Out.Value = Value;
		return Out;
	}
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeString(const FString& InValue)
{
	return Make(EHelpshiftConfigParameterType::String, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeBool(bool bInValue)
{
	return Make(EHelpshiftConfigParameterType::Bool, FVariant(bInValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeInt(int64 InValue)
{
	return Make(EHelpshiftConfigParameterType::Int, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeFloat(double InValue)
{
	return Make(EHelpshiftConfigParameterType::Float, FVariant(InValue));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeArray(const TArray<FHelpshiftConfigParameter>& InValues)
{
	return Make(EHelpshiftConfigParameterType::Array, FVariant(HelpshiftConfigJson::ArrayToJson(InValues)));
}

FHelpshiftConfigParameter FHelpshiftConfigParameter::MakeMap(const TMap<FString, FHelpshiftConfigParameter>& InValues)
{
	return Make(EHelpshiftConfigParameterType::Map, FVariant(HelpshiftConfigJson::ToJson(InValues)));
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_StringToHelpshiftConfig(const FString& InValue)
{
	return FHelpshiftConfigParameter::MakeString(InValue);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_BoolToHelpshiftConfig(bool bInValue)
{
	return FHelpshiftConfigParameter::MakeBool(bInValue);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_IntToHelpshiftConfig(int32 InValue)
{
	return FHelpshiftConfigParameter::MakeInt(InValue);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_FloatToHelpshiftConfig(double InValue)
{
	return FHelpshiftConfigParameter::MakeFloat(InValue);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_StringArrayToHelpshiftConfig(const TArray<FString>& InValues)
{
	TArray<FHelpshiftConfigParameter> Items;
	for (const FString& Item : InValues)
	{
		Items.Add(FHelpshiftConfigParameter::MakeString(Item));
	}
	return FHelpshiftConfigParameter::MakeArray(Items);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::Conv_StringMapToHelpshiftConfig(const TMap<FString, FString>& InValues)
{
	TMap<FString, FHelpshiftConfigParameter> Entries;
	for (const TPair<FString, FString>& Entry : InValues)
	{
		Entries.Add(Entry.Key, FHelpshiftConfigParameter::MakeString(Entry.Value));
	}
	return FHelpshiftConfigParameter::MakeMap(Entries);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::MakeHelpshiftConfigArray(const TArray<FHelpshiftConfigParameter>& InValues)
{
	return FHelpshiftConfigParameter::MakeArray(InValues);
}

FHelpshiftConfigParameter UHelpshiftConfigParameterLibrary::MakeHelpshiftConfigMap(const TMap<FString, FHelpshiftConfigParameter>& InValues)
{
	return FHelpshiftConfigParameter::MakeMap(InValues);
}

EHelpshiftConfigParameterType UHelpshiftConfigParameterLibrary::GetHelpshiftConfigType(const FHelpshiftConfigParameter& Parameter)
{
	return Parameter.Type;
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigString(const FHelpshiftConfigParameter& Parameter, FString& OutValue)
{
	if (Parameter.Type != EHelpshiftConfigParameterType::String || Parameter.Value.GetType() != EVariantTypes::String)
	{
		return false;
	}
	OutValue = Parameter.Value.GetValue<FString>();
	return true;
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigBool(const FHelpshiftConfigParameter& Parameter, bool& bOutValue)
{
	if (Parameter.Type != EHelpshiftConfigParameterType::Bool || Parameter.Value.GetType() != EVariantTypes::Bool)
	{
		return false;
	}
	bOutValue = Parameter.Value.GetValue<bool>();
	return true;
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigInt(const FHelpshiftConfigParameter& Parameter, int64& OutValue)
{
	if (Parameter.Type == EHelpshiftConfigParameterType::Int && Parameter.Value.GetType() == EVariantTypes::Int64)
	{
		OutValue = Parameter.Value.GetValue<int64>();
		return true;
	}
	if (Parameter.Type == EHelpshiftConfigParameterType::Float && Parameter.Value.GetType() == EVariantTypes::Double)
	{
		const double Number = Parameter.Value.GetValue<double>();
		if (FMath::IsFinite(Number) && FMath::FloorToDouble(Number) == Number)
		{
			OutValue = static_cast<int64>(Number);
			return true;
		}
	}
	return false;
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigFloat(const FHelpshiftConfigParameter& Parameter, double& OutValue)
{
	if (Parameter.Type == EHelpshiftConfigParameterType::Float && Parameter.Value.GetType() == EVariantTypes::Double)
	{
		OutValue = Parameter.Value.GetValue<double>();
		return true;
	}
	if (Parameter.Type == EHelpshiftConfigParameterType::Int && Parameter.Value.GetType() == EVariantTypes::Int64)
	{
		OutValue = static_cast<double>(Parameter.Value.GetValue<int64>());
		return true;
	}
	return false;
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigArray(const FHelpshiftConfigParameter& Parameter, TArray<FHelpshiftConfigParameter>& OutValues)
{
	if (Parameter.Type != EHelpshiftConfigParameterType::Array || Parameter.Value.GetType() != EVariantTypes::String)
	{
		return false;
	}
	return HelpshiftConfigJson::ArrayFromJson(Parameter.Value.GetValue<FString>(), OutValues);
}

bool UHelpshiftConfigParameterLibrary::GetHelpshiftConfigMap(const FHelpshiftConfigParameter& Parameter, TMap<FString, FHelpshiftConfigParameter>& OutValues)
{
	if (Parameter.Type != EHelpshiftConfigParameterType::Map || Parameter.Value.GetType() != EVariantTypes::String)
	{
		return false;
	}
	return HelpshiftConfigJson::MapFromJson(Parameter.Value.GetValue<FString>(), OutValues);
}
