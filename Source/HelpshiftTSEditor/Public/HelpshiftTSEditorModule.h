// The HelpshiftTS editor module: a "HelpshiftTS Login Tester" tab (Window menu). For now the tab points at the
// tester page the reference service serves (the TS view-model rendered in a browser); hosting that view-model
// on an editor-owned JsEnv inside the tab is not built yet (see docs/unreal.md).
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
};
