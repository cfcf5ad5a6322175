// FHelpshiftConfigParameter: one value of a login config, Init parameter or attribute map, in the vendor's
// shape (a type tag and an FVariant). Nested arrays and maps are kept as JSON text inside the variant, because
// a USTRUCT cannot hold an array of itself as a reflected property and FVariant holds only plain types.
#pragma once

#include "CoreMinimal.h"
#include "Misc/Variant.h"
#include "Kismet/BlueprintFunctionLibrary.h"
#include "HelpshiftConfigParameter.generated.h"

UENUM(BlueprintType)
enum class EHelpshiftConfigParameterType : uint8
{
	String,
	Bool,
	Int,
	Float,
	Array,
	Map,
};

USTRUCT(BlueprintType)
struct HELPSHIFTTS_API FHelpshiftConfigParameter
{
	GENERATED_BODY()

	UPROPERTY(BlueprintReadOnly, Category = "Helpshift")
	EHelpshiftConfigParameterType Type = EHelpshiftConfigParameterType::String;

	/** FString, bool, int64 or double; for Array and Map the JSON text of the nested values. */
	FVariant Value;

	static FHelpshiftConfigParameter MakeString(const FString& InValue);
	static FHelpshiftConfigParameter MakeBool(bool bInValue);
	static FHelpshiftConfigParameter MakeInt(int64 InValue);
	static FHelpshiftConfigParameter MakeFloat(double InValue);
	static FHelpshiftConfigParameter MakeArray(const TArray<FHelpshiftConfigParameter>& InValues);
	static FHelpshiftConfigParameter MakeMap(const TMap<FString, FHelpshiftConfigParameter>& InValues);
};

/** Blueprint conversion and getter functions for FHelpshiftConfigParameter. */
UCLASS()
class HELPSHIFTTS_API UHelpshiftConfigParameterLibrary : public UBlueprintFunctionLibrary
{
	GENERATED_BODY()

public:
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (String)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_StringToHelpshiftConfig(const FString& InValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (Bool)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_BoolToHelpshiftConfig(bool bInValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (Integer)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_IntToHelpshiftConfig(int32 InValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (Float)", CompactNodeTitle = "->", BlueprintAutocast))
	static FHelpshiftConfigParameter Conv_FloatToHelpshiftConfig(double InValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (String Array)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "InValues"))
	static FHelpshiftConfigParameter Conv_StringArrayToHelpshiftConfig(const TArray<FString>& InValues);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (DisplayName = "To Helpshift Config (String Map)", CompactNodeTitle = "->", BlueprintAutocast, AutoCreateRefTerm = "InValues"))
	static FHelpshiftConfigParameter Conv_StringMapToHelpshiftConfig(const TMap<FString, FString>& InValues);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (AutoCreateRefTerm = "InValues"))
	static FHelpshiftConfigParameter MakeHelpshiftConfigArray(const TArray<FHelpshiftConfigParameter>& InValues);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config", meta = (AutoCreateRefTerm = "InValues"))
	static FHelpshiftConfigParameter MakeHelpshiftConfigMap(const TMap<FString, FHelpshiftConfigParameter>& InValues);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static EHelpshiftConfigParameterType GetHelpshiftConfigType(const FHelpshiftConfigParameter& Parameter);

	/** False when the parameter is not a String. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigString(const FHelpshiftConfigParameter& Parameter, FString& OutValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigBool(const FHelpshiftConfigParameter& Parameter, bool& bOutValue);

	/** Int parameters, and Float parameters with an integral value. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigInt(const FHelpshiftConfigParameter& Parameter, int64& OutValue);

	/** Float and Int parameters. */
	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigFloat(const FHelpshiftConfigParameter& Parameter, double& OutValue);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigArray(const FHelpshiftConfigParameter& Parameter, TArray<FHelpshiftConfigParameter>& OutValues);

	UFUNCTION(BlueprintPure, Category = "Helpshift|Config")
	static bool GetHelpshiftConfigMap(const FHelpshiftConfigParameter& Parameter, TMap<FString, FHelpshiftConfigParameter>& OutValues);
};
