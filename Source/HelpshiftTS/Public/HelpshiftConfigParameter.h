// FHelpshiftConfigParameter: one value of a login config, Init parameter or attribute map, in the vendor's shape
// (the Helpshift Unreal SDK's type names, value types and Blueprint functions), so code written for that SDK
// reads the same here. Nested arrays and maps are kept as JSON text inside the variant, because a USTRUCT cannot
// hold an array of itself as a reflected property and FVariant holds only plain types.
#pragma once

#include "CoreMinimal.h"
#include "Misc/Variant.h"
#include "Kismet/BlueprintFunctionLibrary.h"
#include "HelpshiftConfigParameter.generated.h"

UENUM(BlueprintType)
enum class EHelpshiftConfigParameterType : uint8
{
	Null,
	Integer,
	Float,
	Bool,
	String,
	Array,
	Map,
};

USTRUCT(BlueprintType)
struct HELPSHIFTTS_API FHelpshiftConfigParameter
{
	GENERATED_BODY()

	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	EHelpshiftConfigParameterType Type = EHelpshiftConfigParameterType::Null;

	/** int32, float, bool or FString; for Array and Map the JSON text of the nested values; empty for Null. */
	FVariant Value;

	static FHelpshiftConfigParameter MakeNull();
	static FHelpshiftConfigParameter MakeInteger(int32 InValue);
	static FHelpshiftConfigParameter MakeFloat(float InValue);
	static FHelpshiftConfigParameter MakeBool(bool bInValue);
	static FHelpshiftConfigParameter MakeString(const FString& InValue);
	static FHelpshiftConfigParameter MakeArray(const TArray<FHelpshiftConfigParameter>& InValues);
	static FHelpshiftConfigParameter MakeMap(const TMap<FString, FHelpshiftConfigParameter>& InValues);
};

/**
 * Blueprint conversions (autocasts: wire an int, float, bool, string, array or map into a config pin) and
 * getters, named as the vendor's SDK names them. A getter asked for another type returns the type's default.
 */
UCLASS()
class HELPSHIFTTS_API UHelpshiftConfigParameterFunctions : public UBlueprintFunctionLibrary
{
	GENERATED_BODY()

public:
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (Integer)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_intToHelpshiftConfigParameter(int32 Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (Float)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_floatToHelpshiftConfigParameter(float Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (Bool)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_boolToHelpshiftConfigParameter(bool Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (String)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_StringToHelpshiftConfigParameter(const FString& Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (Array)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "Value"))
	static FHelpshiftConfigParameter Conv_ArrayToHelpshiftConfigParameter(const TArray<FHelpshiftConfigParameter>& Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (Map)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "Value"))
	static FHelpshiftConfigParameter Conv_MapToHelpshiftConfigParameter(const TMap<FString, FHelpshiftConfigParameter>& Value);

	/** Ours: a string array (tags) in one step. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (String Array)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "Value"))
	static FHelpshiftConfigParameter Conv_StringArrayToHelpshiftConfigParameter(const TArray<FString>& Value);

	/** Ours: a string map (custom fields) in one step. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config Parameter (String Map)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "Value"))
	static FHelpshiftConfigParameter Conv_StringMapToHelpshiftConfigParameter(const TMap<FString, FString>& Value);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static EHelpshiftConfigParameterType GetType(const FHelpshiftConfigParameter& Parameter);

	/** The Integer's value; 0 for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static int32 GetInteger(const FHelpshiftConfigParameter& Parameter);

	/** The Float's value (an Integer's, converted); 0 for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static float GetFloat(const FHelpshiftConfigParameter& Parameter);

	/** The Bool's value; false for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetBool(const FHelpshiftConfigParameter& Parameter);

	/** The String's value; empty for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static FString GetString(const FHelpshiftConfigParameter& Parameter);

	/** The Array's items; empty for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static TArray<FHelpshiftConfigParameter> GetArray(const FHelpshiftConfigParameter& Parameter);

	/** The Map's entries; empty for another type. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static TMap<FString, FHelpshiftConfigParameter> GetMap(const FHelpshiftConfigParameter& Parameter);
};
