#include "HelpshiftTSEditorModule.h"

#include "Framework/Docking/TabManager.h"
#include "HelpshiftTSEditorTester.h"
#include "HelpshiftTSSettings.h"
#include "HelpshiftTSTesterPanel.h"
#include "Modules/ModuleManager.h"
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
}

void FHelpshiftTSEditorModule::ShutdownModule()
{
	FGlobalTabmanager::Get()->UnregisterNomadTabSpawner(TesterTabId);
	if (Tester.IsValid())
	{
		Tester->Stop();
		Tester.Reset();
	}
}

TSharedRef<SDockTab> FHelpshiftTSEditorModule::SpawnTesterTab(const FSpawnTabArgs& Args)
{
	if (!Tester.IsValid())
	{
		Tester = MakeShared<FHelpshiftTSEditorTester>();
	}
	if (!Tester->IsRunning())
	{
		// First open, or the bundle was missing last time (built since?): start afresh.
		Tester->Stop();
		Tester->Start();
	}
	// Defaults from Project Settings → Plugins → HelpshiftTS; the tester's state stays its own all the same.
	const UHelpshiftTSSettings* Settings = GetDefault<UHelpshiftTSSettings>();
	FHelpshiftTSTesterInputs Initial;
	Initial.ServiceUrl = Settings->ServiceUrl.IsEmpty() ? FString(TEXT("http://127.0.0.1:8787")) : Settings->ServiceUrl;
	Initial.AppId = Settings->AppId.IsEmpty() ? FString(TEXT("demo")) : Settings->AppId;
	Initial.ConfigJson = TEXT("{\"full_privacy_enabled\": false}");
	Initial.MasterAttributesJson = TEXT("{\"first_name\": \"Ada\"}");
	Initial.AppAttributesJson = TEXT("{\"app_version\": \"1.0.0\"}");
	return SNew(SDockTab)
		.TabRole(ETabRole::NomadTab)
		[
			MakeHelpshiftTSTesterPanel(Tester.ToSharedRef(), Initial)
		];
}

IMPLEMENT_MODULE(FHelpshiftTSEditorModule, HelpshiftTSEditor)
