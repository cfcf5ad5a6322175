// The editor tester's Store: one file per key in one folder. Keys arrive escaped by TypeScript to
// [A-Za-z0-9_-] (TypeScript/ue/adapters/store.ts); anything else is refused, so no key can name a path outside
// the folder. The same rules as the runtime bridge's store (which is private to the runtime module).
#pragma once

#include "CoreMinimal.h"

namespace HelpshiftTSEditorFiles
{
	/** Non-empty, at most 200 characters of [A-Za-z0-9_-]. */
	bool IsSafeKey(const FString& Key);

	/** Reads <Dir>/<Key>; false when absent or the key is refused. */
	bool Load(const FString& Dir, const FString& Key, FString& OutValue);

	/** Writes <Dir>/<Key>.tmp, then moves it over <Dir>/<Key>: a crash mid-write never leaves half a file. */
	bool Save(const FString& Dir, const FString& Key, const FString& Value);

	bool Remove(const FString& Dir, const FString& Key);
}
