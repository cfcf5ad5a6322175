// The HelpshiftTS editor module: the "HelpshiftTS Login Tester" tab (Window menu) and the Tools menu entry
// "Create Login Tester Widget" (an Editor Utility Widget derived from UHelpshiftTSTesterWidget). Both host the
// tester view-model (TypeScript/tester) on the editor's one tester JsEnv (FHelpshiftTSEditorTester::Get()), with
// its own dev state under Saved/HelpshiftTS/EditorTester, apart from any game's.
#pragma once

#include "CoreMinimal.h"
#include "Modules/ModuleInterface.h"

class SDockTab;
class FSpawnTabArgs;

class FHelpshiftTSEditorModule : public IModuleInterface
{
public:
	virtual void StartupModule() override;
	virtual void ShutdownModule() override;

	/** The tab id under which the tester is registered. */
	static const FName TesterTabId;

private:
	TSharedRef<SDockTab> SpawnTesterTab(const FSpawnTabArgs& Args);

	/** Tools → HelpshiftTS → Create Login Tester Widget. */
	void RegisterMenus();

	/** Runs HelpshiftTS/editor-create-widget on a one-shot JsEnv: creates or opens EUW_HelpshiftLoginTester. */
	void CreateOrOpenTesterWidget();
};
