#include "HelpshiftTSEditorModule.h"

#include "Framework/Docking/TabManager.h"
#include "HelpshiftTSEditorConstants.h"
#include "HelpshiftTSEditorTester.h"
#include "HelpshiftTSModule.h"
#include "HelpshiftTSModuleLoader.h"
#include "HelpshiftTSTesterPanel.h"
#include "JsEnv.h"
#include "Modules/ModuleManager.h"
#include "ToolMenus.h"
#include "Widgets/Docking/SDockTab.h"
#include "WorkspaceMenuStructure.h"
#include "WorkspaceMenuStructureModule.h"

const FName FHelpshiftTSEditorModule::TesterTabId(TEXT("HelpshiftTSLoginTester"));

void FHelpshiftTSEditorModule::StartupModule()
{
	FGlobalTabmanager::Get()
		->RegisterNomadTabSpawner(TesterTabId, FOnSpawnTab::CreateRaw(this, &FHelpshiftTSEditorModule::SpawnTesterTab))
		.SetDisplayName(FText::FromString(TEXT("Helpshift Login Tester")))
		// Window → Developer Tools → Miscellaneous: a nomad tab without a group is in no menu.
		.SetGroup(WorkspaceMenu::GetMenuStructure().GetDeveloperToolsMiscCategory())
		.SetTooltipText(FText::FromString(TEXT("Mint a dev token, inspect it, log in and out, add identities, send app foreground, push master and app attributes and watch events.")));
	UToolMenus::RegisterStartupCallback(FSimpleMulticastDelegate::FDelegate::CreateRaw(this, &FHelpshiftTSEditorModule::RegisterMenus));
}

void FHelpshiftTSEditorModule::ShutdownModule()
{
	UToolMenus::UnRegisterStartupCallback(this);
	if (UToolMenus* Menus = UToolMenus::Get())
	{
		Menus->UnregisterOwner(this);
	}
	FGlobalTabmanager::Get()->UnregisterNomadTabSpawner(TesterTabId);
	// The tab's and every widget's tester: widgets hold it weakly and go quiet.
	FHelpshiftTSEditorTester::ShutdownShared();
}

TSharedRef<SDockTab> FHelpshiftTSEditorModule::SpawnTesterTab(const FSpawnTabArgs& Args)
{
	// Started when the tab (or a widget) first opens, kept until shutdown so closing the tab loses no session.
	const TSharedRef<FHelpshiftTSEditorTester> Tester = FHelpshiftTSEditorTester::Get();
	Tester->EnsureStarted();
	return SNew(SDockTab)
		.TabRole(ETabRole::NomadTab)
		[
			MakeHelpshiftTSTesterPanel(Tester, FHelpshiftTSEditorTester::DefaultInputs())
		];
}

void FHelpshiftTSEditorModule::RegisterMenus()
{
	FToolMenuOwnerScoped OwnerScoped(this);
	UToolMenu* Menu = UToolMenus::Get()->ExtendMenu(TEXT("LevelEditor.MainMenu.Tools"));
	FToolMenuSection& Section = Menu->AddSection(TEXT("HelpshiftTS"), FText::FromString(TEXT("HelpshiftTS")));
	Section.AddMenuEntry(TEXT("HelpshiftTSCreateLoginTesterWidget"), FText::FromString(TEXT("Create Login Tester Widget")),
		FText::FromString(TEXT("Creates /Game/HelpshiftTS/EUW_HelpshiftLoginTester (an Editor Utility Widget derived from HelpshiftTSTesterWidget) if it does not exist, and opens it in a tab.")),
		FSlateIcon(), FUIAction(FExecuteAction::CreateRaw(this, &FHelpshiftTSEditorModule::CreateOrOpenTesterWidget)));
}

void FHelpshiftTSEditorModule::CreateOrOpenTesterWidget()
{
	// The engine's editor scripting API from TypeScript (docs/unreal.md says why not Python): a one-shot JsEnv
	// runs the module synchronously (FJsEnv::Start), which logs what it did; the env goes when this returns.
	PUERTS_NAMESPACE::FJsEnv Env(std::make_shared<FHelpshiftTSModuleLoader>(FHelpshiftTSModuleLoader::DefaultRoots()), std::make_shared<PUERTS_NAMESPACE::FDefaultLogger>(), -1);
	Env.Start(HelpshiftTSEditorScript::CreateWidgetModule, TArray<TPair<FString, UObject*>>());
	UE_LOG(LogHelpshiftTS, Log, TEXT("HelpshiftTS: ran %s (run `npm run build` if it was not found)"), HelpshiftTSEditorScript::CreateWidgetModule);
}

IMPLEMENT_MODULE(FHelpshiftTSEditorModule, HelpshiftTSEditor)
