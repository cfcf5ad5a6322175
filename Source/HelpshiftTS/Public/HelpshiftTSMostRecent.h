// The most recently added object still alive: the primary subsystem the static Blueprint calls go to. In PIE
// with several clients each game instance has its own subsystem and they end independently (ENGINE-FACTS), so
// when the newest ends the one started before it takes over, never a dangling or a null one while others live.
#pragma once

#include "CoreMinimal.h"

template <typename T>
class THelpshiftTSMostRecent
{
public:
	/** Object becomes the most recent. */
	void Add(T* Object)
	{
		Remove(Object);
		Entries.Add(TWeakObjectPtr<T>(Object));
	}

	/** Forgets Object (and any entry whose object is gone). */
	void Remove(const T* Object)
	{
		Entries.RemoveAll([Object](const TWeakObjectPtr<T>& Entry) { return !Entry.IsValid() || Entry.Get() == Object; });
	}

	/** The most recently added object still alive, or null. */
	T* Get() const
	{
		for (int32 Index = Entries.Num() - 1; Index >= 0; --Index)
		{
			if (T* Object = Entries[Index].Get())
			{
				return Object;
			}
		}
		return nullptr;
	}

private:
	TArray<TWeakObjectPtr<T>> Entries;
};
