// Stand-in for CoreUObject's TSubclassOf (Templates/SubclassOf.h): a UClass* restricted to T and its subclasses.
#pragma once
#include "CoreMinimal.h"

template <typename T>
class TSubclassOf
{
public:
	TSubclassOf() = default;
	TSubclassOf(UClass* In) : Class(In) {}
	UClass* Get() const { return Class; }
	operator UClass*() const { return Class; }
	UClass* operator*() const { return Class; }

private:
	UClass* Class = nullptr;
};
