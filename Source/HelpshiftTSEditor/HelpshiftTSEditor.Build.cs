// The editor module: the login tester tab, on an editor-owned Puerts JsEnv with its own dev state.
using UnrealBuildTool;

public class HelpshiftTSEditor : ModuleRules
{
	public HelpshiftTSEditor(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;

		PrivateDependencyModuleNames.AddRange(new string[]
		{
			"Core",
			"CoreUObject",
			"Engine",
			"Slate",
			"SlateCore",
			"JsEnv",
			"Projects",
			"HelpshiftTS",
		});
	}
}
