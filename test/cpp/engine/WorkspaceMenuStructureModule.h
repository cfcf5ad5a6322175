// Stand-in for the editor's WorkspaceMenuStructureModule.h: the accessor of the Window menu's structure.
#pragma once
#include "CoreMinimal.h"
#include "WorkspaceMenuStructure.h"

#define WORKSPACEMENUSTRUCTURE_API

namespace WorkspaceMenu
{
	WORKSPACEMENUSTRUCTURE_API const IWorkspaceMenuStructure& GetMenuStructure();
}
