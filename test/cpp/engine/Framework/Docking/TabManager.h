#pragma once
#include "CoreMinimal.h"

class SDockTab;
class FWorkspaceItem;
class FSpawnTabArgs
{
};
typedef TDelegate<TSharedRef<SDockTab>(const FSpawnTabArgs&)> FOnSpawnTab;
typedef TDelegate<bool(const FSpawnTabArgs&)> FCanSpawnTab;

class FTabSpawnerEntry
{
public:
	FTabSpawnerEntry& SetDisplayName(const FText& InLegibleName);
	FTabSpawnerEntry& SetTooltipText(const FText& InTooltipText);
	FTabSpawnerEntry& SetGroup(const TSharedRef<FWorkspaceItem>& InGroup);
};

class FGlobalTabmanager
{
public:
	static const TSharedRef<FGlobalTabmanager>& Get();
	FTabSpawnerEntry& RegisterNomadTabSpawner(const FName TabId, const FOnSpawnTab& OnSpawnTab, const FCanSpawnTab& CanSpawnTab = FCanSpawnTab());
	void UnregisterNomadTabSpawner(const FName TabId);
};
