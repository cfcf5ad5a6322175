// The runtime module: the thin C++ bridge between Blueprints/C++ and the TypeScript identity client on Puerts.
using UnrealBuildTool;

public class HelpshiftTS : ModuleRules
{
	public HelpshiftTS(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;

		PublicDependencyModuleNames.AddRange(new string[]
		{
			"Core",
			"CoreUObject",
			"Engine",
			"DeveloperSettings",
		});

		PrivateDependencyModuleNames.AddRange(new string[]
		{
			"JsEnv",
			"Json",
			"JsonUtilities",
			"HTTP",
			"Projects",
		});
	}
}
