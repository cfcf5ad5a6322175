// Puerts module loader that looks in one root folder first (the plugin's own Content/JavaScript), so the
// plugin's bundles are found without copying them into the project; anything else (Puerts' own bootstrap
// modules) falls back to the default search. Shared by the game's JsEnv and the editor tester's JsEnv.
#pragma once

#include "CoreMinimal.h"
#include "JSModuleLoader.h"

/**
 * @example
 *   const FString Root = FHelpshiftTSModuleLoader::FindPluginScriptDir();
 *   JsEnv = MakeShared<puerts::FJsEnv>(std::make_shared<FHelpshiftTSModuleLoader>(Root),
 *       std::make_shared<puerts::FDefaultLogger>(), -1);
 */
class HELPSHIFTTS_API FHelpshiftTSModuleLoader : public puerts::DefaultJSModuleLoader
{
public:
	/** InRootDir: absolute folder searched first for non-relative requires; empty means the default search only. */
	explicit FHelpshiftTSModuleLoader(const FString& InRootDir);

	virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) override;

	/** <Plugin>/Content/JavaScript of the HelpshiftTS plugin; empty when the plugin is not found. */
	static FString FindPluginScriptDir();

private:
	FString RootDir;
};
