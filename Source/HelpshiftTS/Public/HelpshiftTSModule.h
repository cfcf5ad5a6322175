// The HelpshiftTS runtime module. The identity logic lives in TypeScript; this module only hosts the bridge.
#pragma once

#include "CoreMinimal.h"
#include "Modules/ModuleInterface.h"

HELPSHIFTTS_API DECLARE_LOG_CATEGORY_EXTERN(LogHelpshiftTS, Log, All);

class FHelpshiftTSModule : public IModuleInterface
{
public:
	virtual void StartupModule() override;
	virtual void ShutdownModule() override;
};
