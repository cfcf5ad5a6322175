// Stand-in for Slate's FWorkspaceItem (Framework/Docking/WorkspaceItem.h): a group of tab spawners in a menu.
#pragma once
#include "CoreMinimal.h"

class FWorkspaceItem
{
public:
	virtual ~FWorkspaceItem() = default;
	FText GetDisplayName() const;
};
