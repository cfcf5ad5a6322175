// The HelpshiftTS editor module: the "HelpshiftTS Login Tester" tab (Window menu). The tab hosts the tester
// view-model (TypeScript/tester) on an editor-owned Puerts JsEnv (FHelpshiftTSEditorTester), with its own dev
// state under Saved/HelpshiftTS/EditorTester, apart from any game's.
#pragma once

#include "CoreMinimal.h"
#include "Modules/ModuleInterface.h"

class SDockTab;
class FSpawnTabArgs;
class FHelpshiftTSEditorTester;

class FHelpshiftTSEditorModule : public IModuleInterface
{
public:
	virtual void StartupModule() override;
	virtual void ShutdownModule() override;

	/** The tab id under which the tester is registered. */
	static const FName TesterTabId;

private:
	TSharedRef<SDockTab> SpawnTesterTab(const FSpawnTabArgs& Args);

	/** Started when the tab first opens, kept until shutdown so closing the tab loses no session or event. */
	TSharedPtr<FHelpshiftTSEditorTester> Tester;
};
