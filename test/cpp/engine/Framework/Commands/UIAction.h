// Stand-in for Slate's FUIAction (Framework/Commands/UIAction.h): what a menu entry runs.
#pragma once
#include "CoreMinimal.h"

DECLARE_DELEGATE(FExecuteAction);

struct FUIAction
{
	FUIAction() = default;
	FUIAction(FExecuteAction InitExecuteAction) : ExecuteAction(InitExecuteAction) {}
	FExecuteAction ExecuteAction;
};
