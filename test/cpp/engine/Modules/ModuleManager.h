#pragma once
#include "CoreMinimal.h"
#include "Modules/ModuleInterface.h"

// The engine registers the module class under its name; this stand-in only checks the class is a module.
#define IMPLEMENT_MODULE(ModuleImplClass, ModuleName) \
	extern "C" IModuleInterface* InitializeModule_##ModuleName() { return new ModuleImplClass(); }
