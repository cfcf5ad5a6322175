#include "HelpshiftTSEditorModuleLoader.h"

#include "Interfaces/IPluginManager.h"
#include "Misc/Paths.h"

FHelpshiftTSEditorModuleLoader::FHelpshiftTSEditorModuleLoader(const FString& InPluginScriptDir)
	: puerts::DefaultJSModuleLoader(TEXT("JavaScript"))
	, PluginScriptDir(InPluginScriptDir)
{
}

bool FHelpshiftTSEditorModuleLoader::Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
{
	// Relative requires resolve against the requiring file first (the default rule).
	if (!PluginScriptDir.IsEmpty() && !RequiredModule.StartsWith(TEXT(".")) &&
		SearchModuleInDir(PluginScriptDir, RequiredModule, Path, AbsolutePath))
	{
		return true;
	}
	return puerts::DefaultJSModuleLoader::Search(RequiredDir, RequiredModule, Path, AbsolutePath);
}

FString FHelpshiftTSEditorModuleLoader::FindPluginScriptDir()
{
	const TSharedPtr<IPlugin> Plugin = IPluginManager::Get().FindPlugin(TEXT("HelpshiftTS"));
	if (!Plugin.IsValid())
	{
		return FString();
	}
	return FPaths::Combine(Plugin->GetContentDir(), TEXT("JavaScript"));
}
