#include "HelpshiftTSEarlyCalls.h"

bool FHelpshiftTSEarlyCalls::Add(const UGameInstance* GameInstance, const TCHAR* Name, FCall Call)
{
	if (Calls.Num() >= MaxCalls)
	{
		return false;
	}
	FEntry Entry;
	Entry.GameInstance = GameInstance;
	Entry.Name = Name;
	Entry.Call = MoveTemp(Call);
	Calls.Add(MoveTemp(Entry));
	return true;
}

TArray<FHelpshiftTSEarlyCalls::FCall> FHelpshiftTSEarlyCalls::Take(const UGameInstance* GameInstance)
{
	TArray<FCall> Taken;
	TArray<FEntry> Kept;
	for (FEntry& Entry : Calls)
	{
		if (Entry.GameInstance == nullptr || Entry.GameInstance == GameInstance)
		{
			Taken.Add(MoveTemp(Entry.Call));
		}
		else
		{
			Kept.Add(MoveTemp(Entry));
		}
	}
	Calls = MoveTemp(Kept);
	return Taken;
}

bool FHelpshiftTSEarlyCalls::Has(const UGameInstance* GameInstance, const TCHAR* Name) const
{
	for (const FEntry& Entry : Calls)
	{
		if ((Entry.GameInstance == nullptr || Entry.GameInstance == GameInstance) && Entry.Name.Equals(Name, ESearchCase::CaseSensitive))
		{
			return true;
		}
	}
	return false;
}

FHelpshiftTSEarlyCalls& FHelpshiftTSEarlyCalls::Get()
{
	static FHelpshiftTSEarlyCalls Queue;
	return Queue;
}
