// Stand-in for the engine's Engine/EngineTypes.h: only EWorldType (the goal of a UWorld; PIE is a Play In
// Editor client's world). A namespaced old-style enum, as in the engine.
#pragma once
#include "CoreMinimal.h"

namespace EWorldType
{
	enum Type
	{
		None,
		Game,
		Editor,
		PIE,
		EditorPreview,
		GamePreview,
		GameRPC,
		Inactive
	};
}
