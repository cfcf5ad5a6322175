// Stand-in for CoreUObject's TStrongObjectPtr (UObject/StrongObjectPtr.h): keeps a UObject alive from a
// non-UObject owner.
#pragma once
#include "CoreMinimal.h"

template <typename ObjectType>
class TStrongObjectPtr
{
public:
	TStrongObjectPtr() = default;
	explicit TStrongObjectPtr(ObjectType* InObject);
	ObjectType* Get() const;
	ObjectType* operator->() const;
	explicit operator bool() const;
	bool IsValid() const;
	void Reset(ObjectType* InNewObject = nullptr);
};
