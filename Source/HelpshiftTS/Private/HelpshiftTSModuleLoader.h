// Puerts module loader rooted at the plugin's own Content/JavaScript, so the plugin's bundle is found without
// copying it into the project; anything else (Puerts' own bootstrap modules) falls back to the default search.
#pragma once

#include "CoreMinimal.h"
#include "JSModuleLoader.h"

class FHelpshiftTSModuleLoader : public puerts::DefaultJSModuleLoader
{
public:
	/** PluginScriptDir: absolute <Plugin>/Content/JavaScript. */
	explicit FHelpshiftTSModuleLoader(const FString& InPluginScriptDir);

	virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) override;

	/** <Plugin>/Content/JavaScript of the HelpshiftTS plugin; empty when the plugin is not found. */
	static FString FindPluginScriptDir();

private:
	FString PluginScriptDir;
};
