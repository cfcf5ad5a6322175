// What a scenario uses: the game's own API (UHelpshiftTSLibrary, the async nodes, the subsystem) plus the
// stand-in engine's loop (HsEngine) and a "Blueprint" object whose UFUNCTIONs are the pins' handlers and record
// which pin fired, with which values, on which frame, and whether inside a game call.
#pragma once
#include <map>
#include <string>

#include "CoreMinimal.h"
#include "Engine/GameInstance.h"
#include "Engine/World.h"
#include "HelpshiftTSDelegates.h"

namespace HsScenario
{
	std::string Run(const std::string& Name, const std::string& ConfigJson);

	/** The test's values: serviceUrl, appId, token.<name>, projectDir, ... */
	const std::string& Config(const std::string& Key);
	FString ConfigW(const std::string& Key);

	/** "k1:v1,k2:v2" in key order (map entries). */
	std::string Entries(const FHelpshiftStringMap& Map);
}

/** A Blueprint game instance: _Event Init_ and _Event Shutdown_ are the scenario's graphs. */
class UHsGameInstance : public UGameInstance
{
public:
	std::function<void(UHsGameInstance*)> EventInit;
	std::function<void(UHsGameInstance*)> EventShutdown;
	void ReceiveInit() override
	{
		if (EventInit) EventInit(this);
	}
	void ReceiveShutdown() override
	{
		if (EventShutdown) EventShutdown(this);
	}
};

/** A Blueprint's event graph: one object per listener, its handlers record under Label. */
class UHsPins : public UObject
{
public:
	std::string Label;
	int Fired = 0;
	/** Frame of the game call the pins belong to; the record says how many frames later a pin fired. */
	int64 CallFrame = 0;

	void Record(const std::string& Pin, const std::string& Values);
	// UFUNCTIONs of the Blueprint (bound with BindDynamic/AddDynamic, as a Blueprint binds by name).
	void OnSuccess();
	void OnFailure(const FString& Reason, const FHelpshiftStringMap& Errors);
	void OnFailureDetail(const FString& Reason, const FHelpshiftStringMap& Errors, const FString& Detail);
	void OnEvent(const FString& EventName, const FHelpshiftStringMap& Data);
	void OnState(const FHelpshiftIdentityState& State);
};

/** The harness's reporting object for a game's gameplay script (test/harness/cpp/Probe.cpp). */
class UHsProbe : public UObject
{
};

UHsPins* HsNewPins(const std::string& Label);
/**
 * Creates a game instance in a world and runs its Init (one game call): a standalone game's (a Game world
 * context), or, with PIEInstance >= 0, a PIE client's (a PIE world context with that PIEInstance), as the engine's
 * InitializeStandalone / InitializeForPlayInEditor do.
 */
UHsGameInstance* HsStartGame(std::function<void(UHsGameInstance*)> EventInit, std::function<void(UHsGameInstance*)> EventShutdown = nullptr,
	int32 PIEInstance = INDEX_NONE);
void HsEndGame(UHsGameInstance* Game);

#define HS_SCENARIO(Name) \
	static void Scenario_##Name(); \
	static HsScenarioRegistration Registration_##Name(#Name, &Scenario_##Name); \
	static void Scenario_##Name()

struct HsScenarioRegistration
{
	HsScenarioRegistration(const char* Name, void (*Fn)());
};
