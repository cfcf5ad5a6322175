// What reaches game code from TypeScript (login results, events) is delivered on a later game-thread tick, in
// the order TypeScript reported it. Puerts' engines run promise jobs when the outermost JS call returns to C++
// (ENGINE-FACTS), so TypeScript may report while the C++ call that caused it (a game's UpdateMasterAttributes,
// a node's Activate) is still on the stack: a delegate fired there would run inside its own caller.
#pragma once

#include "CoreMinimal.h"

class HELPSHIFTTS_API FHelpshiftTSDeliveries
{
public:
	using FDelivery = TFunction<void()>;

	/**
	 * Queues Delivery. Returns true when the queue was empty, i.e. the owner must arrange one RunDue on a later
	 * tick (the subsystem registers a core ticker then).
	 *
	 * @example
	 *   if (Deliveries.Add([this] { BoundEventDelegate.ExecuteIfBound(Name, Data); })) { ScheduleTick(); }
	 */
	bool Add(FDelivery Delivery);

	/**
	 * Runs what was queued before this call, in order. What those deliveries queue waits for a later tick (its
	 * Add returns true again, so the owner schedules that tick).
	 */
	void RunDue();

	/** Forgets everything queued (shutdown: nothing may fire once the JsEnv is gone). */
	void Reset() { Queue.Empty(); }

	int32 Num() const { return Queue.Num(); }

private:
	TArray<FDelivery> Queue;
};
