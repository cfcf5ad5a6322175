#pragma once
#include "CoreMinimal.h"
#include "Interfaces/IHttpRequest.h"

class IHttpResponse
{
public:
	virtual ~IHttpResponse() = default;
	virtual int32 GetResponseCode() const = 0;
	virtual FString GetContentAsString() const = 0;
	/** The named header's value, "" when absent (IHttpBase::GetHeader; names compare case-insensitively). */
	virtual FString GetHeader(const FString& HeaderName) const = 0;
};
