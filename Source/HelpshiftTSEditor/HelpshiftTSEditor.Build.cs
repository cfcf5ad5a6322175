// The editor module: the login tester tab and its Editor Utility Widget base class (UHelpshiftTSTesterWidget),
// hosting the TypeScript tester view-model on an editor-owned JsEnv.
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
			// UHelpshiftTSTesterWidget derives UEditorUtilityWidget (Blutility) and names UMG widgets in its header.
			"Blutility",
			"UMG",
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
			// Tools → HelpshiftTS → Create Login Tester Widget.
			"ToolMenus",
			// The create-widget script calls the editor scripting API by reflection (EditorAssetSubsystem,
			// EditorUtilitySubsystem, AssetTools): the modules are loaded with the editor; named here so they are.
			"UnrealEd",
			"AssetTools",
			"UMGEditor",
		});
	}
}
