// The runnable stand-in engine's own API (test/engine; not an engine header). Force-included (-include) into
// every harness translation unit: it defines the CoreUObject templates the stand-in headers only declare
// (NewObject, GetDefault, Cast) and gives scenarios the game loop: one Tick = one frame (game-thread tasks queued
// before the frame, then the core ticker, which also completes finished HTTP requests).
#pragma once
#include <string>
#include <typeinfo>
#include <vector>
#include <type_traits>
#include <cctype>
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
	/** What was recorded so far (not taken). */
	const std::string& PeekOutput();

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

	/**
	 * Every HTTP request the game started, in order, as the stand-in FHttpModule saw it on the game thread:
	 * "<METHOD> <path> auth=<last 12 characters of the bearer token, or ->".
	 */
	extern std::vector<std::string> HttpLog;
	/** Requests started and not yet completed on the game thread (a cancelled one counts until its completion). */
	extern int HttpInFlight;

	/** Wall-clock pause with no frame: the game thread suspended (an iOS app in the background). */
	void Suspend(double Seconds);
}

// UE_LOG records "log.<Verbosity>=<message>" lines (the syntax-check CoreMinimal.h makes it a no-op; this header
// is force-included right after it). Formats: %s (TCHAR*), %d/%i/%u (integers), %f/%g (numbers), %%.
namespace HsEngine
{
	inline std::string LogArg(const TCHAR* S) { return S ? Narrow(FString(S)) : std::string("(null)"); }
	inline std::string LogArg(const char* S) { return S ? std::string(S) : std::string("(null)"); }
	template <typename T> std::string LogArg(const T& V)
	{
		if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) return std::to_string((long double)V).substr(0, std::to_string((long double)V).find(".000000"));
		else return std::string("?");
	}
	template <typename... Args> void Log(const char* Verbosity, const TCHAR* Format, const Args&... InArgs)
	{
		const std::vector<std::string> Values{LogArg(InArgs)...};
		const std::string F = Narrow(FString(Format));
		std::string Out;
		size_t Next = 0;
		for (size_t I = 0; I < F.size(); ++I)
		{
			if (F[I] != '%' || I + 1 >= F.size()) { Out += F[I]; continue; }
			if (F[I + 1] == '%') { Out += '%'; ++I; continue; }
			size_t J = I + 1;
			while (J < F.size() && !std::isalpha((unsigned char)F[J])) ++J;
			Out += Next < Values.size() ? Values[Next++] : std::string("?");
			I = J;
		}
		Line(std::string("log.") + Verbosity, Out);
	}
}
#undef UE_LOG
#define UE_LOG(CategoryName, Verbosity, Format, ...) \
	((void)sizeof(CategoryName), HsEngine::Log(#Verbosity, Format, ##__VA_ARGS__))

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
