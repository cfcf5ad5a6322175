// Puerts module loader for the editor tester's JsEnv, rooted at the plugin's own Content/JavaScript (where
// `npm run build` writes HelpshiftTS/editor-tester.js); anything else falls back to Puerts' default search.
// The runtime module has the same loader, but private to it (not exported), so the editor keeps its own.
#pragma once

#include "CoreMinimal.h"
#include "JSModuleLoader.h"

class FHelpshiftTSEditorModuleLoader : public puerts::DefaultJSModuleLoader
{
public:
	/** PluginScriptDir: absolute <Plugin>/Content/JavaScript. */
	explicit FHelpshiftTSEditorModuleLoader(const FString& InPluginScriptDir);

	virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) override;

	/** <Plugin>/Content/JavaScript of the HelpshiftTS plugin; empty when the plugin is not found. */
	static FString FindPluginScriptDir();

private:
	FString PluginScriptDir;
};
