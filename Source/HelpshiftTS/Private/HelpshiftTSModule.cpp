#include "HelpshiftTSModule.h"

#include "Modules/ModuleManager.h"

DEFINE_LOG_CATEGORY(LogHelpshiftTS);

void FHelpshiftTSModule::StartupModule()
{
}

void FHelpshiftTSModule::ShutdownModule()
{
}

IMPLEMENT_MODULE(FHelpshiftTSModule, HelpshiftTS)
