// The runtime module: the thin C++ bridge between Blueprints/C++ and the TypeScript identity client on Puerts.
using System.IO;
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

		// The TypeScript bundle (npm run build) is not a .uasset, so the cooker would leave it out: stage it as UFS,
		// inside the .pak, where the Puerts module loader reads it through the platform file layer.
		RuntimeDependencies.Add(Path.Combine(PluginDirectory, "Content", "JavaScript", "HelpshiftTS", "..."), StagedFileType.UFS);
	}
}
