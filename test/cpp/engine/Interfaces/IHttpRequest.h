#pragma once
#include "CoreMinimal.h"

class IHttpRequest;
class IHttpResponse;

typedef TSharedPtr<IHttpRequest, ESPMode::ThreadSafe> FHttpRequestPtr;
typedef TSharedRef<IHttpRequest, ESPMode::ThreadSafe> FHttpRequestRef;
typedef TSharedPtr<IHttpResponse, ESPMode::ThreadSafe> FHttpResponsePtr;
typedef TDelegate<void(FHttpRequestPtr, FHttpResponsePtr, bool)> FHttpRequestCompleteDelegate;

class IHttpRequest
{
public:
	virtual ~IHttpRequest() = default;
	virtual void SetVerb(const FString& Verb) = 0;
	virtual void SetURL(const FString& URL) = 0;
	virtual void SetHeader(const FString& HeaderName, const FString& HeaderValue) = 0;
	virtual void SetContentAsString(const FString& ContentString) = 0;
	virtual bool ProcessRequest() = 0;
	virtual void CancelRequest() = 0;
	virtual FHttpRequestCompleteDelegate& OnProcessRequestComplete() = 0;
};
