#pragma once
#include "CoreMinimal.h"

class IPlugin
{
public:
	virtual ~IPlugin() = default;
	virtual FString GetContentDir() const = 0;
	virtual FString GetBaseDir() const = 0;
};

class IPluginManager
{
public:
	virtual ~IPluginManager() = default;
	static IPluginManager& Get();
	virtual TSharedPtr<IPlugin> FindPlugin(const FString& Name) = 0;
};
