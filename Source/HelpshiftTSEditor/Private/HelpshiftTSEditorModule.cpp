#include "HelpshiftTSEditorModule.h"

#include "Framework/Docking/TabManager.h"
#include "HelpshiftTSSettings.h"
#include "Modules/ModuleManager.h"
#include "Widgets/Docking/SDockTab.h"
#include "Widgets/Text/STextBlock.h"

const FName FHelpshiftTSEditorModule::TesterTabId(TEXT("HelpshiftTSLoginTester"));

void FHelpshiftTSEditorModule::StartupModule()
{
	FGlobalTabmanager::Get()
		->RegisterNomadTabSpawner(TesterTabId, FOnSpawnTab::CreateRaw(this, &FHelpshiftTSEditorModule::SpawnTesterTab))
		.SetDisplayName(FText::FromString(TEXT("HelpshiftTS Login Tester")));
}

void FHelpshiftTSEditorModule::ShutdownModule()
{
	FGlobalTabmanager::Get()->UnregisterNomadTabSpawner(TesterTabId);
}

TSharedRef<SDockTab> FHelpshiftTSEditorModule::SpawnTesterTab(const FSpawnTabArgs& Args)
{
	// The tester keeps its own dev state, apart from the game's: it is the service's page, not the game's JsEnv.
	const UHelpshiftTSSettings* Settings = GetDefault<UHelpshiftTSSettings>();
	const FString Service = Settings->ServiceUrl.IsEmpty() ? FString(TEXT("http://127.0.0.1:8787")) : Settings->ServiceUrl;
	const FString Help = FString(TEXT("Run `npm start` in the plugin folder, then open ")) + Service +
		TEXT("/tester to mint a token with a dev secret, inspect it, log in/out, add identities, push attributes and watch events.");
	return SNew(SDockTab)
		.TabRole(ETabRole::NomadTab)
		[
			SNew(STextBlock)
			.Text(FText::FromString(Help))
			.AutoWrapText(true)
		];
}

IMPLEMENT_MODULE(FHelpshiftTSEditorModule, HelpshiftTSEditor)
