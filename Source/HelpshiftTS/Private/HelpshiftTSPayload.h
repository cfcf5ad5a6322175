// JSON text of the command payloads the subsystem sends to TypeScript (shapes: TypeScript/ue/messages.ts).
#pragma once

#include "CoreMinimal.h"

namespace HelpshiftTSPayload
{
	FString Init(const FString& SettingsJson, const FString& ParametersJson);
	FString Login(const FString& IdentityJWT, const FString& LoginConfigJson);
	FString Token(const FString& IdentityJWT);
	FString Attributes(const FString& AttributesJson);
	FString HttpResponse(int32 Status, const FString& Body);
	FString HttpError(const FString& Error);
	FString Empty();
}
