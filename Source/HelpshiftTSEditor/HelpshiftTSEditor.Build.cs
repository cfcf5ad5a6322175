// The editor module: the login tester tab (points at the reference service's tester page for now).
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
			"HelpshiftTS",
		});
	}
}
