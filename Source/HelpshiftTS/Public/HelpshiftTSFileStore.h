// One file per key in one folder: the store behind the bridges' LoadValue/SaveValue/RemoveValue (the game's
// Saved/HelpshiftTS, the editor tester's Saved/HelpshiftTS/EditorTester). Keys arrive escaped by TypeScript to
// [A-Za-z0-9_-] (TypeScript/ue/adapters/store.ts); anything else is refused, so no key can name a path outside
// the folder.
#pragma once

#include "CoreMinimal.h"

/**
 * @example
 *   const FHelpshiftTSFileStore Store(FPaths::Combine(FPaths::ProjectSavedDir(), TEXT("HelpshiftTS")));
 *   Store.Save(TEXT("hs_003asession"), Json);   // Saved/HelpshiftTS/hs_003asession
 *   FString Value;
 *   Store.Load(TEXT("hs_003asession"), Value);  // true, Value == Json
 *   Store.Load(TEXT("../Config"), Value);       // false: refused key
 */
class HELPSHIFTTS_API FHelpshiftTSFileStore
{
public:
	/** InDir: the absolute folder holding the files; created on the first save. */
	explicit FHelpshiftTSFileStore(const FString& InDir);

	/** Non-empty, at most MaxKeyLength characters of [A-Za-z0-9_-]. */
	static bool IsSafeKey(const FString& Key);

	/** Reads <Dir>/<Key>; false when absent or the key is refused. */
	bool Load(const FString& Key, FString& OutValue) const;

	/** Writes <Dir>/<Key>.tmp, then moves it over <Dir>/<Key>: a crash mid-write never leaves half a file. */
	bool Save(const FString& Key, const FString& Value) const;

	/** Deletes <Dir>/<Key>; false when absent or the key is refused. */
	bool Remove(const FString& Key) const;

	/** Longest key accepted: far above what the TypeScript keys escape to, far below any file-name limit. */
	static constexpr int32 MaxKeyLength = 200;

private:
	FString Dir;
};
