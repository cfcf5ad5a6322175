// RUNNABLE overlay of test/cpp/engine/UObject/StrongObjectPtr.h (CoreUObject's TStrongObjectPtr, declarations
// unchanged): holds a UObject from a non-UObject owner. The harness has no garbage collector (docs/harness.md),
// so holding is only a pointer; Reset forgets it.
#pragma once
#include "CoreMinimal.h"

template <typename ObjectType>
class TStrongObjectPtr
{
public:
	TStrongObjectPtr() = default;
	explicit TStrongObjectPtr(ObjectType* InObject) : Object(InObject) {}
	ObjectType* Get() const { return Object; }
	ObjectType* operator->() const { return Object; }
	explicit operator bool() const { return Object != nullptr; }
	bool IsValid() const { return Object != nullptr; }
	void Reset(ObjectType* InNewObject = nullptr) { Object = InNewObject; }

private:
	ObjectType* Object = nullptr;
};
