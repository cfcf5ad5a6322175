#include "HelpshiftTSModuleLoader.h"

#include "Interfaces/IPluginManager.h"
#include "Misc/Paths.h"

FHelpshiftTSModuleLoader::FHelpshiftTSModuleLoader(const FString& InRootDir)
	: puerts::DefaultJSModuleLoader(TEXT("JavaScript"))
	, RootDir(InRootDir)
{
}

bool FHelpshiftTSModuleLoader::Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
{
	// Relative requires inside our bundles resolve against the requiring file first (the default rule).
	if (!RootDir.IsEmpty() && !RequiredModule.StartsWith(TEXT(".")) &&
		SearchModuleInDir(RootDir, RequiredModule, Path, AbsolutePath))
	{
		return true;
	}
	return puerts::DefaultJSModuleLoader::Search(RequiredDir, RequiredModule, Path, AbsolutePath);
}

FString FHelpshiftTSModuleLoader::FindPluginScriptDir()
{
	const TSharedPtr<IPlugin> Plugin = IPluginManager::Get().FindPlugin(TEXT("HelpshiftTS"));
	if (!Plugin.IsValid())
	{
		return FString();
	}
	return FPaths::Combine(Plugin->GetContentDir(), TEXT("JavaScript"));
}
