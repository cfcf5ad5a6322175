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
			// Public headers include theirs: HelpshiftTSModuleLoader.h (JSModuleLoader.h), HelpshiftTSHttp.h
			// (Interfaces/IHttpRequest.h), shared with the editor module.
			"JsEnv",
			"HTTP",
		});

		PrivateDependencyModuleNames.AddRange(new string[]
		{
			"Json",
			"JsonUtilities",
			"Projects",
		});

		// The TypeScript bundle (npm run build) is not a .uasset, so the cooker would leave it out: stage it as UFS,
		// inside the .pak, where the Puerts module loader reads it through the platform file layer.
		RuntimeDependencies.Add(Path.Combine(PluginDirectory, "Content", "JavaScript", "HelpshiftTS", "..."), StagedFileType.UFS);
	}
}
