// Stand-in for the editor's WorkspaceMenuStructure.h: the categories tab spawners place themselves in.
#pragma once
#include "CoreMinimal.h"
#include "Framework/Docking/WorkspaceItem.h"

class IWorkspaceMenuStructure
{
public:
	virtual ~IWorkspaceMenuStructure() = default;
	virtual TSharedRef<FWorkspaceItem> GetStructureRoot() const = 0;
	virtual TSharedRef<FWorkspaceItem> GetToolsCategory() const = 0;
	virtual TSharedRef<FWorkspaceItem> GetDeveloperToolsMiscCategory() const = 0;
};
