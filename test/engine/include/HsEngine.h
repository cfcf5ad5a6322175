// The runnable stand-in engine's own API (test/engine; not an engine header). Force-included (-include) into
// every harness translation unit: it defines the CoreUObject templates the stand-in headers only declare
// (NewObject, GetDefault, Cast) and gives scenarios the game loop: one Tick = one frame (game-thread tasks queued
// before the frame, then the core ticker, which also completes finished HTTP requests).
#pragma once
#include <string>
#include <typeinfo>
#include "CoreMinimal.h"

namespace HsEngine
{
	/** UTF-16 FString <-> UTF-8. */
	std::string Narrow(const FString& In);
	FString Wide(const std::string& In);

	/** Registers a new UObject (its outer and C++ class, for the reflection glue and GetWorld). */
	void OnNewObject(UObject* Object, UObject* Outer);
	UObject* OuterOf(const UObject* Object);

	/** The current frame number (1 during the first Tick). Incremented at the start of Tick. */
	int64 Frame();
	/** One frame: the game-thread tasks queued before it, then FTSTicker::GetCoreTicker().Tick. */
	void Tick();
	/** Ticks until Done() (checked before each frame) or MaxFrames; sleeps SleepMs between frames. */
	bool TickUntil(const std::function<bool()>& Done, int MaxFrames = 3000, double SleepMs = 1.0);
	/** Ticks Count frames. */
	void TickFrames(int Count, double SleepMs = 1.0);
	/** Seconds on the ticker's clock (wall clock). */
	double Seconds();

	/** Scenario output: one "key=value" line (the vitest side asserts them). */
	void Line(const std::string& Key, const std::string& Value);
	std::string TakeOutput();

	/**
	 * Depth of game calls on the stack: a scenario wraps each call a game makes (a node's Activate, a library
	 * call, Shutdown) in a FGameCall; a pin or listener that fires while it is > 0 fired inside its caller.
	 */
	extern int GameCallDepth;
	struct FGameCall
	{
		FGameCall() { ++GameCallDepth; }
		~FGameCall() { --GameCallDepth; }
	};

	/** Folders: Saved/, the project's Content/, and the plugins' base folders (Content/ below them). */
	void SetPaths(const std::string& ProjectDir, const std::string& HelpshiftPluginDir, const std::string& PuertsPluginDir);
	void SetDedicatedServer(bool bServer);

	/** Calls into a JsEnv after it was destroyed (must stay 0), and every UFUNCTION call from JS, in order. */
	extern int CallsIntoDeadEnv;
	extern bool TraceScriptCalls;
	extern std::vector<std::string> ScriptCalls;
}

template <typename T>
T* NewObject(UObject* Outer, FName Name, uint32 Flags)
{
	T* Object = new T();
	HsEngine::OnNewObject(Object, Outer);
	return Object;
}

template <typename T>
T* HsMutableDefault()
{
	static T* Default = [] {
		T* Made = new T();
		HsEngine::OnNewObject(Made, nullptr);
		return Made;
	}();
	return Default;
}

template <typename T>
const T* GetDefault()
{
	return HsMutableDefault<T>();
}

template <typename To, typename From>
To* Cast(From* Src)
{
	return Src ? dynamic_cast<To*>(Src) : nullptr;
}
