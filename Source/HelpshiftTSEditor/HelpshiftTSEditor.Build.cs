// The editor module: the login tester tab, hosting the TypeScript tester view-model on an editor-owned JsEnv.
using UnrealBuildTool;

public class HelpshiftTSEditor : ModuleRules
{
	public HelpshiftTSEditor(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;

		PublicDependencyModuleNames.AddRange(new string[]
		{
			"Core",
			"CoreUObject",
			// UHelpshiftTSEditorBridge's OnCommand uses the runtime bridge's delegate type; the module loader, file
			// store, HTTP sender and random bytes are the runtime's exported helpers.
			"HelpshiftTS",
		});

		PrivateDependencyModuleNames.AddRange(new string[]
		{
			"Engine",
			"Slate",
			"SlateCore",
			"InputCore",
			"WorkspaceMenuStructure",
			"JsEnv",
			"Json",
		});
	}
}
