// JSON text for config maps: how a TMap<FString, FHelpshiftConfigParameter> crosses into TypeScript
// (an FVariant is invisible to Puerts' reflection), with nested arrays and maps kept as JSON arrays/objects.
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftConfigParameter.h"

class FJsonValue;

namespace HelpshiftConfigJson
{
	/** {"key": value, ...}; Int → integer number, Float → number, Array → array, Map → object. */
	HELPSHIFTTS_API FString ToJson(const TMap<FString, FHelpshiftConfigParameter>& Parameters);

	/** [value, ...] */
	HELPSHIFTTS_API FString ArrayToJson(const TArray<FHelpshiftConfigParameter>& Values);

	HELPSHIFTTS_API TSharedPtr<FJsonValue> ToJsonValue(const FHelpshiftConfigParameter& Parameter);

	/** JSON value → parameter: string, bool, integral number → Int, other number → Float, array, object. Null → false. */
	HELPSHIFTTS_API bool FromJsonValue(const TSharedPtr<FJsonValue>& JsonValue, FHelpshiftConfigParameter& OutParameter);

	/** Parses an object's text into a map; false for anything that is not a JSON object. */
	HELPSHIFTTS_API bool MapFromJson(const FString& Json, TMap<FString, FHelpshiftConfigParameter>& OutParameters);

	/** Parses an array's text; false for anything that is not a JSON array. */
	HELPSHIFTTS_API bool ArrayFromJson(const FString& Json, TArray<FHelpshiftConfigParameter>& OutValues);

	/** {"k":"v"} → TMap<FString, FString>; non-string values are skipped. False when not an object. */
	HELPSHIFTTS_API bool StringMapFromJson(const FString& Json, TMap<FString, FString>& OutMap);
}
