#include "HelpshiftTSModuleLoader.h"

#include "Interfaces/IPluginManager.h"
#include "Misc/Paths.h"

FHelpshiftTSModuleLoader::FHelpshiftTSModuleLoader(const TArray<FString>& InRoots)
	: PUERTS_NAMESPACE::DefaultJSModuleLoader(TEXT("JavaScript"))
	, Roots(InRoots)
{
}

bool FHelpshiftTSModuleLoader::Search(const FString& RequiredDir, const FString& RequiredModule, FString& Path, FString& AbsolutePath)
{
	// Relative requires inside a module resolve against the requiring file (the default rule).
	if (!RequiredModule.StartsWith(TEXT(".")))
	{
		for (const FString& Root : Roots)
		{
			if (!Root.IsEmpty() && SearchModuleInDir(Root, RequiredModule, Path, AbsolutePath))
			{
				return true;
			}
		}
	}
	return PUERTS_NAMESPACE::DefaultJSModuleLoader::Search(RequiredDir, RequiredModule, Path, AbsolutePath);
}

TArray<FString> FHelpshiftTSModuleLoader::DefaultRoots()
{
	TArray<FString> Out;
	Out.Add(FindPluginScriptDir(TEXT("HelpshiftTS")));
	Out.Add(FPaths::Combine(FPaths::ProjectContentDir(), TEXT("JavaScript")));
	Out.Add(FindPluginScriptDir(TEXT("Puerts")));
	return Out;
}

FString FHelpshiftTSModuleLoader::FindPluginScriptDir(const TCHAR* PluginName)
{
	const TSharedPtr<IPlugin> Plugin = IPluginManager::Get().FindPlugin(PluginName);
	if (!Plugin.IsValid())
	{
		return FString();
	}
	return FPaths::Combine(Plugin->GetContentDir(), TEXT("JavaScript"));
}
