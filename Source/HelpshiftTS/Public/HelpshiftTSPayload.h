// JSON text of the command payloads C++ sends to TypeScript (shapes: TypeScript/ue/messages.ts), and the one
// condensed JSON writer the modules share.
#pragma once

#include "CoreMinimal.h"

class FJsonObject;
struct FHelpshiftTSHttpResult;

namespace HelpshiftTSPayload
{
	/**
	 * The object as condensed JSON text.
	 *
	 * @example
	 *   const TSharedRef<FJsonObject> Object = MakeShared<FJsonObject>();
	 *   Object->SetStringField(TEXT("a"), TEXT("b"));
	 *   HelpshiftTSPayload::Write(Object); // {"a":"b"}
	 */
	HELPSHIFTTS_API FString Write(const TSharedRef<FJsonObject>& Object);

	/** {"settings": <SettingsJson>, "parameters": <ParametersJson or {}>}; text that does not parse travels as null. */
	HELPSHIFTTS_API FString Init(const FString& SettingsJson, const FString& ParametersJson);

	/** {"jwt": IdentityJWT, "config": <LoginConfigJson or {}>} */
	HELPSHIFTTS_API FString Login(const FString& IdentityJWT, const FString& LoginConfigJson);

	/** {"jwt": IdentityJWT} */
	HELPSHIFTTS_API FString Token(const FString& IdentityJWT);

	/** {"attributes": <AttributesJson>} */
	HELPSHIFTTS_API FString Attributes(const FString& AttributesJson);

	/**
	 * The httpResponse command's payload (HttpResponsePayloadSchema).
	 *
	 * @example
	 *   HelpshiftTSPayload::HttpAnswer({TEXT(""), 200, TEXT("ok")}); // {"status":200,"body":"ok"}
	 *   HelpshiftTSPayload::HttpAnswer({TEXT("network")});          // {"error":"network"}
	 */
	HELPSHIFTTS_API FString HttpAnswer(const FHelpshiftTSHttpResult& Result);

	/** {"jwt": IdentityJWT, "requestId": TokenRequestId}; requestId left out when 0 (whichever is pending). */
	HELPSHIFTTS_API FString TokenAnswer(const FString& IdentityJWT, int32 TokenRequestId);

	/** {"<Name>": bValue} */
	HELPSHIFTTS_API FString Flag(const TCHAR* Name, bool bValue);

	/** {} */
	HELPSHIFTTS_API FString Empty();
}
