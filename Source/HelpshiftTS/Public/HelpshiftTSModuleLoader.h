// Puerts module loader for the HelpshiftTS JsEnvs. Puerts' default loader looks only under the project's
// Content/JavaScript, but Puerts' own bootstrap modules (puerts/first_run.js, puerts/uelazyload.js, ...) live in
// the Puerts plugin's Content/JavaScript until a project runs Puerts' generator (ENGINE-FACTS), and ours live in
// this plugin's. So a non-relative module is searched in: this plugin's Content/JavaScript, the project's, then
// the Puerts plugin's; relative requires and anything not found keep Puerts' default rules. Shared by the
// game's JsEnv and the editor tester's JsEnv.
#pragma once

#include "CoreMinimal.h"
#include "JSModuleLoader.h"
#include "PuertsNamespaceDef.h"

/**
 * @example
 *   JsEnv = MakeShared<PUERTS_NAMESPACE::FJsEnv>(
 *       std::make_shared<FHelpshiftTSModuleLoader>(FHelpshiftTSModuleLoader::DefaultRoots()),
 *       std::make_shared<PUERTS_NAMESPACE::FDefaultLogger>(), -1);
 */
class HELPSHIFTTS_API FHelpshiftTSModuleLoader : public PUERTS_NAMESPACE::DefaultJSModuleLoader
{
public:
	/** InRoots: absolute folders searched in order for non-relative modules; empty entries are skipped. */
	explicit FHelpshiftTSModuleLoader(const TArray<FString>& InRoots);

	virtual bool Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath) override;

	/** This plugin's, the project's and the Puerts plugin's Content/JavaScript, in that order (missing ones empty). */
	static TArray<FString> DefaultRoots();

	/** <Plugin>/Content/JavaScript of the named plugin; empty when the plugin is not found. */
	static FString FindPluginScriptDir(const TCHAR* PluginName = TEXT("HelpshiftTS"));

private:
	TArray<FString> Roots;
};
