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

		// HelpshiftTSRandom reads the operating system's cryptographic generator.
		if (Target.Platform == UnrealTargetPlatform.Win64)
		{
			PublicSystemLibraries.Add("bcrypt.lib");
		}
		else if (Target.Platform == UnrealTargetPlatform.Mac || Target.Platform == UnrealTargetPlatform.IOS)
		{
			PublicFrameworks.Add("Security");
		}

		// The TypeScript bundles (npm run build) are not .uassets, so the cooker would leave them out: stage them as
		// UFS, inside the .pak, where the Puerts module loader reads them through the platform file layer. Only the
		// game's bundles: editor-tester.js belongs to the editor module and never ships in a game.
		string ScriptDir = Path.Combine(PluginDirectory, "Content", "JavaScript", "HelpshiftTS");
		foreach (string Bundle in new string[] { "main.js", "helpshift.js" })
		{
			RuntimeDependencies.Add(Path.Combine(ScriptDir, Bundle), StagedFileType.UFS);
		}
	}
}
