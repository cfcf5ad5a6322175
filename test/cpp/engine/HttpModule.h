#pragma once
#include "CoreMinimal.h"
#include "Interfaces/IHttpRequest.h"

class FHttpModule
{
public:
	static FHttpModule& Get();
	virtual TSharedRef<IHttpRequest, ESPMode::ThreadSafe> CreateRequest();
	virtual ~FHttpModule() = default;
};
