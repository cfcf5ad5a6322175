// Calls that arrive before any UHelpshiftTSSubsystem exists. UGameInstance::Init runs the Blueprint _Event Init_
// (ReceiveInit) before it initializes its subsystems (ENGINE-FACTS), so Init, Login and "Listen For Helpshift
// Events" made there find no subsystem. They wait here, in order, and the first subsystem that starts runs
// them (calls tied to a game instance wait for that game instance's subsystem). Nothing is dropped silently:
// past MaxCalls a call is refused and the caller reports it.
#pragma once

#include "CoreMinimal.h"

class UGameInstance;
class UHelpshiftTSSubsystem;

/** The names early calls are kept under (logs, and FHelpshiftTSEarlyCalls::Has). */
namespace HelpshiftTSEarlyCall
{
	inline const TCHAR* const Init = TEXT("Init");
}

class HELPSHIFTTS_API FHelpshiftTSEarlyCalls
{
public:
	using FCall = TFunction<void(UHelpshiftTSSubsystem& Subsystem)>;

	/** More waiting calls than any Event Init makes; past it a runaway loop is refused rather than kept. */
	static constexpr int32 MaxCalls = 256;

	/**
	 * Keeps Call for the next subsystem that starts (GameInstance null: any; otherwise that game instance's).
	 * Name is what the call is, for logs ("Init", "LoginWithIdentity", ...). False when MaxCalls are waiting.
	 *
	 * @example
	 *   FHelpshiftTSEarlyCalls::Get().Add(nullptr, TEXT("Logout"), [](UHelpshiftTSSubsystem& S) { S.Logout(); });
	 */
	bool Add(const UGameInstance* GameInstance, const TCHAR* Name, FCall Call);

	/**
	 * Add for an object that waits for its game instance's subsystem (an async node activated from _Event Init_):
	 * (Object->*Start)(Subsystem) runs when that subsystem starts, if Object still lives.
	 *
	 * @example
	 *   FHelpshiftTSEarlyCalls::Get().AddFor(GameInstance, TEXT("ListenForHelpshiftEvents"), this, &ThisClass::ListenTo);
	 */
	template <typename T>
	bool AddFor(const UGameInstance* GameInstance, const TCHAR* Name, T* Object, void (T::*Start)(UHelpshiftTSSubsystem&))
	{
		TWeakObjectPtr<T> Weak(Object);
		return Add(GameInstance, Name, [Weak, Start](UHelpshiftTSSubsystem& Subsystem) {
			if (T* Live = Weak.Get())
			{
				(Live->*Start)(Subsystem);
			}
		});
	}

	/** Removes and returns, in the order they were added, the calls for this game instance and the untied ones. */
	TArray<FCall> Take(const UGameInstance* GameInstance);

	/** Whether a call named Name waits for this game instance (or untied). */
	bool Has(const UGameInstance* GameInstance, const TCHAR* Name) const;

	int32 Num() const { return Calls.Num(); }

	/** Forgets every waiting call (module shutdown). */
	void Reset() { Calls.Empty(); }

	/** The process-wide queue the library and the async actions use. */
	static FHelpshiftTSEarlyCalls& Get();

private:
	struct FEntry
	{
		/** Compared by address only, never dereferenced: a game instance that is gone matches nothing new. */
		const UGameInstance* GameInstance = nullptr;
		FString Name;
		FCall Call;
	};

	TArray<FEntry> Calls;
};
